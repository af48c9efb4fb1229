/**
 * `/log-knock 40 doors 12 talked 5 signed` through the real Groundwork app (signature check →
 * parse → cached time zone → insert → weekly totals → ephemeral reply in the ack, plus whatever
 * the listener does after acking), compared with a bare Bolt app whose /log-knock listener only
 * acks, and with a floor: the same Bolt app whose listener does the least any app that records the
 * report before answering must do, one INSERT of the same row and then the ack. All three apps run
 * on this process's main thread and receive the same kind of signed requests from a load generator
 * in a worker thread; the fake Slack Web API runs in another worker; the database is a fresh
 * PostgreSQL one.
 *
 * Targets: Groundwork keeps ≥ 0.7× the bare app's throughput and ≤ 3× its p99 latency. The floor
 * has no target of its own; it shows what one committed write costs on the machine at hand.
 */
import type { Server } from 'node:http';
import { performance } from 'node:perf_hooks';
import { App, HTTPReceiver, LogLevel, type Middleware, type SlackCommandMiddlewareArgs } from '@slack/bolt';
import { sql } from 'kysely';
import pg from 'pg';
import { loadConfig } from '../src/config.js';
import { todayIn } from '../src/domain/dates.js';
import { startSlackApp } from '../src/slack/app.js';
import { SIGNING_SECRET } from '../test/support/slack-request.js';
import { createBenchDatabase, type BenchDatabase } from './database.js';
import { mb, median, percentile, quietLogger, sampleRss, startLoadGenerator, TsWorker, type LoadGenerator, type LoadSpec } from './load.js';
import { installQueryCounter } from './query-counter.js';

const COMMAND = '/log-knock';
const TEXT = '40 doors 12 talked 5 signed';
// BENCH_USERS spreads the reports over more people (fewer rows in each person's week); 20 by default.
const userIds = (prefix: string) => Array.from({ length: Number(process.env.BENCH_USERS ?? 20) }, (_, i) => `${prefix}${String(i).padStart(2, '0')}`);
// Few enough that each person's time zone is cached after their first request.
const USER_IDS = userIds('U0BENCH');
const CONCURRENCY = 16;
const WARMUP_REQUESTS = 200;
// Each measured phase stops at whichever comes first, so a slow app keeps the run bounded in time.
const PHASE_MAX_REQUESTS = 3000;
const PHASE_MAX_MS = 5000;
// Rounds rotate the order of the targets (A B C, B C A, C A B), so each goes first, second and last
// once and drift on a noisy 2-core machine (CPU boost, autovacuum, other processes) does not land
// on one target only; medians are compared.
const ROUNDS = 3;

/** The row Groundwork writes for TEXT, so the floor inserts the same one (its counts as parsed). */
const FLOOR_ROW = {
  tacticId: 'door_knocking',
  goal: 'recruit',
  channel: 'offline',
  counts: JSON.stringify({ doors: 40, conversations: 12, signups: 5 }),
  source: 'command',
};
/** What the fake users.info gives everyone, so the floor's rows fall on the same day as Groundwork's. */
const FLOOR_TIME_ZONE = 'America/Chicago';
const FLOOR_KEY_PREFIX = 'floor:';
// As many people as USER_IDS but others: Groundwork's reply totals the person's week, so floor rows
// under the same people would make its later phases read (and report) thousands of extra rows.
const FLOOR_USER_IDS = userIds('U0FLOOR');
// place, note and story stay null; story_consent and created_at take their defaults.
const FLOOR_INSERT = `insert into actions (team_id, user_id, tactic_id, goal, channel, counts, occurred_on, source, idempotency_key)
  values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`;

const TARGET_THROUGHPUT_RATIO = 0.7;
const TARGET_P99_RATIO = 3;

interface Target {
  name: string;
  url: string;
  userIds: string[];
  expect: LoadSpec['expect'];
}

/** Readers of process-wide counters, sampled around each phase. */
interface Counters {
  queries(): number;
  slackCalls(): Promise<number>;
}

interface PhaseStats {
  target: string;
  /** 0 for the warm-up. */
  round: number;
  sent: number;
  failures: number;
  failureSamples: string[];
  reqPerSec: number;
  p50: number;
  p99: number;
  rssBefore: number;
  rssPeak: number;
  /** Share of the phase the main thread (where both apps run) was busy, 0..1. */
  busy: number;
  /** Main-thread busy time per request, in ms: what a request costs the app, steadier than req/s. */
  busyMsPerRequest: number;
  queriesPerRequest: number;
  slackCallsPerRequest: number;
}

