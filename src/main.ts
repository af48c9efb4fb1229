/**
 * Start-up: settings, database, migrations, the Slack app, scheduled jobs; and a clean shutdown on
 * SIGINT/SIGTERM (stop the jobs, stop taking requests, finish those in flight, then close the database).
 */
import dotenv from 'dotenv';
import { ConfigError, connectionMode, loadConfig, type Config } from './config.js';
import { DataDirBusyError } from './db/data-dir-lock.js';
import { openDatabase, type Database } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { jobs } from './jobs/index.js';
import { jobWebClient } from './jobs/job-client.js';
import { startScheduler } from './jobs/scheduler.js';
import { startSlackApp } from './slack/app.js';
import { keepServingOnUnexpectedErrors } from './slack/unexpected-errors.js';

// .env fills in what the environment leaves unset; quiet, so start-up prints only our own lines.
dotenv.config({ quiet: true });

const MIGRATION_RETRY_MS = 5000;

async function main(): Promise<void> {
  const config = loadConfig();
  keepServingOnUnexpectedErrors((line) => console.error(line));
  const database = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    poolSize: config.DATABASE_POOL_SIZE,
    onPoolError: (error) => console.warn(`[groundwork] database connection lost: ${error.message}`),
  });
  await migrateWhenReachable(database);
  const slack = await startSlackApp(config, database);
  const jobClient = jobWebClient({ token: config.SLACK_BOT_TOKEN, slackApiUrl: config.SLACK_API_URL });
  const scheduler = startScheduler(jobs, { db: database.db, client: jobClient, logger: slack.app.logger });
  console.log(`[groundwork] running: ${describe(config, database)}; health at http://localhost:${slack.port}/healthz`);

  let shuttingDown = false;
  const shutDown = async (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    console.log(`[groundwork] ${signal}: finishing requests in flight, then closing the database`);
    try {
      await scheduler.stop();
      await slack.stop();
    } finally {
      await database.close();
    }
    process.exit(0);
  };
  process.on('SIGINT', () => void shutDown('SIGINT'));
  process.on('SIGTERM', () => void shutDown('SIGTERM'));
}

/** A database that is still starting (or briefly away) delays start-up instead of failing it. */
async function migrateWhenReachable(database: Database): Promise<void> {
  for (;;) {
    try {
      const { results } = await migrateToLatest(database.db);
      const applied = results?.filter((r) => r.status === 'Success').map((r) => r.migrationName) ?? [];
      if (applied.length > 0) console.log(`[groundwork] applied migrations: ${applied.join(', ')}`);
      return;
    } catch (error) {
      if (database.engine === 'pglite' || (await database.isHealthy())) throw error;
      console.warn(`[groundwork] database not reachable yet; retrying in ${MIGRATION_RETRY_MS / 1000} s`);
      await new Promise((resolve) => setTimeout(resolve, MIGRATION_RETRY_MS));
    }
  }
}

function describe(config: Config, database: Database): string {
  const slack = connectionMode(config) === 'socket' ? 'Socket Mode' : `HTTP on port ${config.PORT} (/slack/events)`;
  const db = database.engine === 'pglite' ? `embedded database in ${config.DATA_DIR}` : 'PostgreSQL';
  return `${slack}, ${db}`;
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DataDirBusyError) console.error(error.message);
  else console.error(`[groundwork] could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
