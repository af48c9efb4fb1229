/**
 * What only a real PostgreSQL server can prove: many people claiming and leaving one shift at the same
 * moment, two instances draining one outbox, and the plans a claim's function keeps (auto_explain). On
 * PGlite (one connection, one process, no auto_explain) these skip.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebClient } from '@slack/web-api';
import { Kysely, PostgresDialect, sql, type CompiledQuery } from 'kysely';
import pg from 'pg';
import type { DB } from '../../src/db/schema.js';
import { openDatabase, type Database } from '../../src/db/database.js';
import { deliverOutbox } from '../../src/signups/deliver-outbox.js';
import { leave, rosterOf, takeSeat } from '../../src/signups/queries/claims.js';
import { createOpportunity } from '../../src/signups/queries/opportunities.js';
import { SHIFT_FEATURES } from '../../src/shifts/shift-feature.js';
import { insertShiftDetails } from '../../src/shifts/queries.js';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.js';
import { capturingLogger } from '../support/harness.js';
import { nestedPlans } from '../support/nested-plans.js';
import { openTestDatabase, type TestDatabase } from '../support/test-database.js';

const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
if (!onPostgres) console.info('concurrency.test.ts: skipped on PGlite (one connection); set TEST_DATABASE_URL to run it on PostgreSQL');

const TEAM = 'T0GROUND';
/** How long a query here may wait for one of the pool's connections. */
const PATIENT_POOL_MS = 60_000;
const HOUR = 3_600_000;