/** A Bolt app with its own HTTP receiver and signature check, and `listener` on /log-knock. */
async function startBolt(slackApiUrl: string, listener: Middleware<SlackCommandMiddlewareArgs>) {
  const logger = quietLogger();
  const app = new App({
    token: 'xoxb-bench-token',
    receiver: new HTTPReceiver({ signingSecret: SIGNING_SECRET, endpoints: '/slack/events', logger, logLevel: LogLevel.WARN }),
    // Same Web API wiring as Groundwork, so the one auth.test Bolt makes goes to the fake too.
    clientOptions: { slackApiUrl, retryConfig: { retries: 0 } },
    logger,
    logLevel: LogLevel.WARN,
  });
  app.command(COMMAND, listener);
  const server = (await app.start(0)) as Server;
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : Number(address);
  return { app, port, logger };
}

/** The baseline: a listener that only acks. */
function startBareBolt(slackApiUrl: string) {
  return startBolt(slackApiUrl, async ({ ack }) => {
    await ack();
  });
}

/**
 * The floor: built like the bare app, but its listener commits the report's row with one
 * parameterized INSERT (one round trip, through a plain pg.Pool) before acking.
 */
function startFloorBolt(slackApiUrl: string, pool: pg.Pool) {
  return startBolt(slackApiUrl, async ({ command, ack }) => {
    await pool.query(FLOOR_INSERT, [
      command.team_id,
      command.user_id,
      FLOOR_ROW.tacticId,
      FLOOR_ROW.goal,
      FLOOR_ROW.channel,
      FLOOR_ROW.counts,
      todayIn(FLOOR_TIME_ZONE),
      FLOOR_ROW.source,
      `${FLOOR_KEY_PREFIX}${command.trigger_id}`,
    ]);
    await ack({ response_type: 'ephemeral', text: 'Recorded' });
  });
}

async function runPhase(load: LoadGenerator, counters: Counters, target: Target, round: number, maxRequests: number, maxMs: number): Promise<PhaseStats> {
  const queriesBefore = counters.queries();
  const slackCallsBefore = await counters.slackCalls();
  const rss = sampleRss(50);
  const loopBefore = performance.eventLoopUtilization();
  const result = await load.run({
    url: target.url,
    signingSecret: SIGNING_SECRET,
    command: COMMAND,
    text: TEXT,
    userIds: target.userIds,
    // Groundwork uses trigger_id as the idempotency key: a repeat would be "Already recorded", not a new row.
    triggerPrefix: `bench.${target.name.replace(/\W+/g, '-')}.${round === 0 ? 'warmup' : `r${round}`}`,
    concurrency: CONCURRENCY,
    maxRequests,
    maxDurationMs: maxMs,
    expect: target.expect,
  });
  const loop = performance.eventLoopUtilization(loopBefore);
  const { before, peak } = rss.stop();
  const perRequest = (count: number) => count / Math.max(1, result.completed);
  return {
    target: target.name,
    round,
    sent: result.sent,
    failures: result.failures,
    failureSamples: result.failureSamples,
    reqPerSec: result.ok / (result.elapsedMs / 1000),
    p50: percentile(result.latenciesMs, 50),
    p99: percentile(result.latenciesMs, 99),
    rssBefore: before,
    rssPeak: peak,
    busy: loop.utilization,
    busyMsPerRequest: perRequest(loop.active),
    // Work a listener does after acking can still be running here; across 1000s of requests that is noise.
    queriesPerRequest: perRequest(counters.queries() - queriesBefore),
    slackCallsPerRequest: perRequest((await counters.slackCalls()) - slackCallsBefore),
  };
}

/** One line of the report: a phase, or the median of a target's phases. */
interface ReportLine {
  round: string;
  target: string;
  requests: number;
  reqPerSec: number;
  p50: number;
  p99: number;
  rssPeak: number;
  rssDelta: number;
  busy: number;
  busyMsPerRequest: number;
  queriesPerRequest: number;
  slackCallsPerRequest: number;
}

const COLUMNS: [header: string, width: number, cell: (l: ReportLine) => string][] = [
  ['round', -6, (l) => l.round],
  ['target', -15, (l) => l.target],
  ['requests', 8, (l) => String(l.requests)],
  ['req/s', 6, (l) => l.reqPerSec.toFixed(0)],
  ['p50 ms', 7, (l) => l.p50.toFixed(1)],
  ['p99 ms', 7, (l) => l.p99.toFixed(1)],
  ['peak RSS MB', 11, (l) => mb(l.rssPeak)],
  ['ΔRSS MB', 7, (l) => `${l.rssDelta >= 0 ? '+' : ''}${mb(l.rssDelta)}`],
  ['loop busy', 9, (l) => `${(l.busy * 100).toFixed(0)}%`],
  ['busy ms/req', 11, (l) => l.busyMsPerRequest.toFixed(2)],
  ['SQL/req', 7, (l) => l.queriesPerRequest.toFixed(1)],
  ['Slack API/req', 13, (l) => l.slackCallsPerRequest.toFixed(2)],
];

