/**
 * Claims per second through the signup engine (the same takeSeat the buttons call: one autocommit
 * `select signup_take_seat(…)` that takes the person's advisory lock, then in one statement takes a seat
 * with UPDATE … WHERE filled < capacity, unless the person holds an overlapping seat, and records the
 * claim; its reminders and report-back ask
 * are derived later, by the drain, when they come due), from 32 connections:
 *  - hot: 500 people claiming one 500-seat shift, every claim queuing on that shift's row lock;
 *  - cold: 2,000 people claiming across 1,000 shifts, so claims rarely meet;
 *  - baseline: 2,000 plain INSERTs into a table with no constraints, each committing on its own —
 *    the least possible version of the same work.
 * Each target runs in a process of its own with its own pool, open only while it runs (shifts-target.ts), so none shares an
 * event loop with another or with the setup; 6 rounds with the order rotated (each target twice in each
 * place, since a run's later rounds come out faster for every target on this machine), medians compared.
 *
 * Then what limits the hot shift: the same 500 claims with a fixed extra time added inside the row
 * lock (a benchmark-only trigger that waits on the claim insert, which runs between the seat UPDATE
 * and the COMMIT), the hot shift on one connection, and on 32 whose commits do not wait for the WAL
 * flush (synchronous_commit = off, for that measurement only). If the lock is the limit, each claim costs the lock hold time: the rate follows
 * 1 / (base hold + extra), and the base hold worked out at each extra agrees.
 *
 * Targets: cold ≥ 0.5× the plain inserts; hot as fast as its row lock allows.
 */
import { sql } from 'kysely';
import { createOpportunity } from '../src/signups/queries/opportunities.js';
import { createBenchDatabase } from './database.js';
import { TsProcess } from './ipc.js';
import { median } from './load.js';

const CONNECTIONS = 32;
const HOT_SEATS = 500;
const COLD_SHIFTS = 1000;
const COLD_CLAIMS = 2000;
const ROUNDS = 6;
/** Extra time held inside the hot shift's row lock, ms, to show what limits it. */
const EXTRA_HOLD_MS = [0, 1, 2, 5];
const TARGET_COLD_RATIO = 0.5;
/**
 * Tasks each connection runs before a measured batch, in every target alike: enough for V8 to have
 * compiled the driver's and the engine's code and PostgreSQL to have settled each plan, so each batch
 * measures the steady state rather than how fast a target warms up.
 */
export const WARM_TASKS_PER_CONNECTION = 30;
export const BENCH_TEAM = 'T0BENCH';

/** What the parent asks a target process (shifts-target.ts) to do. */
export type TargetRequest =
  | { do: 'plain'; count: number; userPrefix: string }
  | { do: 'claims'; opportunityIds: number[]; warmOpportunityIds: number[]; userPrefix: string; now: string; connections?: number | undefined }
  | { do: 'stop' };

export interface TargetReply {
  seconds: number;
  outcomes: Record<string, number>;
  /** CPU the target process (driver, Kysely, the engine's code) spent on the measured batch. */
  clientCpuMs?: number;
  /** CPU the server's backends spent on the measured batch; absent when the server runs on another machine. */
  serverCpuMs?: number;
}
const HOUR = 3_600_000;

type TargetName = 'plain' | 'cold' | 'hot' | 'hot-async';

