import { sql, type Kysely } from 'kysely';

/**
 * The waitlist index holds waiting claims only. Every query that reads a waitlist (its length, a
 * person's place, the next person to offer a freed seat) asks for status = 'waiting'; the index of
 * migration 0005 also held every seated claim, so each claim wrote an index entry nobody reads, and
 * every claim's insert contended for the same index pages. Measured in `npm run bench -- shifts`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`drop index signup_claims_waitlist`.execute(db);
  await sql`create index signup_claims_waitlist on signup_claims (opportunity_id, waiting_since, id) where status = 'waiting'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index signup_claims_waitlist`.execute(db);
  await sql`create index signup_claims_waitlist on signup_claims (opportunity_id, status, waiting_since, id)`.execute(db);
}
