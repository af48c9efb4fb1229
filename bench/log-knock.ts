/**
 * `/log-knock 40 doors 12 talked 5 signed` end to end (signature check → parse → cached time zone →
 * one statement that records and reads the week → ephemeral reply in the ack), against two baselines
 * in the same run:
 *  - the floor: the same Bolt app committing the same row with one plain INSERT before it acks — the
 *    least any app that records a report before answering must do. The targets are set against it.
 *  - the bare app: a Bolt app that only acks, printed so a reader can judge the machine.
 * Every target runs in a process of its own, the load generator in another and the fake Slack Web API
 * in a third (see ipc.ts); the database is a fresh PostgreSQL one.
 *
 * Then the same again with 1,000,000 reports stored (20,000 people over two years, and the benchmark's
 * own people holding 500 reports each in the current week), to show the cost does not grow with history.
 *
 * Besides req/s and latency it reports CPU time per request, of each target's process and of the
 * PostgreSQL backends serving it: on a shared 2-core machine those hold still while req/s moves with
 * whatever else runs (the load average is printed with every phase).
 *
 * Targets: Groundwork ≥ 0.5× the floor's throughput (goal 0.9×), p99 ≤ 3× the floor's; with the history,
 * Groundwork ≥ 0.9× its own throughput on the empty database.
 */