export async function run(): Promise<boolean> {
  const bench = await createBenchDatabase({ poolSize: 4 });
  const targets = new Map<TargetName, TsProcess>();
  try {
    const db = bench.database.db;
    console.log(`shifts: claims through the signup engine, ${CONNECTIONS} connections per target, each target in its own process, ${bench.description}`);
    await sql`create table bench_plain_inserts (opportunity_id bigint, user_id text, created_at timestamptz default now())`.execute(db);
    const now = new Date();
    const startsAt = new Date(now.getTime() + 48 * HOUR);
    const endsAt = new Date(startsAt.getTime() + 2 * HOUR);
    let keys = 0;
    const opportunity = (capacity: number) =>
      createOpportunity(db, { teamId: BENCH_TEAM, kind: 'shift', startsAt, endsAt, capacity, minRole: 'volunteer', createdBy: 'U0STAFF', idempotencyKey: `k${++keys}` }).then((r) => r.opportunity.id);

    // Every round claims two of each shift's seats.
    const cold: number[] = [];
    for (let i = 0; i < COLD_SHIFTS; i++) cold.push(await opportunity(2 * ROUNDS));
    const coldOrder = Array.from({ length: COLD_CLAIMS }, (_, i) => cold[(i * 7919) % COLD_SHIFTS]!);

    const env = { BENCH_DATABASE: bench.url, BENCH_CONNECTIONS: String(CONNECTIONS) };
    // hot-async is for the explanation only: its sessions commit without waiting for the WAL flush.
    const asyncUrl = `${bench.url}?options=${encodeURIComponent('-c synchronous_commit=off')}`;
    for (const name of ['plain', 'cold', 'hot', 'hot-async'] as const) {
      const { process: child } = await TsProcess.start<{ pid: number }>(new URL('./shifts-target.ts', import.meta.url), name === 'hot-async' ? { ...env, BENCH_DATABASE: asyncUrl } : env);
      targets.set(name, child);
    }
    const ask = (name: TargetName, request: TargetRequest) => targets.get(name)!.request<TargetReply>(request);
    const outcomes: Record<string, number> = {};
    let claimsSent = 0;
    /** Claims from one target, after a warm-up on a shift of its own (enough claims per connection for PostgreSQL to settle each plan). */
    const claims = async (name: TargetName, opportunityIds: number[], userPrefix: string, connections = CONNECTIONS) => {
      const warmOpportunityIds = Array<number>(WARM_TASKS_PER_CONNECTION * connections).fill(await opportunity(WARM_TASKS_PER_CONNECTION * connections));
      claimsSent += warmOpportunityIds.length + opportunityIds.length;
      const reply = await ask(name, { do: 'claims', opportunityIds, warmOpportunityIds, userPrefix, now: now.toISOString(), connections });
      for (const [kind, n] of Object.entries(reply.outcomes)) outcomes[kind] = (outcomes[kind] ?? 0) + n;
      return reply;
    };

    const rates: Record<'plain' | 'cold' | 'hot', number[]> = { plain: [], cold: [], hot: [] };
    /** Server CPU ms per insert or claim, each round: what the work costs, however busy the machine is. */
    const cpu: Record<'plain' | 'cold' | 'hot', number[]> = { plain: [], cold: [], hot: [] };
    /** The target process's CPU ms per insert or claim, each round. */
    const clientCpu: Record<'plain' | 'cold' | 'hot', number[]> = { plain: [], cold: [], hot: [] };
    const record = (name: 'plain' | 'cold' | 'hot', count: number, reply: TargetReply) => {
      rates[name].push(count / reply.seconds);
      if (reply.serverCpuMs !== undefined) cpu[name].push(reply.serverCpuMs / count);
      if (reply.clientCpuMs !== undefined) clientCpu[name].push(reply.clientCpuMs / count);
    };
    const order = ['plain', 'cold', 'hot'] as const;
    for (let round = 1; round <= ROUNDS; round++) {
      const hot = await opportunity(HOT_SEATS);
      const first = (round - 1) % order.length;
      for (const name of [...order.slice(first), ...order.slice(0, first)]) {
        if (name === 'plain') record('plain', COLD_CLAIMS, await ask('plain', { do: 'plain', count: COLD_CLAIMS, userPrefix: `UP${round}_` }));
        if (name === 'cold') record('cold', COLD_CLAIMS, await claims('cold', coldOrder, `UC${round}_`));
        if (name === 'hot') record('hot', HOT_SEATS, await claims('hot', Array(HOT_SEATS).fill(hot), `UH${round}_`));
      }
    }
    const plain = median(rates.plain);
    const cold_ = median(rates.cold);
    const hot_ = median(rates.hot);
    const each = (values: number[]) => values.map((v) => v.toFixed(0)).join(', ');
    const cpuOf = (name: 'plain' | 'cold' | 'hot') => (cpu[name].length === ROUNDS ? `${median(cpu[name]).toFixed(3)} (${cpu[name].map((v) => v.toFixed(3)).join(', ')})` : '–');
    const clientCpuOf = (name: 'plain' | 'cold' | 'hot') => (clientCpu[name].length === ROUNDS ? median(clientCpu[name]).toFixed(3) : '–');
    console.log('\n| what | per second (median) | each round | × baseline | server CPU ms each, median (each round) | client CPU ms each, median |\n|---|---|---|---|---|---|');
    console.log(`| plain INSERT, no constraints (baseline) | ${plain.toFixed(0)} | ${each(rates.plain)} | 1.00 | ${cpuOf('plain')} | ${clientCpuOf('plain')} |`);
    console.log(`| cold: ${COLD_CLAIMS.toLocaleString('en-US')} claims over ${COLD_SHIFTS.toLocaleString('en-US')} shifts | ${cold_.toFixed(0)} | ${each(rates.cold)} | ${(cold_ / plain).toFixed(2)} | ${cpuOf('cold')} | ${clientCpuOf('cold')} |`);
    console.log(`| hot: ${HOT_SEATS} claims on one ${HOT_SEATS}-seat shift | ${hot_.toFixed(0)} | ${each(rates.hot)} | ${(hot_ / plain).toFixed(2)} | ${cpuOf('hot')} | ${clientCpuOf('hot')} |`);
    console.log('(server CPU: user + system time of the backends serving the batch, from /proc; WAL writer and checkpoints not counted. Client CPU: the target process\'s own, from process.cpuUsage)');

    // What limits the hot shift.
    const serialHot = await opportunity(HOT_SEATS);
    const serial = HOT_SEATS / (await claims('hot', Array(HOT_SEATS).fill(serialHot), 'US', 1)).seconds;
    console.log(`\nhot shift, one connection (no waiting on the lock): ${serial.toFixed(0)} claims/s, ${(1000 / serial).toFixed(2)} ms per claim end to end`);
    const asyncHot = HOT_SEATS / (await claims('hot-async', Array(HOT_SEATS).fill(await opportunity(HOT_SEATS)), 'UA')).seconds;
    console.log(`hot shift, 32 connections, commits not waiting for the WAL flush (synchronous_commit = off, for this measurement only): ${asyncHot.toFixed(0)} claims/s, ${(asyncHot / hot_).toFixed(1)}× the hot figure above`);
    console.log('\n| extra time inside the row lock | hot claims/s (32 connections) | ms per claim | ms per claim − extra (the base lock hold) |\n|---|---|---|---|');
    for (const extra of EXTRA_HOLD_MS) {
      // A busy wait, not pg_sleep: on a loaded machine a sleep of 1 ms wakes whenever the scheduler gets to it.
      await sql`create or replace function bench_hold_lock() returns trigger language plpgsql as $$
        declare until timestamptz := clock_timestamp() + ${sql.lit(`${extra} milliseconds`)}::interval;
        begin while clock_timestamp() < until loop end loop; return new; end $$`.execute(db);
      if (extra > 0) await sql`create or replace trigger bench_hold_lock before insert on signup_claims for each row execute function bench_hold_lock()`.execute(db);
      const shift = await opportunity(HOT_SEATS);
      const rate = HOT_SEATS / (await claims('hot', Array(HOT_SEATS).fill(shift), `UL${extra}_`)).seconds;
      console.log(`| ${extra} ms | ${rate.toFixed(0)} | ${(1000 / rate).toFixed(2)} | ${(1000 / rate - extra).toFixed(2)} |`);
    }
    await sql`drop trigger if exists bench_hold_lock on signup_claims`.execute(db);

    // Correctness: every claim seated, and each shift's seat count equal to its claims.
    const { rows: mismatched } = await sql<{ n: number }>`
      select count(*)::int as n from signup_opportunities o
      where filled <> (select count(*) from signup_claims c where c.opportunity_id = o.id and c.status in ('seated', 'offered'))`.execute(db);
    const { rows: claimRows } = await sql<{ n: number }>`select count(*)::int as n from signup_claims where status = 'seated'`.execute(db);
    const allSeated = outcomes.seated === claimsSent && claimRows[0]?.n === claimsSent;
    const consistent = mismatched[0]?.n === 0;
    const others = Object.entries(outcomes).filter(([kind]) => kind !== 'seated');
    console.log(
      `\nchecks: ${allSeated ? `every claim seated (${claimsSent.toLocaleString('en-US')})` : `NOT every claim seated: ${JSON.stringify(others)}`}; ${consistent ? 'seat counts equal claims' : 'SEAT COUNTS DIFFER FROM CLAIMS'}`,
    );
    console.log(`target: cold ≥ ${TARGET_COLD_RATIO}× plain inserts: ${cold_ / plain >= TARGET_COLD_RATIO ? 'PASS' : 'FAIL'} (${(cold_ / plain).toFixed(2)}×)`);
    return allSeated && consistent;
  } finally {
    for (const child of targets.values()) {
      await child.request({ do: 'stop' } satisfies TargetRequest).catch(() => {});
      await child.close();
    }
    await bench.drop();
  }
}
