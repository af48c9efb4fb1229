import { sql, type Kysely } from 'kysely';

/**
 * The summaries that every report updates in place (a person's week and all-time totals, the team's day, the
 * ladder's person_activity) leave half of each new page free, so an update finds room beside the row it
 * replaces: a HOT update, with no new index entry, whose dead versions the next visit to the page prunes.
 * Packed full (the default), a person reporting many times a day moves their row to another page on each
 * update and adds a primary-key entry every time, and the index fills with dead entries to step over until a
 * vacuum; the embedded database never runs one. Only pages written from now on are affected (an existing
 * table is not rewritten); the tables are small next to `actions`. Measured in `npm run bench -- log-knock`.
 */
const SUMMARIES = ['person_week_totals', 'person_totals', 'team_day_totals', 'person_activity'] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of SUMMARIES) await sql`alter table ${sql.table(table)} set (fillfactor = 50)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of SUMMARIES) await sql`alter table ${sql.table(table)} reset (fillfactor)`.execute(db);
}