describe.skipIf(!onPostgres)('the signup engine under concurrency, on PostgreSQL', () => {
  let testDb: TestDatabase;
  let secondPool: Database;
  let slack: FakeSlack;
  const db = () => testDb.database.db;
  let seq = 0;

  beforeAll(async () => {
    // 40 connections, so many claims reach the server at the same moment, while leaving room under the
    // server's max_connections (100 by default) for the other test files running alongside. The claims
    // beyond 40 wait for a free connection: on a loaded machine that wait can exceed the app's
    // fail-fast 1.5 s, which would be a test failing on its own pool, not on what it proves.
    testDb = await openTestDatabase({ poolSize: 40, connectionTimeoutMs: PATIENT_POOL_MS });
    secondPool = await openDatabase({ databaseUrl: testDb.url, dataDir: '', poolSize: 10, connectionTimeoutMs: PATIENT_POOL_MS });
    slack = await startFakeSlack();
  });
  afterAll(async () => {
    await secondPool?.close();
    await testDb?.close();
    await slack?.close();
  });

  async function shift(capacity: number, now: Date) {
    const { opportunity } = await createOpportunity(db(), {
      teamId: TEAM,
      kind: 'shift',
      startsAt: new Date(now.getTime() + 30 * HOUR),
      endsAt: new Date(now.getTime() + 32 * HOUR),
      capacity,
      minRole: 'volunteer',
      createdBy: 'U0STAFF',
      idempotencyKey: `c${++seq}`,
    });
    await insertShiftDetails(db(), opportunity.id, { title: 'Busy shift', target: null, location: 'Union hall', script_url: null, required_skill: null });
    return opportunity;
  }

  async function seatsAndClaims(opportunityId: number) {
    const { rows } = await sql<{ filled: number; capacity: number; holding: number }>`
      select filled, capacity, (select count(*)::int from signup_claims where opportunity_id = o.id and status in ('seated', 'offered')) as holding
      from signup_opportunities o where id = ${opportunityId}`.execute(db());
    return rows[0]!;
  }

  it('gives exactly 10 of 100 simultaneous claimants a seat, offers the other 90 the waitlist, with no errors', async () => {
    const now = new Date();
    const opportunity = await shift(10, now);
    const settled = await Promise.allSettled(
      Array.from({ length: 100 }, (_, i) => takeSeat(db(), { teamId: TEAM, userId: `U${String(i).padStart(3, '0')}`, opportunityId: opportunity.id, now, mode: 'seat' })),
    );
    const errors = settled.flatMap((result) => (result.status === 'rejected' ? [String(result.reason)] : []));
    expect(errors, 'claims that failed instead of answering').toEqual([]);
    const outcomes = settled.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
    expect(outcomes.filter((o) => o.kind === 'seated')).toHaveLength(10);
    expect(outcomes.filter((o) => o.kind === 'full')).toHaveLength(90);
    expect(await seatsAndClaims(opportunity.id)).toEqual({ filled: 10, capacity: 10, holding: 10 });
    // A claim writes no DM ahead of time; drains at each moment (two instances at once) write and send each
    // seat's 24 h and 1 h reminders and its report-back ask once, and nothing for the refused claims.
    const queued = () => db().selectFrom('signup_outbox').select(['user_id', 'kind', 'details', 'status']).where('opportunity_id', '=', opportunity.id).orderBy('user_id').orderBy('due_at').execute();
    expect(await queued()).toEqual([]);
    const client = new WebClient('xoxb-test', { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } });
    const logs: string[] = [];
    const start = opportunity.starts_at.getTime();
    for (const at of [start - 24 * HOUR, start - HOUR, opportunity.ends_at.getTime()]) {
      const drain = (pool: typeof db) => deliverOutbox({ db: pool(), client, logger: capturingLogger(logs), features: SHIFT_FEATURES, now: new Date(at + 1000), opportunityId: opportunity.id });
      await Promise.all([drain(db), drain(() => secondPool.db)]);
    }
    const seatedPeople = (await rosterOf(db(), opportunity.id)).seated.map((claim) => claim.user_id).sort();
    const startsAt = opportunity.starts_at.toISOString();
    expect(await queued()).toEqual(
      seatedPeople.flatMap((user_id) => [
        { user_id, kind: 'reminder', details: { lead: '24h', startsAt }, status: 'sent' },
        { user_id, kind: 'reminder', details: { lead: '1h', startsAt }, status: 'sent' },
        { user_id, kind: 'report_back', details: {}, status: 'sent' },
      ]),
    );
  }, 120_000);

  it("serializes one person's own claims: ten clicks at once are one claim, and of two overlapping shifts claimed at once only one is theirs", async () => {
    const now = new Date();
    const busy = await shift(10, now);
    const clicks = await Promise.all(Array.from({ length: 10 }, () => takeSeat(db(), { teamId: TEAM, userId: 'UCLICKER', opportunityId: busy.id, now, mode: 'seat' })));
    expect(clicks.filter((o) => o.kind === 'seated')).toHaveLength(1);
    expect(clicks.filter((o) => o.kind === 'already')).toHaveLength(9);
    expect(await seatsAndClaims(busy.id)).toEqual({ filled: 1, capacity: 10, holding: 1 });

    // Two shifts at the same hours, claimed by the same people at the same moment, 20 times over.
    const [first, second] = [await shift(20, now), await shift(20, now)];
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, i) => [first!.id, second!.id].map((opportunityId) => takeSeat(db(), { teamId: TEAM, userId: `UBOTH${i}`, opportunityId, now, mode: 'seat' }))).flat(),
    );
    expect(outcomes.filter((o) => o.kind === 'seated')).toHaveLength(20);
    expect(outcomes.filter((o) => o.kind === 'clash')).toHaveLength(20);
    const { rows } = await sql<{ user_id: string; seats: number }>`
      select user_id, count(*)::int as seats from signup_claims
      where opportunity_id in (${first!.id}, ${second!.id}) and status = 'seated' group by user_id having count(*) > 1`.execute(db());
    expect(rows, 'people seated on both overlapping shifts').toEqual([]);
  });

  it('keeps the roster and the waitlist consistent through 20 simultaneous leaves and claims on a full shift', async () => {
    const now = new Date();
    const opportunity = await shift(10, now);
    for (let i = 0; i < 10; i++) await takeSeat(db(), { teamId: TEAM, userId: `USEAT${i}`, opportunityId: opportunity.id, now, mode: 'seat' });
    for (let i = 0; i < 5; i++) await takeSeat(db(), { teamId: TEAM, userId: `UWAIT${i}`, opportunityId: opportunity.id, now, mode: 'seat_or_wait' });
    const work = [
      ...Array.from({ length: 10 }, (_, i) => leave(db(), { teamId: TEAM, userId: `USEAT${i}`, opportunityId: opportunity.id, now })),
      ...Array.from({ length: 10 }, (_, i) => takeSeat(db(), { teamId: TEAM, userId: `UNEW${i}`, opportunityId: opportunity.id, now, mode: 'seat_or_wait' })),
    ];
    const outcomes = await Promise.all(work);
    expect(outcomes.every((o) => ['left', 'seated', 'waiting'].includes(o.kind))).toBe(true);
    const counts = await seatsAndClaims(opportunity.id);
    expect(counts.filled).toBe(counts.holding);
    expect(counts.filled).toBe(10);
    const roster = await rosterOf(db(), opportunity.id);
    // Everyone who was waiting beforehand was offered a freed seat (newcomers who had to wait may have been too).
    expect(roster.offered.map((c) => c.user_id)).toEqual(expect.arrayContaining(['UWAIT0', 'UWAIT1', 'UWAIT2', 'UWAIT3', 'UWAIT4']));
    // Nobody waits while a seat is free.
    if (roster.waiting.length > 0) expect(counts.filled).toBe(counts.capacity);
    expect(roster.seated.length + roster.offered.length).toBe(10);
    expect(roster.seated.length + roster.offered.length + roster.waiting.length).toBe(15);
    const people = [...roster.seated, ...roster.offered, ...roster.waiting].map((c) => c.user_id);
    expect(new Set(people).size).toBe(people.length);
  });

  it("keeps a claim off the drain's indexes, even in generic plans made on 1,000 new shifts never analyzed", async () => {
    // Partial indexes on open shifts' starts and ends, tried first, were taken for tiny by such a planner and
    // walked through every shift in the clash check and the seat UPDATE (four times the server CPU a claim).
    const fresh = await openTestDatabase({ poolSize: 2, connectionTimeoutMs: PATIENT_POOL_MS });
    const pool = new pg.Pool({ connectionString: fresh.url, max: 1 });
    const captured: CompiledQuery[] = [];
    const capturing = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), log: (event) => void captured.push(event.query) });
    try {
      const now = new Date();
      await sql`
        insert into signup_opportunities (team_id, kind, starts_at, ends_at, capacity, min_role, created_by, idempotency_key)
        select ${TEAM}, 'shift', ${now.toISOString()}::timestamptz + interval '48 hours', ${now.toISOString()}::timestamptz + interval '50 hours', 10, 'volunteer', 'U0STAFF', 'p' || i
        from generate_series(1, 1000) as i`.execute(fresh.database.db);
      const { id } = await fresh.database.db.selectFrom('signup_opportunities').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow();
      await takeSeat(capturing, { teamId: TEAM, userId: 'UPLAN', opportunityId: id, now, mode: 'seat' });
      const [claim] = captured;
      if (!claim?.sql.includes('signup_take_seat')) throw new Error('takeSeat sent no signup_take_seat call first');
      const plans = (await nestedPlans(fresh.url!, claim, { generic: true, runs: 6 })).join('\n');
      expect(plans).toMatch(/Update on signup_opportunities/);
      expect(plans).not.toMatch(/signup_opportunities_kind_(starts|ends)/);
      expect(plans).not.toMatch(/Seq Scan on signup_opportunities/);
    } finally {
      await capturing.destroy();
      await fresh.close();
    }
  });

  it('sends each reminder once when two instances drain the same outbox at the same time', async () => {
    const now = new Date();
    const opportunity = await shift(200, now);
    for (let i = 0; i < 60; i++) await takeSeat(db(), { teamId: TEAM, userId: `UREM${i}`, opportunityId: opportunity.id, now, mode: 'seat' });
    slack.reset();
    const client = new WebClient('xoxb-test', { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } });
    const logs: string[] = [];
    const due = new Date(opportunity.starts_at.getTime() - 24 * HOUR + 1000);
    const [first, second] = await Promise.all([
      deliverOutbox({ db: db(), client, logger: capturingLogger(logs), features: SHIFT_FEATURES, now: due, opportunityId: opportunity.id }),
      deliverOutbox({ db: secondPool.db, client, logger: capturingLogger(logs), features: SHIFT_FEATURES, now: due, opportunityId: opportunity.id }),
    ]);
    expect(first.sent + second.sent).toBe(60);
    const recipients = slack.callsTo('chat.postMessage').map((call) => String(call.args.channel));
    expect(recipients).toHaveLength(60);
    expect(new Set(recipients).size).toBe(60);
    const statuses = await db().selectFrom('signup_outbox').select(['status', sql<number>`count(*)::int`.as('n')]).where('kind', '=', 'reminder').where('opportunity_id', '=', opportunity.id).where('due_at', '<=', due).groupBy('status').execute();
    expect(statuses).toEqual([{ status: 'sent', n: 60 }]);
  });
});
