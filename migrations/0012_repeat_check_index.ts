import { sql, type Kysely } from 'kysely';

/**
 * The repeat check (src/logging/queries.ts: the same person's report of the same day, tactic and counts in
 * the last minutes is held back) becomes an index probe: actions_person_day_repeat leads with exactly what
 * the check compares, then created_at, so it reads only true repeats, newest first, never the person's
 * other reports of those minutes (hundreds, for someone reporting as fast as the benchmark's people).
 * Its leading columns are those of actions_person_day_created (0004), which served the check and the
 * Home tab's reads of one person's days; it serves both, so it replaces that index and a report writes
 * no more index entries than before. counts is a jsonb object of a few small numbers: btree compares it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index actions_person_day_repeat on actions (team_id, user_id, occurred_on, tactic_id, counts, created_at)`.execute(db);
  await sql`drop index actions_person_day_created`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`create index actions_person_day_created on actions (team_id, user_id, occurred_on, created_at)`.execute(db);
  await sql`drop index actions_person_day_repeat`.execute(db);
}