function printLine(cell: (column: (typeof COLUMNS)[number]) => string) {
  console.log(COLUMNS.map((column) => (column[1] < 0 ? cell(column).padEnd(-column[1]) : cell(column).padStart(column[1]))).join('  '));
}

const lineOf = (p: PhaseStats): ReportLine => ({ ...p, round: String(p.round), requests: p.sent, rssDelta: p.rssPeak - p.rssBefore });

function medianLine(target: string, phases: PhaseStats[]): ReportLine {
  const lines = phases.filter((p) => p.target === target).map(lineOf);
  const mid = (pick: (l: ReportLine) => number) => median(lines.map(pick));
  return {
    round: 'median',
    target,
    requests: mid((l) => l.requests),
    reqPerSec: mid((l) => l.reqPerSec),
    p50: mid((l) => l.p50),
    p99: mid((l) => l.p99),
    rssPeak: Math.max(...lines.map((l) => l.rssPeak)),
    rssDelta: mid((l) => l.rssDelta),
    busy: mid((l) => l.busy),
    busyMsPerRequest: mid((l) => l.busyMsPerRequest),
    queriesPerRequest: mid((l) => l.queriesPerRequest),
    slackCallsPerRequest: mid((l) => l.slackCallsPerRequest),
  };
}

/** Rows in actions by the app that wrote them, told apart by their idempotency keys. */
async function countRows(database: BenchDatabase['database']) {
  const written = sql`tactic_id, goal, channel, counts, occurred_on, place, note, story, story_consent, source`;
  const { rows } = await sql<{ groundwork: number; floor: number; other: number; floorUnlikeGroundwork: number }>`
    select
      count(*) filter (where idempotency_key like 'command:%') as groundwork,
      count(*) filter (where idempotency_key like ${`${FLOOR_KEY_PREFIX}%`}) as floor,
      count(*) filter (where idempotency_key not like 'command:%' and idempotency_key not like ${`${FLOOR_KEY_PREFIX}%`}) as other,
      (select count(*) from (
        select ${written} from actions where idempotency_key like ${`${FLOOR_KEY_PREFIX}%`}
        except
        select ${written} from actions where idempotency_key like 'command:%'
      ) as unmatched) as "floorUnlikeGroundwork"
    from actions`.execute(database.db);
  return rows[0]!;
}

/** Prints `text` as one indented paragraph, wrapped to the width of the notes above it. */
function printParagraph(text: string, width = 100) {
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const last = lines.length - 1;
    if (last >= 0 && lines[last]!.length + 1 + word.length <= width) lines[last] += ` ${word}`;
    else lines.push(`  ${word}`);
  }
  console.log(lines.join('\n'));
}

