/**
 * The embedded database as a small group runs it: `npm start`'s own node command (read from package.json,
 * after its prestart build) in a process of its own, DATABASE_URL unset, a fresh DATA_DIR, Slack pointed at
 * the fake Slack API. Each round:
 *  1. first start on the empty folder: time to /healthz 200, and the peak memory of the whole process tree
 *     (the app and the child that creates the database), sampled from /proc every 10 ms;
 *  2. resident memory idle, then after 1,000 signed /log-knock reports;
 *  3. SIGTERM, then a restart on the same folder: time to healthy, memory idle and after 1,000 more;
 *  4. /log-knock throughput of that running app against the floor built on the embedded database (the
 *     same Bolt app committing the same row with one plain INSERT into a trigger-less twin of actions,
 *     on PGlite with the app's settings, run with the same node flags), in the order rotating each round;
 *  5. SIGTERM; every report answered "Recorded" and every row is counted in the folder.
 * Medians of the rounds are compared with the targets of issue 7.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { openDatabase } from '../src/db/database.js';
import { SIGNING_SECRET } from '../test/support/slack-request.js';
import { TsProcess } from './ipc.js';
import { median, startLoadGenerator, type LoadGenerator, type LoadSpec } from './load.js';
import { COMMAND, FLOOR_KEY_PREFIX, TEXT, type TargetStats } from './log-knock.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ROUNDS = 3;
const REPORTS = 1000;
/** A small group's pace for the 1,000 reports; the throughput phases use log-knock's 16. */
const REPORT_CONCURRENCY = 4;
const THROUGHPUT_CONCURRENCY = 16;
const THROUGHPUT_MAX_REQUESTS = 3000;
const THROUGHPUT_MAX_MS = 5000;
const FLOOR_WARMUP = 300;
/** How long the app sits after becoming healthy (or after a burst) before its memory is read. */
const SETTLE_MS = 2000;
const SAMPLE_MS = 10;
const HEALTHY_WITHIN_MS = 120_000;

const TARGET_REPORTS_RSS_MB = 300;
const TARGET_FIRST_START_PEAK_MB = 700;
const TARGET_RESTART_S = 1.5;
const TARGET_FLOOR_THROUGHPUT = 0.5;

const USER_IDS = Array.from({ length: 20 }, (_, i) => `U0EMBED${String(i).padStart(2, '0')}`);
const FLOOR_USER_IDS = Array.from({ length: 20 }, (_, i) => `U0EFLOOR${String(i).padStart(2, '0')}`);
const RECORDED: LoadSpec['expect'] = { status: 200, json: { response_type: 'ephemeral' }, includes: 'Recorded' };

/** `npm start`'s command line from package.json, with `node` being this node. */
function startCommand(): string[] {
  const scripts = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  const words = (scripts.start ?? '').split(/\s+/).filter(Boolean);
  if (words[0] !== 'node') throw new Error(`bench/embedded.ts expects "start" to run node, not: ${scripts.start}`);
  return [process.execPath, ...words.slice(1).map((word) => (word.startsWith('-') ? word : path.resolve(ROOT, word)))];
}

// ---- memory of a process tree, from /proc -------------------------------------------------------------

async function childrenOf(pid: number): Promise<number[]> {
  const found: number[] = [];
  const tasks = await readdir(`/proc/${pid}/task`).catch(() => []);
  for (const task of tasks) {
    const listed = await readFile(`/proc/${pid}/task/${task}/children`, 'utf8').catch(() => '');
    found.push(...listed.split(/\s+/).filter(Boolean).map(Number));
  }
  return found;
}

/** VmRSS and VmHWM (kB → MB) of every process in the tree under `pid`, by pid. */
async function treeMemory(pid: number): Promise<Map<number, { rss: number; hwm: number }>> {
  const pids = [pid];
  for (let i = 0; i < pids.length; i++) pids.push(...(await childrenOf(pids[i]!)));
  const memory = new Map<number, { rss: number; hwm: number }>();
  for (const each of pids) {
    const status = await readFile(`/proc/${each}/status`, 'utf8').catch(() => '');
    const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
    if (status) memory.set(each, { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 });
  }
  return memory;
}

