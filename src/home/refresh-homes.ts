/**
 * After staff edit or cancel a shift or a training, the Home tabs that show it: those of the team's staff
 * and admins (each lists the team's upcoming shifts and trainings with Edit and Cancel; the one who made the
 * change first) and those of everyone holding a seat or waiting (each lists the person's next shifts and
 * trainings). One after another, so a big shift does not burst views.publish; each is skipped for someone
 * who never opened the tab, and a failure is logged and changes nothing. At most STAFF_HOMES_REFRESHED other
 * staff Home tabs: beyond that, they catch up when next opened.
 */
import type { Logger } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { refreshHome } from './publish-home.js';
import { staffWithHomeTabs } from './queries.js';

const STAFF_HOMES_REFRESHED = 50;

export async function refreshHomesAfterScheduleChange(
  deps: { client: WebClient; db: Kysely<DB>; logger: Logger },
  change: { teamId: string; changedBy: string; peopleSignedUp: readonly string[]; now: Date },
): Promise<void> {
  const staff = await staffWithHomeTabs(deps.db, change.teamId, STAFF_HOMES_REFRESHED);
  for (const userId of new Set([change.changedBy, ...staff, ...change.peopleSignedUp])) {
    await refreshHome({ ...deps, teamId: change.teamId, userId, now: change.now });
  }
}