import { loadavg } from 'node:os';
import { CompiledQuery, Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { DB } from '../src/db/schema.js';
import type { LogDraft } from '../src/logging/log-entry.js';
import { recordReport, type ActionOrigin } from '../src/logging/queries.js';
import { dateIn, weekStart } from '../src/domain/dates.js';
import { UNIT_IDS } from '../src/domain/tactics.js';
import { SIGNING_SECRET } from '../test/support/slack-request.js';
import { backendCpu, backendCpuSpent } from './backend-cpu.js';
import { createBenchDatabase, type BenchDatabase } from './database.js';
import { TsProcess } from './ipc.js';
import { mb, median, percentile, startLoadGenerator, type LoadGenerator, type LoadSpec } from './load.js';

export const COMMAND = '/log-knock';
/**
 * Every report of a run differs in its counts (see LoadSpec.text): the same report from the same person
 * minutes apart would be held back as a likely repeat, which is not what is measured here.
 */
export const TEXT = '{doors} doors 12 talked {signed} signed';
/** The floor's rows are told apart by their keys. */
export const FLOOR_KEY_PREFIX = 'floor:';
/** The application_name of a target's database connections, by which the server's CPU for it is found. */
export const applicationName = (kind: string) => `bench-${kind}`;

/** What a target process (log-knock-target.ts) reports about itself. */
export interface TargetStats {
  /** CPU time (user + system) of the process so far, ms. */
  cpuMs: number;
  /** Event-loop busy time so far, ms. */
  busyMs: number;
  rss: number;
  statements: number;
}
const userIds = (prefix: string) => Array.from({ length: Number(process.env.BENCH_USERS ?? 20) }, (_, i) => `${prefix}${String(i).padStart(2, '0')}`);
// Few enough that each person's time zone is cached after their first request.
const USER_IDS = userIds('U0BENCH');
/**
 * Groundwork's people in the history part, who hold its 500 reports each this week. Not the empty part's:
 * a report is checked against the same person's reports of the last 10 minutes (a likely repeat is held
 * back), so people who had just sent thousands of reports in the empty part would make every later
 * request walk more of them, whatever the history. Fresh people make the two parts alike but for it.
 */
const HISTORY_USER_IDS = userIds('U0HBENCH');
const FLOOR_USER_IDS = userIds('U0FLOOR');
const CONCURRENCY = 16;
// Groundwork runs far more code than the baselines: it takes about 2,000 requests before V8 has optimized
// it and its CPU per request stops falling (with 300, its first measured round cost twice its last).
const WARMUP_REQUESTS = 2000;
// Each measured phase stops at whichever comes first, so a slow app keeps the run bounded in time.
const PHASE_MAX_REQUESTS = 3000;
const PHASE_MAX_MS = 5000;
// Rounds rotate the order of the targets, so drift on a noisy 2-core machine does not land on one
// target only; medians are compared.
const ROUNDS = 3;

const HISTORY_REPORTS = 1_000_000;
const HISTORY_PEOPLE = 20_000;
const HISTORY_DAYS = 730;
const OWN_REPORTS_THIS_WEEK = 500;
/** What the fake users.info gives everyone: "this week" for the benchmark's people. */
const BENCH_TIME_ZONE = 'America/Chicago';

const TARGET_FLOOR_THROUGHPUT = 0.5;
const GOAL_FLOOR_THROUGHPUT = 0.9;
const TARGET_FLOOR_P99 = 3;
const TARGET_HISTORY_THROUGHPUT = 0.9;

interface Target {
  name: string;
  kind: 'bare' | 'floor' | 'groundwork';
  process: TsProcess;
  /** The benchmark's own connection, to read the server's processes. */
  db: BenchDatabase['database']['db'];
  url: string;
  userIds: string[];
  /** Who sends the history part's requests. */
  historyUserIds: string[];
  expect: LoadSpec['expect'];
}

interface PhaseStats {
  target: string;
  part: 'empty' | 'history';
  round: number;
  sent: number;
  failures: number;
  failureSamples: string[];
  reqPerSec: number;
  p50: number;
  p99: number;
  /** RSS of the target's process after the phase. */
  rss: number;
  /**
   * CPU time per request, ms: of the target's process, and of the PostgreSQL processes serving its
   * connections (NaN when the server is not on this machine). What a request costs, whoever else
   * shares the cores; req/s and latency move with them.
   */
  cpuMsPerRequest: number;
  dbCpuMsPerRequest: number;
  /** The target's event-loop busy time per request, ms: wall-clock, so it grows when the process waits for a core. */
  busyMsPerRequest: number;
  /** The machine's 1-minute load average when the phase ended. */
  load: number;
  statementsPerRequest: number;
}

let numbersUsed = 0;
/** The first of `count` request numbers no other phase of the run uses. */
function nextNumber(count: number): number {
  const first = numbersUsed;
  numbersUsed += count;
  return first;
}

async function runPhase(load: LoadGenerator, target: Target, part: PhaseStats['part'], round: number, maxRequests: number, maxMs: number): Promise<PhaseStats> {
  const db = target.db;
  const before = await target.process.request<TargetStats>('stats');
  const dbBefore = await backendCpu(db, applicationName(target.kind));
  const result = await load.run({
    url: target.url,
    signingSecret: SIGNING_SECRET,
    command: COMMAND,
    text: TEXT,
    userIds: part === 'history' ? target.historyUserIds : target.userIds,
    // Groundwork uses trigger_id as the idempotency key: a repeat would be "Already recorded", not a new row.
    triggerPrefix: `bench.${target.kind}.${part}.${round}`,
    firstNumber: nextNumber(maxRequests),
    concurrency: CONCURRENCY,
    maxRequests,
    maxDurationMs: maxMs,
    expect: target.expect,
  });
  const after = await target.process.request<TargetStats>('stats');
  const dbAfter = await backendCpu(db, applicationName(target.kind));
  const perRequest = (amount: number) => amount / Math.max(1, result.completed);
  return {
    target: target.name,
    part,
    round,
    sent: result.sent,
    failures: result.failures,
    failureSamples: result.failureSamples,
    reqPerSec: result.ok / (result.elapsedMs / 1000),
    p50: percentile(result.latenciesMs, 50),
    p99: percentile(result.latenciesMs, 99),
    rss: after.rss,
    cpuMsPerRequest: perRequest(after.cpuMs - before.cpuMs),
    dbCpuMsPerRequest: perRequest(backendCpuSpent(dbBefore, dbAfter) ?? Number.NaN),
    busyMsPerRequest: perRequest(after.busyMs - before.busyMs),
    load: loadavg()[0] ?? Number.NaN,
    // Work a listener does after acking can still be running here; across 1000s of requests that is noise.
    statementsPerRequest: perRequest(after.statements - before.statements),
  };
}

/** Rounds of every target, the order rotating each round. */
async function runRounds(load: LoadGenerator, targets: Target[], part: PhaseStats['part']): Promise<PhaseStats[]> {
  const phases: PhaseStats[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    const first = (round - 1) % targets.length;
    for (const target of [...targets.slice(first), ...targets.slice(0, first)]) {
      phases.push(await runPhase(load, target, part, round, PHASE_MAX_REQUESTS, PHASE_MAX_MS));
    }
  }
  return phases;
}

type Line = Omit<PhaseStats, 'round' | 'failures' | 'failureSamples' | 'part'> & { round: string; part: string };

const COLUMNS: [header: string, width: number, cell: (l: Line) => string][] = [
  ['database', -8, (l) => l.part],
  ['round', -6, (l) => l.round],
  ['target', -15, (l) => l.target],
  ['requests', 8, (l) => String(l.sent)],
  ['req/s', 6, (l) => l.reqPerSec.toFixed(0)],
  ['p50 ms', 7, (l) => l.p50.toFixed(1)],
  ['p99 ms', 7, (l) => l.p99.toFixed(1)],
  ['RSS MB', 7, (l) => mb(l.rss)],
  ['CPU ms/req', 10, (l) => l.cpuMsPerRequest.toFixed(2)],
  ['DB CPU ms/req', 13, (l) => (Number.isNaN(l.dbCpuMsPerRequest) ? '—' : l.dbCpuMsPerRequest.toFixed(2))],
  ['busy ms/req', 11, (l) => l.busyMsPerRequest.toFixed(2)],
  ['SQL/req', 7, (l) => l.statementsPerRequest.toFixed(1)],
  ['load', 5, (l) => l.load.toFixed(1)],
];

function printLine(cell: (column: (typeof COLUMNS)[number]) => string) {
  console.log(COLUMNS.map((column) => (column[1] < 0 ? cell(column).padEnd(-column[1]) : cell(column).padStart(column[1]))).join('  '));
}

const lineOf = (p: PhaseStats): Line => ({ ...p, round: String(p.round) });

function medianOf(phases: PhaseStats[], target: string, part: PhaseStats['part']): Line {
  const mine = phases.filter((p) => p.target === target && p.part === part);
  const mid = (pick: (p: PhaseStats) => number) => median(mine.map(pick));
  return {
    part,
    round: 'median',
    target,
    sent: mid((p) => p.sent),
    reqPerSec: mid((p) => p.reqPerSec),
    p50: mid((p) => p.p50),
    p99: mid((p) => p.p99),
    rss: Math.max(...mine.map((p) => p.rss)),
    cpuMsPerRequest: mid((p) => p.cpuMsPerRequest),
    dbCpuMsPerRequest: mid((p) => p.dbCpuMsPerRequest),
    busyMsPerRequest: mid((p) => p.busyMsPerRequest),
    load: mid((p) => p.load),
    statementsPerRequest: mid((p) => p.statementsPerRequest),
  };
}

/**
 * 1,000,000 reports: 20,000 people over two years, and 500 reports this week for each of the benchmark's
 * own people. Written in bulk with the triggers off, then the person summaries rebuilt from every row,
 * as migration 0004 fills them (row-by-row triggers would take minutes here). The digest's day totals are
 * left without the history: /log-knock only adds to them, never reads them.
 */
async function storeHistory(bench: BenchDatabase): Promise<void> {
  const db = bench.database.db;
  const thisWeek = weekStart(dateIn(BENCH_TIME_ZONE, new Date()));
  const today = dateIn(BENCH_TIME_ZONE, new Date());
  const own = HISTORY_USER_IDS.length * OWN_REPORTS_THIS_WEEK;
  const units = sql.raw(UNIT_IDS.join(', '));
  const sums = sql.raw(UNIT_IDS.map((unit) => `sum(coalesce((counts ->> '${unit}')::int, 0))`).join(', '));
  await db.transaction().execute(async (trx) => {
    // The app's pool bounds statements at 10 s; a million rows take longer.
    await sql`set local statement_timeout = 0`.execute(trx);
    await sql`alter table actions disable trigger user`.execute(trx);
    await sql`
      insert into actions (team_id, user_id, tactic_id, goal, channel, counts, occurred_on, note, source, idempotency_key)
      select 'T0GROUND', 'U0HIST' || (n % ${HISTORY_PEOPLE}),
             (array['door_knocking', 'phone_bank', 'petition', 'social_media'])[1 + n % 4],
             (array['recruit', 'campaign', 'recruit', 'recruit'])[1 + n % 4],
             (array['offline', 'offline', 'online', 'online'])[1 + n % 4],
             (array['{"doors": 30, "conversations": 8}', '{"calls": 50, "conversations": 10}', '{"signatures": 40}', '{"posts": 2}'])[1 + n % 4]::jsonb,
             ${today}::date - (n % ${HISTORY_DAYS}), 'an old report', 'command', 'history:' || n
      from generate_series(1, ${HISTORY_REPORTS - own}) as n`.execute(trx);
    await sql`
      insert into actions (team_id, user_id, tactic_id, goal, channel, counts, occurred_on, source, idempotency_key, created_at)
      select 'T0GROUND', u.user_id, 'door_knocking', 'recruit', 'offline', '{"doors": 40, "conversations": 12, "signups": 5}', day,
             'command', 'own:' || u.user_id || ':' || n, least(day + time '09:00', now() - interval '1 hour')
      from unnest(${HISTORY_USER_IDS}::text[]) as u(user_id), generate_series(1, ${OWN_REPORTS_THIS_WEEK}) as n,
           lateral (select ${thisWeek}::date + (n % (${today}::date - ${thisWeek}::date + 1)) as day) as d`.execute(trx);
    await sql`alter table actions enable trigger user`.execute(trx);
    await sql`truncate person_week_totals, person_totals`.execute(trx);
    await sql`
      insert into person_week_totals (team_id, user_id, week_start, tactic_id, goal, channel, actions, ${units})
      select team_id, user_id, date_trunc('week', occurred_on)::date, tactic_id, min(goal), min(channel), count(*), ${sums}
      from actions group by 1, 2, 3, 4`.execute(trx);
    await sql`
      insert into person_totals (team_id, user_id, tactic_id, goal, channel, actions, ${units})
      select team_id, user_id, tactic_id, min(goal), min(channel), count(*), ${sums}
      from actions group by 1, 2, 3`.execute(trx);
  });
  await sql`vacuum analyze actions`.execute(db);
  await sql`vacuum analyze person_week_totals`.execute(db);
  await sql`vacuum analyze person_totals`.execute(db);
  // A million rows just written leave the server flushing them for minutes; the state to measure is a
  // database that has them stored, not one still writing them out.
  await sql`checkpoint`.execute(db).catch((error: unknown) => console.log(`  (no checkpoint after storing the history: ${String(error)})`));
}

/**
 * A PostgreSQL with autovacuum on (the default) analyzes a table once its first 50 rows are in, so the
 * planner knows, say, that the bench's team has thousands of reports today but each person a few with the
 * same counts. This machine's server runs with autovacuum off: without this, the empty part would measure
 * plans made for tables the planner believes empty, which no production database keeps for a minute.
 */
async function analyzeIfAutovacuumIsOff(bench: BenchDatabase): Promise<void> {
  const { rows } = await sql<{ setting: string }>`select setting from pg_settings where name = 'autovacuum'`.execute(bench.database.db);
  if (rows[0]?.setting === 'on') return;
  await sql`analyze`.execute(bench.database.db);
  console.log('  autovacuum is off on this server: analyzed the tables after the warm-up, as it would have');
}

const loadAverage = () => loadavg().map((value) => value.toFixed(2)).join(' ');

/**
 * With BENCH_CPU_PROF=<folder>, each target writes CPU profiles of its whole life to <folder>/<kind> when it
 * stops (open it in Chrome's DevTools); the figures of such a run are slower than usual.
 */
function profileArgs(kind: Target['kind']): string[] {
  const folder = process.env.BENCH_CPU_PROF;
  // A folder per target: tsx's loader thread writes a profile of its own beside the main thread's.
  return folder ? ['--cpu-prof', `--cpu-prof-dir=${folder}/${kind}`] : [];
}

/**
 * With BENCH_EXPLAIN=1: EXPLAIN (ANALYZE, BUFFERS) of the very statement /log-knock sends, for one of the
 * benchmark's people, inside a transaction that is rolled back (the row counts stay exact). The statement
 * is captured from recordReport itself, then explained with a key and counts of its own, so it takes the
 * same path as a benchmark request (checked for a repeat, inserted, summaries updated, week read).
 */
async function explainRecordStatement(bench: BenchDatabase, userId: string, label: string): Promise<void> {
  let captured: CompiledQuery | undefined;
  const pool = new pg.Pool({ connectionString: bench.url, max: 1 });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), log: (event) => void (captured = event.query) });
  const today = dateIn(BENCH_TIME_ZONE, new Date());
  const draft = (doors: number): LogDraft => ({ tacticId: 'door_knocking', counts: { doors, conversations: 12 }, occurredOn: today, place: null, note: null, story: null, storyConsent: false });
  const origin = (key: string): ActionOrigin => ({ teamId: 'T0GROUND', userId, source: 'command', idempotencyKey: key });
  const rollback = new Error('rollback');
  try {
    await db.transaction().execute(async (trx) => {
      await recordReport(trx, draft(4999), origin('command:explain.1'), { thisWeek: weekStart(today), checkRepeats: true });
      if (!captured) throw new Error('recordReport sent no statement');
      const first = captured;
      const replace = (value: unknown) =>
        value === 'command:explain.1' ? 'command:explain.2' : value === JSON.stringify(draft(4999).counts) ? JSON.stringify(draft(4998).counts) : value === JSON.stringify(draft(4999)) ? JSON.stringify(draft(4998)) : value;
      // A few runs first, so the timings are not those of a connection's first trigger call (which compiles the trigger functions).
      for (let run = 0; run < 3; run++) await recordReport(trx, draft(4990 + run), origin(`command:explain.warm.${run}`), { thisWeek: weekStart(today), checkRepeats: true });
      const plan = await trx.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`explain (analyze, buffers) ${first.sql}`, first.parameters.map(replace)));
      console.log(`\n  EXPLAIN ANALYZE of the record statement (${label}):`);
      for (const row of plan.rows) console.log(`    ${row['QUERY PLAN']}`);
      // Every request updates its person's summary rows; dead versions pile up until autovacuum visits.
      const { rows } = await sql<{ relname: string; n_live_tup: number; n_dead_tup: number; autovacuums: number }>`
        select relname, n_live_tup::int, n_dead_tup::int, autovacuum_count::int as autovacuums from pg_stat_user_tables
        where relname in ('actions', 'person_week_totals', 'person_totals', 'team_day_totals') order by relname`.execute(trx);
      for (const r of rows) console.log(`    ${r.relname}: ${r.n_live_tup} live rows, ${r.n_dead_tup} dead, ${r.autovacuums} autovacuums so far`);
      throw rollback;
    });
  } catch (error) {
    if (error !== rollback) throw error;
  } finally {
    await db.destroy();
  }
}

