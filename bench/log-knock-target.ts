/**
 * One /log-knock target of the log-knock benchmark, in a process of its own (see ipc.ts). Which one
 * comes from BENCH_TARGET:
 *  - bare: a Bolt app whose listener only acks (what any Slack app costs);
 *  - floor: the same Bolt app, but its listener first commits the report's row with one INSERT through a
 *    plain pg.Pool of Groundwork's size, then acks "Recorded" (what any app that records before answering
 *    costs: the baseline the targets are set against);
 *  - groundwork: the real app, built by the same startSlackApp that main.ts runs.
 * The database is the PostgreSQL one at BENCH_DATABASE, or, for the floor, the embedded one in the folder
 * BENCH_DATA_DIR (started with the app's settings, one connection, as the embedded benchmark needs).
 * PostgreSQL connections carry application_name `bench-<kind>`, so the benchmark can read what the
 * server spends on them (backend-cpu.ts).
 * Answers: 'stats' → CPU time, event-loop busy time, RSS and statements sent so far; 'stop' → drains and exits.
 */
import type { Server } from 'node:http';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { App, HTTPReceiver, LogLevel, type Middleware, type SlackCommandMiddlewareArgs } from '@slack/bolt';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { sql } from 'kysely';
import pg from 'pg';
import { loadConfig } from '../src/config.js';
import { embeddedOptions, openDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { todayIn } from '../src/domain/dates.js';
import { startSlackApp } from '../src/slack/app.js';
import { SIGNING_SECRET } from '../test/support/slack-request.js';
import { serveParent } from './ipc.js';
import { quietLogger } from './load.js';
import { applicationName, COMMAND, FLOOR_KEY_PREFIX, type TargetStats } from './log-knock.js';
import { installQueryCounter } from './query-counter.js';

/** The row Groundwork writes for the benchmark's text, so the floor inserts the same one. */
const FLOOR_ROW = {
  tacticId: 'door_knocking',
  goal: 'recruit',
  channel: 'offline',
  counts: JSON.stringify({ doors: 40, conversations: 12, signups: 5 }),
  source: 'command',
};
/** What the fake users.info gives everyone, so the floor's rows fall on the same day as Groundwork's. */
const FLOOR_TIME_ZONE = 'America/Chicago';
// floor_actions is actions' twin (same columns, indexes and constraints) without its summaries trigger:
// the least a report costs. place, note and story stay null; story_consent and created_at take their defaults.
const FLOOR_INSERT = `insert into floor_actions (team_id, user_id, tactic_id, goal, channel, counts, occurred_on, source, idempotency_key)
  values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`;

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
  return { port: typeof address === 'object' && address !== null ? address.port : Number(address), logger, stop: () => app.stop() };
}

/**
 * The floor's pool on the embedded database in `dataDir`: created and migrated the app's way, with
 * floor_actions beside actions, then reopened as a plain pool of one over PGlite with the app's settings.
 */
async function embeddedFloorPool(dataDir: string): Promise<pg.Pool> {
  const setup = await openDatabase({ dataDir, poolSize: 1 });
  try {
    await migrateToLatest(setup.db);
    await sql`create table if not exists floor_actions (like actions including all)`.execute(setup.db);
  } finally {
    await setup.close();
  }
  // The benchmark's own folder: no other process opens it, so the data-folder lock is not taken again.
  const pglite = await PGlite.create(path.join(dataDir, 'pgdata'), embeddedOptions());
  const pool = new pg.Pool({ ...createPgConfig(pglite), max: 1 });
  const end = pool.end.bind(pool);
  return Object.assign(pool, { end: async () => (await end(), await pglite.close()) });
}

async function start(kind: string, slackApiUrl: string, databaseUrl: string, dataDir: string) {
  const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-bench-token', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: slackApiUrl, PORT: '0', LOG_LEVEL: 'warn' });
  if (kind === 'bare') return startBolt(slackApiUrl, async ({ ack }) => ack());
  if (kind === 'floor') {
    const pool = dataDir ? await embeddedFloorPool(dataDir) : new pg.Pool({ connectionString: databaseUrl, max: config.DATABASE_POOL_SIZE, application_name: applicationName(kind) });
    const bolt = await startBolt(slackApiUrl, async ({ command, ack }) => {
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
    return { ...bolt, stop: async () => (await bolt.stop(), await pool.end()) };
  }
  if (kind === 'groundwork') {
    const url = new URL(databaseUrl);
    url.searchParams.set('application_name', applicationName(kind));
    const database = await openDatabase({ databaseUrl: url.toString(), dataDir: '', poolSize: config.DATABASE_POOL_SIZE });
    const logger = quietLogger();
    const app = await startSlackApp(config, database, { logger, clientOptions: { retryConfig: { retries: 0 } } });
    // Stopping drains the work listeners do after their ack, so every row is committed when it returns.
    return { port: app.port, logger, stop: async () => (await app.stop(), await database.close()) };
  }
  throw new Error(`unknown BENCH_TARGET ${kind}`);
}

const statements = installQueryCounter();
const target = await start(process.env.BENCH_TARGET ?? '', process.env.SLACK_API_URL ?? '', process.env.BENCH_DATABASE ?? '', process.env.BENCH_DATA_DIR ?? '');
serveParent({ port: target.port }, async (message: unknown) => {
  if (message === 'stats') {
    const cpu = process.cpuUsage();
    return {
      cpuMs: (cpu.user + cpu.system) / 1000,
      busyMs: performance.eventLoopUtilization().active,
      rss: process.memoryUsage.rss(),
      statements: statements(),
    } satisfies TargetStats;
  }
  if (message === 'stop') {
    await target.stop();
    setImmediate(() => process.exit(0));
    return { problems: target.logger.problems, problemCount: target.logger.problemCount() };
  }
  throw new Error(`unknown request ${String(message)}`);
});
