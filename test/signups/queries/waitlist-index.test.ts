/**
 * The waitlist index (migration 0015) holds waiting claims only: a seat taken writes no entry to it,
 * and reading a waitlist walks only the people waiting, whatever the number of seats.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { takeSeat } from '../../../src/signups/queries/claims.js';
import { createOpportunity } from '../../../src/signups/queries/opportunities.js';
import { openTestDatabase, type TestDatabase } from '../../support/test-database.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase({ poolSize: 1 });
});
afterAll(async () => {
  await t?.close();
});

it('holds only the people waiting: 40 seats and 3 waiting leave 3 entries to read', async () => {
  const now = new Date();
  const { opportunity } = await createOpportunity(t.database.db, {
    teamId: 'T1', kind: 'shift', startsAt: new Date(now.getTime() + 48 * 3_600_000), endsAt: new Date(now.getTime() + 50 * 3_600_000),
    capacity: 40, minRole: 'volunteer', createdBy: 'U0STAFF', idempotencyKey: 'waitlist-index',
  });
  for (let i = 0; i < 43; i += 1) {
    const outcome = await takeSeat(t.database.db, { teamId: 'T1', userId: `U${i}`, opportunityId: opportunity.id, now, mode: 'seat_or_wait' });
    expect(outcome.kind).toBe(i < 40 ? 'seated' : 'waiting');
  }
  // The index alone, as a waitlist read uses it: how many entries it holds for this shift.
  await sql`set enable_seqscan = off`.execute(t.database.db);
  try {
    const { rows } = await sql<{ 'QUERY PLAN': string }>`
      explain (analyze, costs off, timing off, summary off)
      select count(*) from signup_claims where opportunity_id = ${opportunity.id} and status = 'waiting'`.execute(t.database.db);
    const plan = rows.map((row) => row['QUERY PLAN']).join('\n');
    expect(plan).toMatch(/Index Only Scan using signup_claims_waitlist on signup_claims \(actual rows=3(\.00)? loops=1\)/);
  } finally {
    await sql`reset enable_seqscan`.execute(t.database.db);
  }
});
