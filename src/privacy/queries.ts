/**
 * Reading everything stored about a person, and forgetting them. Both walk PERSONAL_DATA_TABLES, so
 * what my-data shows and what forget-me removes are the same list.
 */
import { randomBytes } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import type { OpportunityKind } from '../signups/signup-rules.js';
import { inTransaction } from '../db/transaction.js';
import { FORGOTTEN_ID_PREFIX, PERSONAL_DATA_TABLES, type PersonalDataTableName } from './personal-data.js';

export type PersonalData = Record<PersonalDataTableName, Record<string, unknown>[]>;

/** Every row that names the person, table by table (one workspace). */
export async function personalDataOf(db: Kysely<DB>, teamId: string, userId: string): Promise<PersonalData> {
  const data = {} as PersonalData;
  for (const [table, { columns }] of Object.entries(PERSONAL_DATA_TABLES) as [PersonalDataTableName, { columns: readonly string[] }][]) {
    const naming = sql.join(columns.map((column) => sql`${sql.ref(column)} = ${userId}`), sql` or `);
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table)} where team_id = ${teamId} and (${naming})`.execute(db);
    data[table] = rows;
  }
  return data;
}

/** The claims to give up before forgetting: seats, offers and waitlist places on what has not started. */
export async function upcomingHoldsOf(db: Kysely<DB>, teamId: string, userId: string, now: Date): Promise<{ opportunityId: number; kind: OpportunityKind }[]> {
  const rows = await db
    .selectFrom('signup_claims')
    .innerJoin('signup_opportunities', 'signup_opportunities.id', 'signup_claims.opportunity_id')
    .select(['signup_claims.opportunity_id', 'signup_opportunities.kind'])
    .where('signup_claims.team_id', '=', teamId)
    .where('signup_claims.user_id', '=', userId)
    .where('signup_claims.status', 'in', ['seated', 'offered', 'waiting'])
    .where('signup_opportunities.starts_at', '>', now)
    .execute();
  return rows.map((row) => ({ opportunityId: Number(row.opportunity_id), kind: row.kind }));
}

/**
 * Removes the person from every table in one transaction (see personal-data.ts for what each keeps).
 * Safe to run again: a second run finds nothing of theirs.
 */
export async function forgetPerson(db: Kysely<DB>, teamId: string, userId: string): Promise<void> {
  // New for every forgotten person; the summary triggers move their totals to it with the actions.
  const anonymous = `${FORGOTTEN_ID_PREFIX}${randomBytes(9).toString('hex')}`;
  await inTransaction(db, async (trx) => {
    // One forget at a time per person: a double submit and a user_change event may arrive together.
    await sql`select pg_advisory_xact_lock(hashtext(${`forget:${teamId}:${userId}`}))`.execute(trx);
    await anonymizeHistory(trx, teamId, userId, anonymous);
    await clearActor(trx, teamId, userId, anonymous);
    await deleteOwnRows(trx, teamId, userId);
  });
}

async function anonymizeHistory(trx: Transaction<DB>, teamId: string, userId: string, anonymous: string): Promise<void> {
  await trx
    .updateTable('actions')
    .set({ user_id: anonymous, place: null, note: null, story: null, story_consent: false })
    .where('team_id', '=', teamId)
    .where('user_id', '=', userId)
    .execute();
  // The triggers moved the sums to the anonymous id and left the person's rows at zero.
  await trx.deleteFrom('person_week_totals').where('team_id', '=', teamId).where('user_id', '=', userId).execute();
  await trx.deleteFrom('person_totals').where('team_id', '=', teamId).where('user_id', '=', userId).execute();
  await trx.deleteFrom('person_activity').where('team_id', '=', teamId).where('user_id', '=', userId).execute();
  // reminders_from cleared: an anonymous past seat is owed no report-back ask (the drain derives one only for a seat with it).
  await trx.updateTable('signup_claims').set({ user_id: anonymous, reminders_from: null }).where('team_id', '=', teamId).where('user_id', '=', userId).execute();
  await trx.updateTable('invitation_recipients').set({ user_id: anonymous, note: null }).where('team_id', '=', teamId).where('user_id', '=', userId).execute();
}

/** Where the person only did something to others' rows: the row stays, without them. */
async function clearActor(trx: Transaction<DB>, teamId: string, userId: string, anonymous: string): Promise<void> {
  await trx.updateTable('workspace_settings').set({ updated_by: null }).where('team_id', '=', teamId).where('updated_by', '=', userId).execute();
  await trx.updateTable('signup_opportunities').set({ created_by: anonymous }).where('team_id', '=', teamId).where('created_by', '=', userId).execute();
  await trx.updateTable('signup_claims').set({ removed_by: null }).where('team_id', '=', teamId).where('removed_by', '=', userId).execute();
  await trx.updateTable('signup_claims').set({ attendance_marked_by: null }).where('team_id', '=', teamId).where('attendance_marked_by', '=', userId).execute();
  await trx.updateTable('role_grants').set({ granted_by: anonymous }).where('team_id', '=', teamId).where('granted_by', '=', userId).execute();
  await trx.updateTable('story_nominations').set({ nominated_by: anonymous }).where('team_id', '=', teamId).where('nominated_by', '=', userId).execute();
  await trx.updateTable('person_skills').set({ recorded_by: anonymous }).where('team_id', '=', teamId).where('recorded_by', '=', userId).execute();
  await trx.updateTable('invitations').set({ created_by: anonymous }).where('team_id', '=', teamId).where('created_by', '=', userId).execute();
  await trx.updateTable('leader_asks').set({ asked_by: anonymous }).where('team_id', '=', teamId).where('asked_by', '=', userId).execute();
  await trx.updateTable('leader_snoozes').set({ snoozed_by: anonymous }).where('team_id', '=', teamId).where('snoozed_by', '=', userId).execute();
}

async function deleteOwnRows(trx: Transaction<DB>, teamId: string, userId: string): Promise<void> {
  for (const table of ['people', 'held_reports', 'home_tabs', 'role_grants', 'usergroup_members', 'signup_outbox', 'person_skills', 'invitation_opt_outs', 'leader_snoozes', 'leader_asks'] as const) {
    await trx.deleteFrom(table).where('team_id', '=', teamId).where('user_id', '=', userId).execute();
  }
  await trx.deleteFrom('story_nominations').where('team_id', '=', teamId).where('author_id', '=', userId).execute();
}

/** `/groundwork stop-invites`; true when they had already opted out. */
export async function optOutOfInvitations(db: Kysely<DB>, teamId: string, userId: string): Promise<boolean> {
  const inserted = await db.insertInto('invitation_opt_outs').values({ team_id: teamId, user_id: userId }).onConflict((c) => c.doNothing()).returning('user_id').executeTakeFirst();
  return inserted === undefined;
}

/** `/groundwork start-invites`; true when they were not opted out. */
export async function optInToInvitations(db: Kysely<DB>, teamId: string, userId: string): Promise<boolean> {
  const deleted = await db.deleteFrom('invitation_opt_outs').where('team_id', '=', teamId).where('user_id', '=', userId).executeTakeFirst();
  return deleted.numDeletedRows === 0n;
}