async function countRows(bench: BenchDatabase) {
  const { rows } = await sql<{ groundwork: number; floor: number; floorLikeGroundwork: number }>`
    select
      (select count(*)::int from actions where idempotency_key like 'command:%') as groundwork,
      (select count(*)::int from floor_actions where idempotency_key like ${`${FLOOR_KEY_PREFIX}%`}) as floor,
      (select count(*)::int from (
        select tactic_id, goal, channel, occurred_on, place, note, story, story_consent, source from floor_actions
        intersect
        select tactic_id, goal, channel, occurred_on, place, note, story, story_consent, source from actions where idempotency_key like 'command:%'
      ) as alike) as "floorLikeGroundwork"`.execute(bench.database.db);
  return rows[0]!;
}

/** Runs the benchmark and prints the report. Resolves false when a correctness check failed. */
export async function run(): Promise<boolean> {
  const cleanups: (() => Promise<unknown>)[] = [];
  try {
    const { process: slack, ready } = await TsProcess.start<{ apiUrl: string }>(new URL('./fake-slack-worker.ts', import.meta.url));
    cleanups.push(() => slack.close());
    const bench = await createBenchDatabase({ poolSize: 2 });
    cleanups.push(() => bench.drop());
    // The floor's table: actions' twin (columns, indexes, constraints), without the summaries trigger.
    await sql`create table floor_actions (like actions including all)`.execute(bench.database.db);

    const start = async (name: string, kind: Target['kind'], ids: string[], historyIds: string[], expect: LoadSpec['expect']): Promise<Target> => {
      const env = { BENCH_TARGET: kind, SLACK_API_URL: ready.apiUrl, BENCH_DATABASE: bench.url };
      const { process: child, ready: target } = await TsProcess.start<{ port: number }>(new URL('./log-knock-target.ts', import.meta.url), env, profileArgs(kind));
      cleanups.push(() => child.close());
      return { name, kind, process: child, db: bench.database.db, url: `http://127.0.0.1:${target.port}/slack/events`, userIds: ids, historyUserIds: historyIds, expect };
    };
    const recorded = { status: 200, json: { response_type: 'ephemeral' }, includes: 'Recorded' };
    const bare = await start('bare Bolt', 'bare', USER_IDS, USER_IDS, { status: 200 });
    const floor = await start('Bolt + 1 INSERT', 'floor', FLOOR_USER_IDS, FLOOR_USER_IDS, recorded);
    const groundwork = await start('Groundwork', 'groundwork', USER_IDS, HISTORY_USER_IDS, recorded);
    const load = await startLoadGenerator();
    cleanups.push(() => load.close());

    const loadAtStart = loadAverage();
    console.log(`log-knock: "${COMMAND} ${TEXT}" from ${USER_IDS.length} people, ${CONCURRENCY} requests in flight; ${bench.description}`);
    console.log(`  each target, the load generator and the fake Slack API run in processes of their own`);
    console.log(`  warm-up ${WARMUP_REQUESTS} each, then ${ROUNDS} rounds of up to ${PHASE_MAX_REQUESTS} requests or ${PHASE_MAX_MS / 1000} s per target, order rotating`);

    const targets = [bare, floor, groundwork];
    const warmups: PhaseStats[] = [];
    for (const target of targets) warmups.push(await runPhase(load, target, 'empty', 0, WARMUP_REQUESTS, 30_000));
    await analyzeIfAutovacuumIsOff(bench);
    const phases = await runRounds(load, targets, 'empty');

    if (process.env.BENCH_EXPLAIN) await explainRecordStatement(bench, USER_IDS[0]!, 'empty database, one of its people after their requests');
    const seeding = Date.now();
    await storeHistory(bench);
    console.log(`  stored ${HISTORY_REPORTS.toLocaleString('en-US')} reports of history in ${((Date.now() - seeding) / 1000).toFixed(1)} s`);
    // The history part's people are new to the app: its warm-up caches their time zones, as the first one did.
    for (const target of [floor, groundwork]) warmups.push(await runPhase(load, target, 'history', 0, WARMUP_REQUESTS, 30_000));
    phases.push(...(await runRounds(load, [floor, groundwork], 'history')));
    if (process.env.BENCH_EXPLAIN) await explainRecordStatement(bench, HISTORY_USER_IDS[0]!, '1M history, one of its people after their requests');

    const stopped = await Promise.all(targets.map((target) => target.process.request<{ problems: string[]; problemCount: number }>('stop')));
    const rows = await countRows(bench);

    console.log('');
    printLine(([header]) => header);
    for (const phase of phases) printLine(([, , cell]) => cell(lineOf(phase)));
    const m = {
      bare: medianOf(phases, bare.name, 'empty'),
      floor: medianOf(phases, floor.name, 'empty'),
      groundwork: medianOf(phases, groundwork.name, 'empty'),
      floorHistory: medianOf(phases, floor.name, 'history'),
      groundworkHistory: medianOf(phases, groundwork.name, 'history'),
    };
    for (const line of Object.values(m)) printLine(([, , cell]) => cell(line));
    console.log('  RSS = the target process after its phase; CPU ms/req = its CPU time (user + system) per request;');
    console.log('  DB CPU ms/req = CPU time of the PostgreSQL backends serving its connections, per request;');
    console.log('  busy ms/req = its event-loop busy time per request (wall-clock: grows while it waits for a core);');
    console.log('  SQL/req = statements it sent per request; load = 1-minute load average at the end of the phase.');

    const verdict = (pass: boolean) => (pass ? 'PASS' : 'FAIL');
    const show = (label: string, value: number, target?: string, pass?: boolean) =>
      console.log(`  ${label.padEnd(52)} ${value.toFixed(2)}×${target ? `  (target ${target})  ${verdict(pass ?? false)}` : ''}`);
    const throughput = m.groundwork.reqPerSec / m.floor.reqPerSec;
    const p99 = m.groundwork.p99 / m.floor.p99;
    const history = m.groundworkHistory.reqPerSec / m.groundwork.reqPerSec;
    console.log('');
    show('throughput Groundwork / floor', throughput, `≥ ${TARGET_FLOOR_THROUGHPUT}×, goal ${GOAL_FLOOR_THROUGHPUT}×`, throughput >= TARGET_FLOOR_THROUGHPUT);
    show('p99 latency Groundwork / floor', p99, `≤ ${TARGET_FLOOR_P99}×`, p99 <= TARGET_FLOOR_P99);
    show('throughput Groundwork, 1M history / empty', history, `≥ ${TARGET_HISTORY_THROUGHPUT}×`, history >= TARGET_HISTORY_THROUGHPUT);
    show('throughput floor, 1M history / empty', m.floorHistory.reqPerSec / m.floor.reqPerSec);
    show('throughput floor / bare (the machine)', m.floor.reqPerSec / m.bare.reqPerSec);
    show('p99 latency floor / bare (the machine)', m.floor.p99 / m.bare.p99);
    console.log('  CPU per request, steadier than the above on a shared machine:');
    show('app CPU/request Groundwork / floor', m.groundwork.cpuMsPerRequest / m.floor.cpuMsPerRequest);
    show('DB CPU/request Groundwork / floor', m.groundwork.dbCpuMsPerRequest / m.floor.dbCpuMsPerRequest);
    const totalCpu = (l: Line) => l.cpuMsPerRequest + l.dbCpuMsPerRequest;
    show('app + DB CPU/request Groundwork / floor', totalCpu(m.groundwork) / totalCpu(m.floor));
    show('app + DB CPU/request Groundwork, 1M history / empty', totalCpu(m.groundworkHistory) / totalCpu(m.groundwork));
    show('app + DB CPU/request floor, 1M history / empty', totalCpu(m.floorHistory) / totalCpu(m.floor));
    console.log(`  load average (1, 5, 15 min) at the start: ${loadAtStart}; at the end: ${loadAverage()}`);

    // Correctness: figures from an app that answered wrongly would be meaningless.
    const all = [...warmups, ...phases];
    const sentTo = (target: Target) => all.filter((p) => p.target === target.name).reduce((sum, p) => sum + p.sent, 0);
    const problems: string[] = [];
    for (const p of all.filter((p) => p.failures > 0)) problems.push(`${p.target} ${p.part} round ${p.round}: ${p.failures} bad responses, e.g. ${p.failureSamples.join(' | ')}`);
    if (rows.groundwork !== sentTo(groundwork)) problems.push(`${rows.groundwork} Groundwork rows for ${sentTo(groundwork)} requests`);
    if (rows.floor !== sentTo(floor)) problems.push(`${rows.floor} floor rows for ${sentTo(floor)} requests`);
    if (rows.floorLikeGroundwork === 0) problems.push('the floor wrote no row like Groundwork’s (tactic, counts, day, …)');
    stopped.forEach((answer, i) => {
      if (answer.problemCount > 0) problems.push(`${targets[i]!.name} logged ${answer.problemCount} warnings/errors, e.g. ${answer.problems.slice(0, 3).join(' | ')}`);
    });
    console.log('');
    console.log(`  checked: every response (200, ephemeral, "Recorded"); ${rows.groundwork} Groundwork and ${rows.floor} floor rows for as many requests`);
    if (problems.length === 0) console.log('  correctness: OK');
    else for (const problem of problems) console.log(`  correctness FAILED: ${problem}`);
    return problems.length === 0;
  } finally {
    // Reverse order: stop sending, stop the apps, drop the database, then stop the fake Slack.
    for (const cleanup of cleanups.reverse()) await cleanup().catch((error: unknown) => console.error(`cleanup: ${String(error)}`));
  }
}
