/**
 * Claims per second through the signup engine (the same takeSeat the buttons call: advisory lock on
 * the person, one statement that checks and takes a seat with UPDATE … WHERE filled < capacity and
 * records the claim, the reminders and report-back queued, commit), from 32 connections:
 *  - hot: 500 people claiming one 500-seat shift, every claim queuing on that shift's row lock;
 *  - cold: 2,000 people claiming across 1,000 shifts, so claims rarely meet;
 *  - baseline: the same number of plain INSERTs into a table with no constraints, in the same run.
 * Targets: cold ≥ 0.5× the plain inserts; hot as fast as its row lock allows (see the README).
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { takeSeat } from '../src/signups/queries/claims.js';
import { createOpportunity } from '../src/signups/queries/opportunities.js';
import { createBenchDatabase } from './database.js';

const CONNECTIONS = 32;
const HOT_SEATS = 500;
const COLD_SHIFTS = 1000;
const COLD_CLAIMS = 2000;
const TEAM = 'T0BENCH';
const TARGET_COLD_RATIO = 0.5;

/** Runs every task with at most `concurrency` in flight; returns the wall-clock seconds. */
async function timed(tasks: (() => Promise<unknown>)[], concurrency: number): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < tasks.length) await tasks[next++]!();
    }),
  );
  return (performance.now() - started) / 1000;
}

export async function run(): Promise<boolean> {
  const bench = await createBenchDatabase({ poolSize: CONNECTIONS });
  try {
    const db = bench.database.db;
    console.log(`shifts: claims through the signup engine, ${CONNECTIONS} connections, ${bench.description}`);
    await sql`create table bench_plain_inserts (opportunity_id bigint, user_id text, created_at timestamptz default now())`.execute(db);
    const now = new Date();
    const startsAt = new Date(now.getTime() + 48 * 3_600_000);
    const endsAt = new Date(startsAt.getTime() + 2 * 3_600_000);
    const opportunity = (key: string, capacity: number) =>
      createOpportunity(db, { teamId: TEAM, kind: 'shift', startsAt, endsAt, capacity, minRole: 'volunteer', createdBy: 'U0STAFF', idempotencyKey: key }).then((r) => r.opportunity.id);

    const hot = await opportunity('hot', HOT_SEATS);
    const cold: number[] = [];
    for (let i = 0; i < COLD_SHIFTS; i++) cold.push(await opportunity(`cold${i}`, 10));

    // Warm the pool and the plans, outside the measurements.
    await timed(Array.from({ length: 64 }, (_, i) => () => sql`insert into bench_plain_inserts (opportunity_id, user_id) values (${0}, ${`W${i}`})`.execute(db)), CONNECTIONS);

    const plainSeconds = await timed(
      Array.from({ length: COLD_CLAIMS }, (_, i) => () => sql`insert into bench_plain_inserts (opportunity_id, user_id) values (${cold[i % COLD_SHIFTS]!}, ${`UP${i}`})`.execute(db)),
      CONNECTIONS,
    );
    const outcomes: string[] = [];
    const claim = (opportunityId: number, userId: string) => async () => outcomes.push((await takeSeat(db, { teamId: TEAM, userId, opportunityId, now, mode: 'seat' })).kind);
    const coldSeconds = await timed(Array.from({ length: COLD_CLAIMS }, (_, i) => claim(cold[(i * 7919) % COLD_SHIFTS]!, `UC${i}`)), CONNECTIONS);
    const hotSeconds = await timed(Array.from({ length: HOT_SEATS }, (_, i) => claim(hot, `UH${i}`)), CONNECTIONS);

    const plainRate = COLD_CLAIMS / plainSeconds;
    const coldRate = COLD_CLAIMS / coldSeconds;
    const hotRate = HOT_SEATS / hotSeconds;
    const rows = [
      ['plain INSERT, no constraints (baseline)', plainRate, 1],
      [`cold: ${COLD_CLAIMS.toLocaleString('en-US')} claims over ${COLD_SHIFTS.toLocaleString('en-US')} shifts`, coldRate, coldRate / plainRate],
      [`hot: ${HOT_SEATS} claims on one ${HOT_SEATS}-seat shift`, hotRate, hotRate / plainRate],
    ] as const;
    console.log('| what | per second | × baseline |\n|---|---|---|');
    for (const [what, rate, ratio] of rows) console.log(`| ${what} | ${rate.toFixed(0)} | ${ratio.toFixed(2)} |`);

    // Correctness: every claim seated, and each shift's seat count equal to its claims.
    const { rows: mismatched } = await sql<{ n: number }>`
      select count(*)::int as n from signup_opportunities o
      where filled <> (select count(*) from signup_claims c where c.opportunity_id = o.id and c.status in ('seated', 'offered'))`.execute(db);
    const allSeated = outcomes.length === COLD_CLAIMS + HOT_SEATS && outcomes.every((kind) => kind === 'seated');
    const consistent = mismatched[0]?.n === 0;
    console.log(`checks: ${allSeated ? 'every claim seated' : `NOT every claim seated (${outcomes.filter((k) => k !== 'seated').length} not)`}; ${consistent ? 'seat counts equal claims' : 'SEAT COUNTS DIFFER FROM CLAIMS'}`);
    console.log(`target: cold ≥ ${TARGET_COLD_RATIO}× plain inserts: ${coldRate / plainRate >= TARGET_COLD_RATIO ? 'PASS' : 'FAIL'} (${(coldRate / plainRate).toFixed(2)}×)`);
    return allSeated && consistent;
  } finally {
    await bench.drop();
  }
}
