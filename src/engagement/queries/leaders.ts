/** Staff to tell, snoozes and asks of the leader-spotting DM. */
import { sql, type Kysely } from 'kysely';
import type { DB, LeaderAsk } from '../../db/schema.js';
import type { IsoDate } from '../../domain/dates.js';

/** Everyone with the staff or admin role: grants, the staff user groups, and workspace admins and owners. */
export async function staffOf(db: Kysely<DB>, teamId: string): Promise<string[]> {
  const { rows } = await sql<{ user_id: string }>`
    select user_id from role_grants where team_id = ${teamId} and role in ('staff', 'admin')
    union
    select m.user_id from usergroup_members m join workspace_settings s on s.team_id = m.team_id
    where m.team_id = ${teamId} and m.usergroup_id = any(s.staff_usergroup_ids)
    union
    select user_id from people where team_id = ${teamId} and (is_admin or is_owner)
    order by user_id`.execute(db);
  return rows.map((r) => r.user_id);
}

export async function snoozedOn(db: Kysely<DB>, teamId: string, today: IsoDate): Promise<Set<string>> {
  const rows = await db.selectFrom('leader_snoozes').select('user_id').where('team_id', '=', teamId).where('until', '>', today).execute();
  return new Set(rows.map((r) => r.user_id));
}

/** Snoozes someone until `until` (a later snooze replaces an earlier one). */
export async function snooze(db: Kysely<DB>, teamId: string, userId: string, until: IsoDate, by: string): Promise<void> {
  await db
    .insertInto('leader_snoozes')
    .values({ team_id: teamId, user_id: userId, until, snoozed_by: by })
    .onConflict((c) => c.columns(['team_id', 'user_id']).doUpdateSet({ until, snoozed_by: by }))
    .execute();
}

/** Records an ask; false when it was already made that week (by anyone), so the person is asked once. */
export async function recordAsk(db: Kysely<DB>, ask: { teamId: string; userId: string; ask: LeaderAsk; week: IsoDate; by: string }): Promise<boolean> {
  const inserted = await db
    .insertInto('leader_asks')
    .values({ team_id: ask.teamId, user_id: ask.userId, ask: ask.ask, week: ask.week, asked_by: ask.by })
    .onConflict((c) => c.doNothing())
    .returning('user_id')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** Takes an ask back when its DM certainly did not go out, so it can be made again. */
export async function forgetAsk(db: Kysely<DB>, ask: { teamId: string; userId: string; ask: LeaderAsk; week: IsoDate }): Promise<void> {
  await db.deleteFrom('leader_asks').where('team_id', '=', ask.teamId).where('user_id', '=', ask.userId).where('ask', '=', ask.ask).where('week', '=', ask.week).execute();
}

export async function teamsWithSettings(db: Kysely<DB>): Promise<{ teamId: string; timeZone: string }[]> {
  const rows = await db.selectFrom('workspace_settings').select(['team_id', 'time_zone']).orderBy('team_id').execute();
  return rows.map((r) => ({ teamId: r.team_id, timeZone: r.time_zone ?? 'UTC' }));
}
