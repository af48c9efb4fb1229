/**
 * After staff edit or cancel a shift or a training, the Home tabs that show it: the staff member's own
 * (it lists the team's upcoming shifts with Edit and Cancel) and those of everyone holding a seat or
 * waiting (each lists the person's next shifts and trainings). One after another, so a big shift does not burst views.publish; each is
 * skipped for someone who never opened the tab, and a failure is logged and changes nothing.
 * Other staff members' Home tabs catch up when they next open the tab or change something.
 */
import type { Logger } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { refreshHome } from './publish-home.js';

export async function refreshHomesAfterScheduleChange(
  deps: { client: WebClient; db: Kysely<DB>; logger: Logger },
  change: { teamId: string; changedBy: string; peopleSignedUp: readonly string[]; now: Date },
): Promise<void> {
  for (const userId of new Set([change.changedBy, ...change.peopleSignedUp])) {
    await refreshHome({ ...deps, teamId: change.teamId, userId, now: change.now });
  }
}
