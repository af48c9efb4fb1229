/**
 * `/log-knock 40 doors 12 talked 5 signed` through the real Groundwork app (signature check →
 * parse → cached time zone → insert → weekly totals → ephemeral reply in the ack, plus whatever
 * the listener does after acking), compared with a bare Bolt app whose /log-knock listener only
 * acks. Both apps run on this process's main thread and receive the same kind of signed requests
 * from a load generator in a worker thread; the fake Slack Web API runs in another worker; the
 * database is a fresh PostgreSQL one.
 *
 * Targets: Groundwork keeps ≥ 0.7× the bare app's throughput and ≤ 3× its p99 latency.
 */
import type { Server } from 'node:http';
import { performance } from 'node:perf_hooks';
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';
import { loadConfig } from '../src/config.js';
import { startSlackApp } from '../src/slack/app.js';
import { SIGNING_SECRET } from '../test/support/slack-request.js';
import { createBenchDatabase } from './database.js';
import { mb, median, percentile, quietLogger, sampleRss, startLoadGenerator, TsWorker, type LoadGenerator, type LoadSpec } from './load.js';
import { installQueryCounter } from './query-counter.js';

const COMMAND = '/log-knock';
const TEXT = '40 doors 12 talked 5 signed';
// Few enough that each person's time zone is cached after their first request.
const USER_IDS = Array.from({ length: 20 }, (_, i) => `U0BENCH${String(i).padStart(2, '0')}`);
const CONCURRENCY = 16;
const WARMUP_REQUESTS = 200;
// Each measured phase stops at whichever comes first, so a slow app keeps the run bounded in time.
const PHASE_MAX_REQUESTS = 3000;
const PHASE_MAX_MS = 5000;
// Rounds alternate which target goes first (A B, B A, A B) so drift on a noisy 2-core machine
// (CPU boost, autovacuum, other processes) does not land on one target only; medians are compared.
const ROUNDS = 3;

const TARGET_THROUGHPUT_RATIO = 0.7;
const TARGET_P99_RATIO = 3;

