/**
 * A person with something in every table that can hold personal data, for the privacy tests; and
 * ways to read every table of the database, found from information_schema (never a hand list).
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../src/db/schema.js';
import { seedActions } from './digest-week.js';
import { FAKE_TEAM_ID } from './fake-slack.js';

const TEAM = FAKE_TEAM_ID;

/** Words only the seeded person wrote: none may survive forgetting them. */
export const SECRETS = ['my-secret-note', 'Secret Lane 12', 'my secret story of the porch', 'my secret nominated message'];

/** Every table of the app's schema, as the database lists it. */
export async function allTables(db: Kysely<any>): Promise<string[]> {
  const { rows } = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(db);
  return rows.map((row) => row.table_name);
}

/** Every row of a table as text, to search for a person's id or words. */
export async function rowsAsText(db: Kysely<any>, table: string): Promise<string[]> {
  const { rows } = await sql<{ row: string }>`select t::text as row from ${sql.table(table)} t`.execute(db);
  return rows.map((r) => r.row);
}

/**
 * Gives `userId` rows in every table that can name a person: actions with a note, place and story (and
 * the summaries they feed), a past seat they attended (its shift ended under a week ago, so a report-back
 * ask is owed) and an upcoming one, a reminder owed, a skill,
 * a role and one they granted, a nomination, an invitation, an opt-out, a snooze, a cached profile …
 * Returns the upcoming opportunity's id.
 */
export async function seedPersonEverywhere(db: Kysely<DB>, userId: string, now: Date): Promise<{ upcomingId: number; pastId: number }> {
  await db.insertInto('people').values({ team_id: TEAM, user_id: userId, time_zone: 'America/Chicago', is_admin: false, is_owner: false }).execute();
  await db.insertInto('home_tabs').values({ team_id: TEAM, user_id: userId }).execute();
  await seedActions(db, [
    { userId, tacticId: 'door_knocking', on: '2026-11-24', counts: { doors: 40, conversations: 12, signups: 3 }, story: SECRETS[2] },
    { userId, tacticId: 'petition', on: '2026-11-10', counts: { signatures: 50 } },
  ]);
  await db.updateTable('actions').set({ note: SECRETS[0], place: SECRETS[1] }).where('user_id', '=', userId).where('tactic_id', '=', 'door_knocking').execute();
  await db.insertInto('held_reports').values({ team_id: TEAM, user_id: userId, idempotency_key: "held-1", source: 'command', draft: JSON.stringify({ note: SECRETS[0] }), earlier_action_id: null }).execute();
  await db.updateTable('workspace_settings').set({ updated_by: userId }).where('team_id', '=', TEAM).execute();
  await db.insertInto('role_grants').values([
    { team_id: TEAM, user_id: userId, role: 'leader', granted_by: 'U0ADMIN' },
    { team_id: TEAM, user_id: "U0GRANTEE", role: 'leader', granted_by: userId },
  ]).execute();
  await db.insertInto('usergroup_members').values({ team_id: TEAM, usergroup_id: 'S0LEADS', user_id: userId }).execute();
  const opportunity = (startsAt: Date, key: string) => ({
    team_id: TEAM, kind: 'shift' as const, starts_at: startsAt, ends_at: new Date(startsAt.getTime() + 2 * 3_600_000), capacity: 5, min_role: 'volunteer' as const, created_by: userId, idempotency_key: key,
  });
  const past = await db.insertInto('signup_opportunities').values({ ...opportunity(new Date(now.getTime() - 7 * 86_400_000), "past-shift"), filled: 1 }).returning('id').executeTakeFirstOrThrow();
  const upcoming = await db.insertInto('signup_opportunities').values({ ...opportunity(new Date(now.getTime() + 3 * 86_400_000), "upcoming-shift"), filled: 1 }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('shifts').values([
    { opportunity_id: past.id, title: 'Past phone bank', target: null, location: 'Hall', script_url: null },
    { opportunity_id: upcoming.id, title: 'Next phone bank', target: null, location: 'Hall', script_url: null },
  ]).execute();
  const claims = await db
    .insertInto('signup_claims')
    .values([
      { opportunity_id: past.id, team_id: TEAM, user_id: userId, status: 'seated', waiting_since: null, offer_expires_at: null, removed_by: null, attended: true, attendance_marked_by: userId, reminders_from: new Date(now.getTime() - 9 * 86_400_000) },
      { opportunity_id: upcoming.id, team_id: TEAM, user_id: userId, status: 'seated', waiting_since: null, offer_expires_at: null, removed_by: null, reminders_from: new Date(now.getTime() - 86_400_000) },
    ])
    .returning('id')
    .execute();
  await db
    .insertInto('signup_outbox')
    .values({ team_id: TEAM, opportunity_id: upcoming.id, claim_id: claims[1]!.id, user_id: userId, kind: 'reminder', dedupe_key: "reminder:1", due_at: new Date(now.getTime() + 2 * 86_400_000) })
    .execute();
  await db.insertInto('story_nominations').values([
    { team_id: TEAM, channel_id: 'C0GENERAL', message_ts: '1.1', author_id: userId, nominated_by: 'U0OTHER', status: 'allowed', text: SECRETS[3] },
    { team_id: TEAM, channel_id: 'C0GENERAL', message_ts: '1.2', author_id: 'U0OTHER', nominated_by: userId },
  ]).execute();
  await db.insertInto('person_skills').values([
    { team_id: TEAM, user_id: userId, skill: 'phone_bank', source: 'staff', training_id: null, recorded_by: 'U0STAFF' },
    { team_id: TEAM, user_id: 'U0OTHER', skill: 'door_knocking', source: 'staff', training_id: null, recorded_by: userId },
  ]).execute();
  await db.insertInto('invitation_opt_outs').values({ team_id: TEAM, user_id: userId }).execute();
  const invitation = await db.insertInto('invitations').values({ team_id: TEAM, opportunity_id: past.id, segment: 'bridgers', created_by: userId, idempotency_key: "invitation-1" }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('invitation_recipients').values({ invitation_id: invitation.id, team_id: TEAM, user_id: userId, status: 'sent', message_ts: '2.2' }).execute();
  await db.insertInto('leader_snoozes').values([
    { team_id: TEAM, user_id: userId, until: '2026-12-28', snoozed_by: 'U0STAFF' },
    { team_id: TEAM, user_id: 'U0OTHER', until: '2026-12-28', snoozed_by: userId },
  ]).execute();
  await db.insertInto('leader_asks').values([
    { team_id: TEAM, user_id: userId, ask: 'host', week: '2026-11-30', asked_by: 'U0STAFF' },
    { team_id: TEAM, user_id: 'U0OTHER', ask: 'lead_training', week: '2026-11-30', asked_by: userId },
  ]).execute();
  return { upcomingId: Number(upcoming.id), pastId: Number(past.id) };
}
