/** The per-person facts Groundwork caches from Slack: the time zone and the workspace admin/owner flags. */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

export interface CachedTimeZone {
  timeZone: string;
  refreshedAt: Date;
}

export async function findTimeZone(db: Kysely<DB>, teamId: string, userId: string): Promise<CachedTimeZone | undefined> {
  const row = await db
    .selectFrom('people')
    .select(['time_zone', 'refreshed_at'])
    .where('team_id', '=', teamId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row && { timeZone: row.time_zone, refreshedAt: row.refreshed_at };
}

/** What users.info told us about a person; one row per person, so there is one cache of Slack profiles. */
export interface PersonFromSlack {
  timeZone: string;
  isAdmin: boolean;
  isOwner: boolean;
}

export async function savePerson(db: Kysely<DB>, teamId: string, userId: string, person: PersonFromSlack): Promise<void> {
  const values = { time_zone: person.timeZone, is_admin: person.isAdmin, is_owner: person.isOwner, refreshed_at: new Date() };
  await db
    .insertInto('people')
    .values({ team_id: teamId, user_id: userId, ...values })
    .onConflict((oc) => oc.columns(['team_id', 'user_id']).doUpdateSet(values))
    .execute();
}
