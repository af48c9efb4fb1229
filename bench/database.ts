/**
 * A throwaway PostgreSQL database per benchmark run: created fresh on the server named by
 * BENCH_DATABASE_URL (default: local postgres), migrated, and dropped afterwards — also when the
 * run fails or is interrupted with Ctrl-C.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';

const DEFAULT_SERVER_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/** A problem with the environment rather than with the code: printed without a stack trace. */
export class BenchSetupError extends Error {
  override name = 'BenchSetupError';
}

export interface BenchDatabase {
  database: Database;
  name: string;
  url: string;
  /** Where it runs, with any password removed, for the report. */
  description: string;
  /** Closes the pool and drops the database. Safe to call more than once. */
  drop(): Promise<void>;
}

export async function createBenchDatabase(options: { poolSize: number }): Promise<BenchDatabase> {
  const serverUrl = process.env.BENCH_DATABASE_URL?.trim() || DEFAULT_SERVER_URL;
  const shownServer = withoutPassword(serverUrl);
  const admin = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch (error) {
    await admin.end().catch(() => {});
    throw new BenchSetupError(
      `PostgreSQL is not reachable at ${shownServer} (${(error as Error).message}).\n` +
        'Start PostgreSQL, or set BENCH_DATABASE_URL to a server where this user may create databases.',
    );
  }

  const name = `groundwork_bench_${randomBytes(6).toString('hex')}`;
  const { rows } = await admin.query<{ server_version: string }>('show server_version');
  await admin.query(`create database "${name}"`);
  const url = databaseUrlFor(serverUrl, name);

  let dropping: Promise<void> | undefined;
  let database: Database | undefined;
  const drop = () => {
    dropping ??= (async () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      await database?.close().catch(() => {});
      // `with (force)` ends any connection still open, so a stuck pool cannot leave the database behind.
      await admin.query(`drop database if exists "${name}" with (force)`);
      await admin.end();
    })();
    return dropping;
  };
  // Without this, Ctrl-C would skip every `finally` and leave groundwork_bench_* databases around.
  const onSignal = (signal: NodeJS.Signals) => {
    console.error(`\n${signal}: dropping ${name} before exiting`);
    drop().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    database = await openDatabase({ databaseUrl: url, dataDir: '', poolSize: options.poolSize });
    await migrateToLatest(database.db);
  } catch (error) {
    await drop().catch(() => {});
    throw error;
  }
  return {
    database,
    name,
    url,
    description: `PostgreSQL ${rows[0]?.server_version ?? '?'} at ${withoutPassword(url)}`,
    drop,
  };
}

function databaseUrlFor(serverUrl: string, databaseName: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${databaseName}`;
  return url.toString();
}

function withoutPassword(connectionUrl: string): string {
  try {
    const url = new URL(connectionUrl);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return '(unparseable URL)';
  }
}