interface Target {
  name: string;
  url: string;
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

/** The baseline: Bolt's own HTTP receiver and signature check, and a listener that only acks. */
async function startBareBolt(slackApiUrl: string) {
  const logger = quietLogger();
  const app = new App({
    token: 'xoxb-bench-token',
    receiver: new HTTPReceiver({ signingSecret: SIGNING_SECRET, endpoints: '/slack/events', logger, logLevel: LogLevel.WARN }),
    // Same Web API wiring as Groundwork, so the one auth.test Bolt makes goes to the fake too.
    clientOptions: { slackApiUrl, retryConfig: { retries: 0 } },
    logger,
    logLevel: LogLevel.WARN,
  });
  app.command(COMMAND, async ({ ack }) => {
    await ack();
  });
  const server = (await app.start(0)) as Server;
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : Number(address);
  return { app, port, logger };
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
    userIds: USER_IDS,
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
  ['target', -10, (l) => l.target],
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
    const load = await startLoadGenerator();
    cleanups.push(() => load.close());

    const bareTarget: Target = { name: 'bare Bolt', url: `http://127.0.0.1:${bare.port}/slack/events`, expect: { status: 200 } };
    const groundworkTarget: Target = {
      name: 'Groundwork',
      url: `http://127.0.0.1:${groundwork.port}/slack/events`,
      expect: { status: 200, json: { response_type: 'ephemeral' }, includes: 'Recorded' },
    };

    console.log(`log-knock: "${COMMAND} ${TEXT}" from ${USER_IDS.length} users, ${CONCURRENCY} requests in flight`);
    console.log(`  ${bench.description}`);
    console.log(
      `  warm-up ${WARMUP_REQUESTS} each, then ${ROUNDS} rounds of up to ${PHASE_MAX_REQUESTS} requests or ${PHASE_MAX_MS / 1000} s per target, order alternating`,
    );

    // Warm-up: JIT, keep-alive sockets, the pg pool, Bolt's auth.test, one users.info per person.
    const phases: PhaseStats[] = [];
    const warmups = [
      await runPhase(load, counters, bareTarget, 0, WARMUP_REQUESTS, 30_000),
      await runPhase(load, counters, groundworkTarget, 0, WARMUP_REQUESTS, 30_000),
    ];
    for (let round = 1; round <= ROUNDS; round++) {
      const order = round % 2 === 1 ? [bareTarget, groundworkTarget] : [groundworkTarget, bareTarget];
      for (const target of order) phases.push(await runPhase(load, counters, target, round, PHASE_MAX_REQUESTS, PHASE_MAX_MS));
    }

    // Stopping drains listener work still in flight, so every row that will be written is committed.
    await groundwork.stop();
    const { n: rowsInActions } = await bench.database.db
      .selectFrom('actions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const slackCalls = await callsByMethod();

    console.log('');
    printLine(([header]) => header);
    for (const phase of phases) printLine(([, , cell]) => cell(lineOf(phase)));
    const bareMedian = medianLine(bareTarget.name, phases);
    const groundworkMedian = medianLine(groundworkTarget.name, phases);
    for (const line of [bareMedian, groundworkMedian]) printLine(([, , cell]) => cell(line));
    console.log(
      [
        '  RSS is one figure for the whole process: both apps, the fake Slack API and the load generator',
        '  (each in its own thread). peak RSS = highest sample (every 50 ms) during the phase; ΔRSS = that',
        '  peak minus RSS just before the phase; median rows show the highest peak and the median Δ.',
        '  loop busy = event-loop utilisation of the main thread, where both apps run; busy ms/req = that',
        '  busy time per request. SQL/req and Slack API/req count statements and Web API calls per request.',
      ].join('\n'),
    );

    const throughputRatio = groundworkMedian.reqPerSec / bareMedian.reqPerSec;
    const p99Ratio = groundworkMedian.p99 / bareMedian.p99;
    const verdict = (pass: boolean) => (pass ? 'PASS' : 'FAIL');
    console.log('');
    console.log(`  throughput Groundwork/bare  ${throughputRatio.toFixed(2)}×  (target ≥ ${TARGET_THROUGHPUT_RATIO}×)  ${verdict(throughputRatio >= TARGET_THROUGHPUT_RATIO)}`);
    console.log(`  p99 latency Groundwork/bare ${p99Ratio.toFixed(2)}×  (target ≤ ${TARGET_P99_RATIO}×)  ${verdict(p99Ratio <= TARGET_P99_RATIO)}`);

    // Correctness: figures from an app that answered wrongly would be meaningless.
    const all = [...warmups, ...phases];
    const groundworkSent = all.filter((p) => p.target === groundworkTarget.name).reduce((sum, p) => sum + p.sent, 0);
    const problems: string[] = [];
    for (const p of all.filter((p) => p.failures > 0)) {
      problems.push(`${p.target} ${p.round === 0 ? 'warm-up' : `round ${p.round}`}: ${p.failures} bad responses, e.g. ${p.failureSamples.join(' | ')}`);
    }
    if (rowsInActions !== groundworkSent) problems.push(`actions has ${rowsInActions} rows, but ${groundworkSent} Groundwork requests were sent`);
    const logged = [...groundworkLogger.problems, ...bare.logger.problems];
    if (logged.length > 0) {
      problems.push(`${groundworkLogger.problemCount() + bare.logger.problemCount()} warnings/errors logged, e.g. ${logged.slice(0, 3).join(' | ')}`);
    }
    console.log('');
    console.log(`  checked: ${groundworkSent} Groundwork requests, each to answer 200, ephemeral, "Recorded"; ${rowsInActions} rows in actions`);
    console.log(`  Slack Web API calls (all phases): ${Object.entries(slackCalls).map(([method, n]) => `${method} ${n}`).join(', ')}`);
    if (problems.length === 0) console.log('  correctness: OK');
    else for (const problem of problems) console.log(`  correctness FAILED: ${problem}`);
    return problems.length === 0;
  } finally {
    // Reverse order: stop sending, stop the apps, drop the database, then stop the fake Slack.
    for (const cleanup of cleanups.reverse()) await cleanup().catch((error: unknown) => console.error(`cleanup: ${String(error)}`));
  }
}
