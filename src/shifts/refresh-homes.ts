/**
 * After staff edit or cancel a shift, the Home tabs that show it: the staff member's own (it lists the
 * team's upcoming shifts with Edit and Cancel) and those of everyone on the shift (each lists the
 * person's next shifts). One after another, so a big shift does not burst views.publish; each is
 * skipped for someone who never opened the tab, and a failure is logged and changes nothing.
 * Other staff members' Home tabs catch up when they next open the tab or change something.
 */
import type { Logger } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { refreshHome } from '../home/publish-home.js';

export async function refreshHomesAfterShiftChange(
  deps: { client: WebClient; db: Kysely<DB>; logger: Logger },
  change: { teamId: string; changedBy: string; peopleOnShift: readonly string[]; now: Date },
): Promise<void> {
  for (const userId of new Set([change.changedBy, ...change.peopleOnShift])) {
    await refreshHome({ ...deps, teamId: change.teamId, userId, now: change.now });
  }
}
