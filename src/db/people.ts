/** The per-person facts Groundwork caches from Slack (today: the time zone). */
import type { Kysely } from 'kysely';
import type { DB } from './schema.js';

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

export async function saveTimeZone(db: Kysely<DB>, teamId: string, userId: string, timeZone: string): Promise<void> {
  await db
    .insertInto('people')
    .values({ team_id: teamId, user_id: userId, time_zone: timeZone, refreshed_at: new Date() })
    .onConflict((oc) => oc.columns(['team_id', 'user_id']).doUpdateSet({ time_zone: timeZone, refreshed_at: new Date() }))
    .execute();
}
