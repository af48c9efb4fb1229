/**
 * The database itself refuses a signup row no feature could mean, whatever code writes it: one-of-a-list
 * columns through their domains (migration 0017), the rules between columns through table CHECKs. A
 * refused statement writes nothing.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { takeSeat } from '../../../src/signups/queries/claims.js';
import { createOpportunity } from '../../../src/signups/queries/opportunities.js';
import { openTestDatabase, type TestDatabase } from '../../support/test-database.js';

let t: TestDatabase;
let opportunityId: number;
const HOUR = 3_600_000;

beforeAll(async () => {
  t = await openTestDatabase({ poolSize: 1 });
  const now = Date.now();
  const { opportunity } = await createOpportunity(t.database.db, {
    teamId: 'T1', kind: 'shift', startsAt: new Date(now + 48 * HOUR), endsAt: new Date(now + 50 * HOUR),
    capacity: 1, minRole: 'volunteer', createdBy: 'U0STAFF', idempotencyKey: 'constraints',
  });
  opportunityId = opportunity.id;
  expect((await takeSeat(t.database.db, { teamId: 'T1', userId: 'U1', opportunityId, now: new Date(now), mode: 'seat' })).kind).toBe('seated');
});
afterAll(async () => {
  await t?.close();
});

/** The error PostgreSQL raised for `statement`, or null when it ran. */
async function refusal(statement: ReturnType<typeof sql>): Promise<string | null> {
  try {
    await statement.execute(t.database.db);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

describe('signup_opportunities', () => {
  it.each([
    ['kind', 'party', 'signup_opportunity_kind'],
    ['status', 'postponed', 'signup_opportunity_status'],
    ['min_role', 'admin', 'signup_min_role'],
  ] as const)('refuses %s %s, and writes nothing', async (column, value, domain) => {
    const before = await t.database.db.selectFrom('signup_opportunities').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
    const values = { kind: 'shift', status: 'open', min_role: 'volunteer', [column]: value };
    const message = await refusal(sql`
      insert into signup_opportunities (team_id, kind, status, min_role, starts_at, ends_at, capacity, created_by, idempotency_key)
      values ('T1', ${values.kind}, ${values.status}, ${values.min_role}, now() + interval '1 day', now() + interval '26 hours', 5, 'U0STAFF', ${`bad-${column}`})`);
    expect(message).toBe(`value for domain ${domain} violates check constraint "${domain}_allowed"`);
    const after = await t.database.db.selectFrom('signup_opportunities').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('accepts every value each list allows', async () => {
    for (const [kind, status, minRole, key] of [['shift', 'open', 'volunteer', 'ok-1'], ['training', 'cancelled', 'leader', 'ok-2']]) {
      expect(await refusal(sql`
        insert into signup_opportunities (team_id, kind, status, min_role, starts_at, ends_at, capacity, created_by, idempotency_key)
        values ('T1', ${kind}, ${status}, ${minRole}, now() + interval '1 day', now() + interval '26 hours', 5, 'U0STAFF', ${key})`)).toBeNull();
    }
  });

  it('still refuses a seat beyond capacity, an end before the start and zero seats, changing nothing', async () => {
    expect(await refusal(sql`update signup_opportunities set filled = filled + 1 where id = ${opportunityId}`)).toMatch(/signup_opportunities_filled_within_capacity/);
    expect(await refusal(sql`update signup_opportunities set ends_at = starts_at where id = ${opportunityId}`)).toMatch(/signup_opportunities_ends_after_start/);
    expect(await refusal(sql`update signup_opportunities set capacity = 0, filled = 0 where id = ${opportunityId}`)).toMatch(/signup_opportunities_capacity_check/);
    const row = await t.database.db.selectFrom('signup_opportunities').select(['filled', 'capacity']).where('id', '=', opportunityId).executeTakeFirstOrThrow();
    expect(row).toEqual({ filled: 1, capacity: 1 });
  });
});

describe('signup_claims', () => {
  it('refuses a status outside the list, and writes nothing', async () => {
    const message = await refusal(sql`
      insert into signup_claims (opportunity_id, team_id, user_id, status) values (${opportunityId}, 'T1', 'U2', 'maybe')`);
    expect(message).toBe('value for domain signup_claim_status violates check constraint "signup_claim_status_allowed"');
    expect(await refusal(sql`update signup_claims set status = 'maybe' where user_id = 'U1'`)).toMatch(/signup_claim_status_allowed/);
    const claims = await t.database.db.selectFrom('signup_claims').select(['user_id', 'status']).where('opportunity_id', '=', opportunityId).execute();
    expect(claims).toEqual([{ user_id: 'U1', status: 'seated' }]);
  });

  it('still refuses an offer without a deadline and a waiting claim without a place', async () => {
    expect(await refusal(sql`update signup_claims set status = 'offered' where user_id = 'U1'`)).toMatch(/signup_claims_offer_has_deadline/);
    expect(await refusal(sql`update signup_claims set status = 'waiting' where user_id = 'U1'`)).toMatch(/signup_claims_waiting_has_place/);
  });
});