/** Runs the benchmark and prints the report. Resolves false when a correctness check failed. */
export async function run(): Promise<boolean> {
  const cleanups: (() => Promise<unknown>)[] = [];
  try {
    const queries = installQueryCounter();
    const { worker: slack, ready } = await TsWorker.start<{ apiUrl: string }>(new URL('./fake-slack-worker.ts', import.meta.url));
    cleanups.push(() => slack.close());
    const callsByMethod = async () => (await slack.request<{ counts: Record<string, number> }>('counts')).counts;
    const counters: Counters = {
      queries,
      slackCalls: async () => Object.values(await callsByMethod()).reduce((sum, n) => sum + n, 0),
    };

    // The settings main.ts would read, so Groundwork runs with its defaults (e.g. a pool of 10).
    const config = loadConfig({
      SLACK_BOT_TOKEN: 'xoxb-bench-token',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: ready.apiUrl,
      PORT: '0',
      LOG_LEVEL: 'warn',
    });
    const bench = await createBenchDatabase({ poolSize: config.DATABASE_POOL_SIZE });
    cleanups.push(() => bench.drop());

    const groundworkLogger = quietLogger();
    const groundwork = await startSlackApp(config, bench.database, {
      logger: groundworkLogger,
      clientOptions: { retryConfig: { retries: 0 } },
    });
    cleanups.push(() => groundwork.stop());
    const bare = await startBareBolt(ready.apiUrl);
    cleanups.push(() => bare.app.stop());
    // Groundwork's pool size (10 by default), on the same database.
    const floorPool = new pg.Pool({ connectionString: bench.url, max: config.DATABASE_POOL_SIZE });
    cleanups.push(() => floorPool.end());
    const floor = await startFloorBolt(ready.apiUrl, floorPool);
    cleanups.push(() => floor.app.stop());
    const load = await startLoadGenerator();
    cleanups.push(() => load.close());

    const bareTarget: Target = { name: 'bare Bolt', url: `http://127.0.0.1:${bare.port}/slack/events`, userIds: USER_IDS, expect: { status: 200 } };
    const groundworkTarget: Target = {
      name: 'Groundwork',
      url: `http://127.0.0.1:${groundwork.port}/slack/events`,
      userIds: USER_IDS,
      expect: { status: 200, json: { response_type: 'ephemeral' }, includes: 'Recorded' },
    };
    const floorTarget: Target = {
      name: 'Bolt + 1 INSERT',
      url: `http://127.0.0.1:${floor.port}/slack/events`,
      userIds: FLOOR_USER_IDS,
      expect: { status: 200, json: { response_type: 'ephemeral' }, includes: 'Recorded' },
    };
    const targets = [bareTarget, groundworkTarget, floorTarget];

    console.log(`log-knock: "${COMMAND} ${TEXT}" from ${USER_IDS.length} users, ${CONCURRENCY} requests in flight`);
    console.log(`  the floor (Bolt + 1 INSERT) writes as ${FLOOR_USER_IDS.length} other users, so its rows stay out of Groundwork's weekly totals`);
    console.log(`  ${bench.description}`);
    console.log(
      `  warm-up ${WARMUP_REQUESTS} each, then ${ROUNDS} rounds of up to ${PHASE_MAX_REQUESTS} requests or ${PHASE_MAX_MS / 1000} s per target, order rotating`,
    );

    // Warm-up: JIT, keep-alive sockets, the pg pool, Bolt's auth.test, one users.info per person.
    const phases: PhaseStats[] = [];
    const warmups: PhaseStats[] = [];
    for (const target of targets) warmups.push(await runPhase(load, counters, target, 0, WARMUP_REQUESTS, 30_000));
    for (let round = 1; round <= ROUNDS; round++) {
      const first = (round - 1) % targets.length;
      const order = [...targets.slice(first), ...targets.slice(0, first)];
      for (const target of order) phases.push(await runPhase(load, counters, target, round, PHASE_MAX_REQUESTS, PHASE_MAX_MS));
    }

    // Stopping drains listener work still in flight, so every row that will be written is committed.
    // The floor writes before it acks, so its rows are all committed once its phases have ended.
    await groundwork.stop();
    const rows = await countRows(bench.database);
    const slackCalls = await callsByMethod();

    console.log('');
    printLine(([header]) => header);
    for (const phase of phases) printLine(([, , cell]) => cell(lineOf(phase)));
    const bareMedian = medianLine(bareTarget.name, phases);
    const groundworkMedian = medianLine(groundworkTarget.name, phases);
    const floorMedian = medianLine(floorTarget.name, phases);
    for (const line of [bareMedian, groundworkMedian, floorMedian]) printLine(([, , cell]) => cell(line));
    console.log(
      [
        '  RSS is one figure for the whole process: all three apps, the fake Slack API and the load generator',
        '  (each in its own thread). peak RSS = highest sample (every 50 ms) during the phase; ΔRSS = that',
        '  peak minus RSS just before the phase; median rows show the highest peak and the median Δ.',
        '  loop busy = event-loop utilisation of the main thread, where all three apps run; busy ms/req = that',
        '  busy time per request. SQL/req and Slack API/req count statements and Web API calls per request.',
      ].join('\n'),
    );

    const throughputRatio = groundworkMedian.reqPerSec / bareMedian.reqPerSec;
    const p99Ratio = groundworkMedian.p99 / bareMedian.p99;
    const verdict = (pass: boolean) => (pass ? 'PASS' : 'FAIL');
    console.log('');
    console.log(`  throughput Groundwork/bare  ${throughputRatio.toFixed(2)}×  (target ≥ ${TARGET_THROUGHPUT_RATIO}×)  ${verdict(throughputRatio >= TARGET_THROUGHPUT_RATIO)}`);
    console.log(`  p99 latency Groundwork/bare ${p99Ratio.toFixed(2)}×  (target ≤ ${TARGET_P99_RATIO}×)  ${verdict(p99Ratio <= TARGET_P99_RATIO)}`);

    // The floor: no target, only the ratios that place Groundwork and the issue's targets against it.
    const ratio = (label: string, value: number) => console.log(`  ${label.padEnd(45)} ${value.toFixed(2)}×`);
    console.log('');
    ratio('throughput Groundwork / (Bolt + 1 INSERT)', groundworkMedian.reqPerSec / floorMedian.reqPerSec);
    ratio('p99 latency Groundwork / (Bolt + 1 INSERT)', groundworkMedian.p99 / floorMedian.p99);
    ratio('throughput (Bolt + 1 INSERT) / bare', floorMedian.reqPerSec / bareMedian.reqPerSec);
    ratio('p99 latency (Bolt + 1 INSERT) / bare', floorMedian.p99 / bareMedian.p99);
    printParagraph(
      `Bolt + 1 INSERT is built like the bare app (same receiver, fake Slack and Bolt defaults), but its ` +
        `listener first commits the row Groundwork writes for this command, with one parameterized INSERT ` +
        `through a plain pg.Pool of ${config.DATABASE_POOL_SIZE} on the same database, then acks "Recorded". ` +
        `The insert fires the same actions_follow_totals trigger (migration 0003, which keeps action_totals) ` +
        `as Groundwork's does. The floor shows what a single committed write costs here: the main thread was ` +
        `busy ${floorMedian.busyMsPerRequest.toFixed(2)} ms per request against ${bareMedian.busyMsPerRequest.toFixed(2)} ms ` +
        `for bare, and ${groundworkMedian.busyMsPerRequest.toFixed(2)} ms for Groundwork with ` +
        `${groundworkMedian.queriesPerRequest.toFixed(1)} statements per request. An app that answers only after ` +
        `committing its row with one statement per request does at least the floor's work, so the floor's ratios ` +
        `to bare are about the best such an app reaches against the targets above on this machine; ` +
        `Groundwork / (Bolt + 1 INSERT) is the part of the gap that is Groundwork's own.`,
    );

    // Correctness: figures from an app that answered wrongly would be meaningless.
    const all = [...warmups, ...phases];
    const sentTo = (target: Target) => all.filter((p) => p.target === target.name).reduce((sum, p) => sum + p.sent, 0);
    const groundworkSent = sentTo(groundworkTarget);
    const floorSent = sentTo(floorTarget);
    const problems: string[] = [];
    for (const p of all.filter((p) => p.failures > 0)) {
      problems.push(`${p.target} ${p.round === 0 ? 'warm-up' : `round ${p.round}`}: ${p.failures} bad responses, e.g. ${p.failureSamples.join(' | ')}`);
    }
    if (rows.groundwork !== groundworkSent) problems.push(`actions has ${rows.groundwork} Groundwork rows, but ${groundworkSent} Groundwork requests were sent`);
    if (rows.floor !== floorSent) problems.push(`actions has ${rows.floor} floor rows, but ${floorSent} floor requests were sent`);
    if (rows.other > 0) problems.push(`actions has ${rows.other} rows from neither app`);
    if (rows.floorUnlikeGroundwork > 0) problems.push(`${rows.floorUnlikeGroundwork} kinds of floor row match no Groundwork row (tactic, goal, channel, counts, day, …)`);
    const loggers = [groundworkLogger, bare.logger, floor.logger];
    const logged = loggers.flatMap((logger) => logger.problems);
    if (logged.length > 0) {
      const count = loggers.reduce((sum, logger) => sum + logger.problemCount(), 0);
      problems.push(`${count} warnings/errors logged, e.g. ${logged.slice(0, 3).join(' | ')}`);
    }
    console.log('');
    console.log(
      `  checked: ${groundworkSent} Groundwork and ${floorSent} floor requests, each to answer 200, ephemeral, "Recorded"; ` +
        `${rows.groundwork} + ${rows.floor} rows in actions, the floor's written like Groundwork's`,
    );
    console.log(`  Slack Web API calls (all phases): ${Object.entries(slackCalls).map(([method, n]) => `${method} ${n}`).join(', ')}`);
    if (problems.length === 0) console.log('  correctness: OK');
    else for (const problem of problems) console.log(`  correctness FAILED: ${problem}`);
    return problems.length === 0;
  } finally {
    // Reverse order: stop sending, stop the apps, drop the database, then stop the fake Slack.
    for (const cleanup of cleanups.reverse()) await cleanup().catch((error: unknown) => console.error(`cleanup: ${String(error)}`));
  }
}