/** CPU time (user + system, ms) the process `pid` has used so far; clock ticks are 1/100 s on Linux. */
async function cpuMs(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  // The fields after the command name (which is in parentheses and may hold spaces); utime and stime are the 12th and 13th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

const sumRss = (memory: Map<number, { rss: number }>) => [...memory.values()].reduce((sum, m) => sum + m.rss, 0);

// ---- the app, started as npm start starts it -------------------------------------------------------

interface RunningApp {
  child: ChildProcess;
  url: string;
  output: () => string;
}

interface StartFigures {
  healthySeconds: number;
  /** Highest summed VmRSS of the tree seen while starting. */
  sampledPeakMb: number;
  /**
   * The highest sum, over the processes alive at a sample, of each one's own peak so far (VmHWM): an upper
   * bound of the tree's peak that a spike between two samples cannot hide (only the last 10 ms of a
   * process that exits could). Peaks of processes that were never alive together are not added up.
   */
  peakBoundMb: number;
}

/** Apps still running, killed if the run fails halfway so none outlives the benchmark. */
const liveApps = new Set<ChildProcess>();

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function startApp(command: string[], dataDir: string, slackApiUrl: string): Promise<{ app: RunningApp; figures: StartFigures }> {
  const port = await freePort();
  // From an empty folder, so no developer's .env is read; DATABASE_URL set empty so nothing can fill it in.
  const cwd = path.dirname(dataDir);
  await mkdir(cwd, { recursive: true });
  const env = {
    PATH: process.env.PATH ?? '',
    SLACK_BOT_TOKEN: 'xoxb-bench-token',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slackApiUrl,
    PORT: String(port),
    DATA_DIR: dataDir,
    DATABASE_URL: '',
    LOG_LEVEL: 'warn',
  };
  const started = performance.now();
  const child = spawn(command[0]!, command.slice(1), { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  liveApps.add(child);
  child.on('exit', () => liveApps.delete(child));
  let output = '';
  child.on('error', (error) => (output += `could not run it: ${error.message}`));
  child.stdout?.on('data', (chunk) => (output += String(chunk)));
  child.stderr?.on('data', (chunk) => (output += String(chunk)));
  const app = { child, url: `http://127.0.0.1:${port}`, output: () => output };

  let sampledPeakMb = 0;
  let peakBoundMb = 0;
  for (;;) {
    const memory = await treeMemory(child.pid ?? 0);
    sampledPeakMb = Math.max(sampledPeakMb, sumRss(memory));
    peakBoundMb = Math.max(peakBoundMb, [...memory.values()].reduce((sum, m) => sum + m.hwm, 0));
    if (await isHealthy(app.url)) break;
    if (child.exitCode !== null || child.pid === undefined) throw new Error(`the app exited (${child.exitCode}) before it was healthy:\n${output}`);
    if (performance.now() - started > HEALTHY_WITHIN_MS) throw new Error(`the app was not healthy within ${HEALTHY_WITHIN_MS / 1000} s:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, SAMPLE_MS));
  }
  const healthySeconds = (performance.now() - started) / 1000;
  return { app, figures: { healthySeconds, sampledPeakMb, peakBoundMb } };
}

async function isHealthy(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(1000) });
    await response.arrayBuffer();
    return response.status === 200;
  } catch {
    return false;
  }
}

async function settledRss(app: RunningApp): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  return sumRss(await treeMemory(app.child.pid ?? 0));
}

/** Runs `work` against the app; a failure carries what the app printed, which usually says why. */
async function against<T>(app: RunningApp, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw new Error(`${(error as Error).message}\n-- the app printed (exit code ${app.child.exitCode}):\n${app.output().slice(-3000)}`);
  }
}

async function stopApp(app: RunningApp): Promise<void> {
  if (app.child.exitCode !== null) throw new Error(`the app had already exited (${app.child.exitCode}):\n${app.output()}`);
  const exited = new Promise<number | null>((resolve) => app.child.once('exit', resolve));
  app.child.kill('SIGTERM');
  const code = await exited;
  if (code !== 0) throw new Error(`the app exited with ${code} on SIGTERM:\n${app.output()}`);
}

// ---- load -----------------------------------------------------------------------------------------------

let numbersUsed = 0;
const sentTo = { groundwork: 0, floor: 0 };

async function send(load: LoadGenerator, url: string, who: keyof typeof sentTo, tag: string, concurrency: number, maxRequests: number, maxMs: number) {
  const first = numbersUsed;
  numbersUsed += maxRequests;
  const result = await load.run({
    url: `${url}/slack/events`,
    signingSecret: SIGNING_SECRET,
    command: COMMAND,
    text: TEXT,
    userIds: who === 'floor' ? FLOOR_USER_IDS : USER_IDS,
    triggerPrefix: `embedded.${who}.${tag}`,
    firstNumber: first,
    concurrency,
    maxRequests,
    maxDurationMs: maxMs,
    expect: RECORDED,
  });
  sentTo[who] += result.sent;
  if (result.failures > 0) throw new Error(`${who} ${tag}: ${result.failures} bad responses, e.g. ${result.failureSamples.join(' | ')}`);
  return { reqPerSec: result.ok / (result.elapsedMs / 1000) };
}

async function countRows(dataDir: string, table: 'actions' | 'floor_actions', keyPrefix: string): Promise<number> {
  const database = await openDatabase({ dataDir, poolSize: 1 });
  try {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)} where idempotency_key like ${`${keyPrefix}%`}`.execute(database.db);
    return rows[0]?.n ?? 0;
  } finally {
    await database.close();
  }
}

// ---- the run ----------------------------------------------------------------------------------------

interface Round {
  firstStart: StartFigures;
  firstIdleMb: number;
  firstReportsMb: number;
  restart: StartFigures;
  restartIdleMb: number;
  restartReportsMb: number;
  groundworkReqPerSec: number;
  /** CPU time the process spent per request during its throughput phase, ms: steadier than req/s on a shared machine. */
  groundworkCpuMs: number;
  floorCpuMs: number;
  floorReqPerSec: number;
  floorRssMb: number;
}

/** What `npm start` runs first: the compiled JavaScript must be current before its node command runs. */
async function prestart(): Promise<void> {
  const child = spawn('npm', ['run', '--silent', 'prestart'], { cwd: ROOT, stdio: 'inherit' });
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`npm run prestart failed (${code})`);
}

export async function run(): Promise<boolean> {
  const cleanups: (() => Promise<unknown>)[] = [];
  const folder = await mkdtemp(path.join(os.tmpdir(), 'groundwork-bench-embedded-'));
  cleanups.push(() => rm(folder, { recursive: true, force: true }));
  cleanups.push(async () => {
    for (const child of liveApps) child.kill('SIGKILL');
  });
  try {
    await prestart();
    const command = startCommand();
    const nodeFlags = command.slice(1).filter((word) => word.startsWith('-'));
    const { process: slack, ready } = await TsProcess.start<{ apiUrl: string }>(new URL('./fake-slack-worker.ts', import.meta.url));
    cleanups.push(() => slack.close());
    const load = await startLoadGenerator();
    cleanups.push(() => load.close());

    const floorDir = path.join(folder, 'floor');
    const floorEnv = { BENCH_TARGET: 'floor', SLACK_API_URL: ready.apiUrl, BENCH_DATA_DIR: floorDir };
    const { process: floor, ready: floorReady } = await TsProcess.start<{ port: number }>(new URL('./log-knock-target.ts', import.meta.url), floorEnv, nodeFlags);
    let floorRunning = true;
    cleanups.push(() => (floorRunning ? floor.close() : Promise.resolve()));
    const floorUrl = `http://127.0.0.1:${floorReady.port}`;

    console.log(`embedded: \`node ${command.slice(1).map((word) => (word.startsWith('-') ? word : path.relative(ROOT, word))).join(' ')}\` (npm start after its prestart build), DATABASE_URL unset, a fresh DATA_DIR per round`);
    console.log(`  ${REPORTS} reports at ${REPORT_CONCURRENCY} in flight; throughput at ${THROUGHPUT_CONCURRENCY} in flight, up to ${THROUGHPUT_MAX_REQUESTS} requests or ${THROUGHPUT_MAX_MS / 1000} s per target, ${ROUNDS} rounds, order rotating`);
    console.log(`  floor: Bolt + 1 INSERT into a trigger-less twin of actions on PGlite with the app's settings, node ${nodeFlags.join(' ')}`);
    console.log(`  load average at the start: ${(await readFile('/proc/loadavg', 'utf8')).trim()}`);
    await send(load, floorUrl, 'floor', 'warmup', THROUGHPUT_CONCURRENCY, FLOOR_WARMUP, 60_000);

    const rounds: Round[] = [];
    const problems: string[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const dataDir = path.join(folder, `round-${round}`, 'data');
      const sentBefore = sentTo.groundwork;
      const first = await startApp(command, dataDir, ready.apiUrl);
      const firstIdleMb = await settledRss(first.app);
      await against(first.app, () => send(load, first.app.url, 'groundwork', `${round}.first`, REPORT_CONCURRENCY, REPORTS, 300_000));
      const firstReportsMb = await settledRss(first.app);
      await stopApp(first.app);

      const again = await startApp(command, dataDir, ready.apiUrl);
      const restartIdleMb = await settledRss(again.app);
      await against(again.app, () => send(load, again.app.url, 'groundwork', `${round}.restart`, REPORT_CONCURRENCY, REPORTS, 300_000));
      const restartReportsMb = await settledRss(again.app);

      const order = round % 2 === 1 ? (['groundwork', 'floor'] as const) : (['floor', 'groundwork'] as const);
      const throughput = { groundwork: 0, floor: 0 };
      const cpuPerRequest = { groundwork: 0, floor: 0 };
      for (const who of order) {
        const url = who === 'floor' ? floorUrl : again.app.url;
        const pid = who === 'floor' ? floor.pid : (again.app.child.pid ?? 0);
        const cpuBefore = await cpuMs(pid);
        const sentBefore = sentTo[who];
        const phase = () => send(load, url, who, `${round}.throughput`, THROUGHPUT_CONCURRENCY, THROUGHPUT_MAX_REQUESTS, THROUGHPUT_MAX_MS);
        throughput[who] = (await against(again.app, phase)).reqPerSec;
        cpuPerRequest[who] = ((await cpuMs(pid)) - cpuBefore) / Math.max(1, sentTo[who] - sentBefore);
      }
      const floorStats = await floor.request<TargetStats>('stats');
      await stopApp(again.app);

      const rows = await countRows(dataDir, 'actions', 'command:');
      if (rows !== sentTo.groundwork - sentBefore) problems.push(`round ${round}: ${rows} rows for ${sentTo.groundwork - sentBefore} reports`);
      rounds.push({
        firstStart: first.figures,
        firstIdleMb,
        firstReportsMb,
        restart: again.figures,
        restartIdleMb,
        restartReportsMb,
        groundworkReqPerSec: throughput.groundwork,
        groundworkCpuMs: cpuPerRequest.groundwork,
        floorCpuMs: cpuPerRequest.floor,
        floorReqPerSec: throughput.floor,
        floorRssMb: floorStats.rss / 1024 / 1024,
      });
      console.log(`  round ${round} done; load average ${(await readFile('/proc/loadavg', 'utf8')).trim()}`);
    }

    const stopped = await floor.request<{ problems: string[]; problemCount: number }>('stop');
    floorRunning = false;
    if (stopped.problemCount > 0) problems.push(`the floor logged ${stopped.problemCount} warnings/errors, e.g. ${stopped.problems.slice(0, 3).join(' | ')}`);
    const floorRows = await countRows(floorDir, 'floor_actions', FLOOR_KEY_PREFIX);
    if (floorRows !== sentTo.floor) problems.push(`${floorRows} floor rows for ${sentTo.floor} requests`);

    printRounds(rounds);
    const m = (pick: (r: Round) => number) => median(rounds.map(pick));
    const reportsMb = Math.max(m((r) => r.firstReportsMb), m((r) => r.restartReportsMb));
    const peakMb = m((r) => Math.max(r.firstStart.peakBoundMb, r.firstStart.sampledPeakMb));
    const restartS = m((r) => r.restart.healthySeconds);
    const ratio = m((r) => r.groundworkReqPerSec / r.floorReqPerSec);
    const verdict = (pass: boolean) => (pass ? 'PASS' : 'FAIL');
    const show = (label: string, value: string, target: string, pass: boolean) => console.log(`  ${label.padEnd(58)} ${value.padStart(9)}  (target ${target})  ${verdict(pass)}`);
    console.log('');
    show('resident after 1,000 reports (worse of first start, restart)', `${reportsMb.toFixed(0)} MB`, `≤ ${TARGET_REPORTS_RSS_MB} MB`, reportsMb <= TARGET_REPORTS_RSS_MB);
    show('first-start peak of the process tree', `${peakMb.toFixed(0)} MB`, `≤ ${TARGET_FIRST_START_PEAK_MB} MB`, peakMb <= TARGET_FIRST_START_PEAK_MB);
    show('restart to healthy', `${restartS.toFixed(2)} s`, `≤ ${TARGET_RESTART_S} s`, restartS <= TARGET_RESTART_S);
    show('/log-knock throughput Groundwork / floor, embedded', `${ratio.toFixed(2)}×`, `≥ ${TARGET_FLOOR_THROUGHPUT}×`, ratio >= TARGET_FLOOR_THROUGHPUT);
    const cpuRatio = m((r) => r.floorCpuMs / r.groundworkCpuMs);
    console.log(`  ${'CPU per request, floor / Groundwork (steadier than req/s)'.padEnd(58)} ${`${cpuRatio.toFixed(2)}×`.padStart(9)}`);
    console.log(`  (medians of ${ROUNDS} rounds; first start to healthy ${m((r) => r.firstStart.healthySeconds).toFixed(2)} s; idle ${m((r) => r.restartIdleMb).toFixed(0)} MB after a restart)`);
    console.log(`  load average at the end: ${(await readFile('/proc/loadavg', 'utf8')).trim()}`);

    console.log('');
    console.log(`  checked: every report answered 200, ephemeral, "Recorded"; ${sentTo.groundwork} Groundwork rows and ${floorRows} floor rows for as many reports`);
    if (problems.length === 0) console.log('  correctness: OK');
    else for (const problem of problems) console.log(`  correctness FAILED: ${problem}`);
    return problems.length === 0;
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup().catch((error: unknown) => console.error(`cleanup: ${String(error)}`));
  }
}

function printRounds(rounds: Round[]): void {
  const columns: [string, (r: Round) => string][] = [
    ['first start s', (r) => r.firstStart.healthySeconds.toFixed(2)],
    ['peak MB (sampled/bound)', (r) => `${r.firstStart.sampledPeakMb.toFixed(0)}/${r.firstStart.peakBoundMb.toFixed(0)}`],
    ['idle MB', (r) => r.firstIdleMb.toFixed(0)],
    ['1k reports MB', (r) => r.firstReportsMb.toFixed(0)],
    ['restart s', (r) => r.restart.healthySeconds.toFixed(2)],
    ['idle MB', (r) => r.restartIdleMb.toFixed(0)],
    ['1k reports MB', (r) => r.restartReportsMb.toFixed(0)],
    ['req/s app', (r) => r.groundworkReqPerSec.toFixed(0)],
    ['req/s floor', (r) => r.floorReqPerSec.toFixed(0)],
    ['CPU ms/req app', (r) => r.groundworkCpuMs.toFixed(2)],
    ['CPU ms/req floor', (r) => r.floorCpuMs.toFixed(2)],
    ['floor RSS MB', (r) => r.floorRssMb.toFixed(0)],
  ];
  console.log('');
  console.log(`  round  ${columns.map(([header]) => header.padStart(Math.max(8, header.length))).join('  ')}`);
  rounds.forEach((round, i) => console.log(`  ${String(i + 1).padEnd(5)}  ${columns.map(([header, cell]) => cell(round).padStart(Math.max(8, header.length))).join('  ')}`));
  console.log('  first start / restart: the app then idle, then after 1,000 reports; MB = resident memory of the whole process tree');
}
