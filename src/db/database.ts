/**
 * The one Kysely instance, on PostgreSQL (DATABASE_URL) or on embedded PGlite (a data folder).
 * Both speak through node-postgres, so every query and migration is the same SQL on both.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { within } from '../lib/deadline.js';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock.js';
import type { DB } from './schema.js';

// A `date` is a calendar day, not an instant: keep it as "YYYY-MM-DD" rather than a Date at local midnight.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);
// Ids, counts and sums are int8; every one we keep fits comfortably in a JS number.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

/** How long /healthz waits for `select 1` before calling the database down. */
const HEALTH_CHECK_MS = 1000;

export interface Database {
  db: Kysely<DB>;
  engine: 'postgres' | 'pglite';
  /** True when the database answers a trivial query within a second. */
  isHealthy(): Promise<boolean>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** A PostgreSQL URL; when absent the embedded PGlite database under `dataDir` is used. */
  databaseUrl?: string | undefined;
  dataDir: string;
  poolSize: number;
  /**
   * How long a query waits for a connection (a new one, or a busy pool's next free one) before failing.
   * The app keeps the default, short enough to still answer "try again" inside Slack's 3 seconds.
   */
  connectionTimeoutMs?: number;
  onPoolError?: (error: Error) => void;
}

/** Opens the database the settings name. Migrations are separate (see migrate.ts). */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize,
      // Fail fast so a command can still answer "try again" inside Slack's 3 seconds.
      connectionTimeoutMillis: options.connectionTimeoutMs ?? 1500,
      idleTimeoutMillis: 30_000,
      statement_timeout: 10_000,
    });
    // A client losing its server (a restart, a failover, a network cut) must not take the process
    // down: pg emits 'error' on the client itself, and a checked-out client has no pool listener.
    const report = (error: Error) => options.onPoolError?.(error);
    pool.on('error', report);
    pool.on('connect', (client) => client.on('error', report));
    return fromPool(pool, 'postgres', async () => {});
  }
  const dataDir = path.resolve(options.dataDir);
  await mkdir(dataDir, { recursive: true });
  const lock = await acquireDataDirLock(dataDir);
  try {
    const pglite = await PGlite.create(path.join(dataDir, 'pgdata'));
    return openPglite(pglite, lock);
  } catch (error) {
    await lock.release();
    throw error;
  }
}

/** Wraps an already open PGlite (tests hand in a clone of a migrated template). */
export function openPglite(pglite: PGlite, lock?: DataDirLock): Database {
  // PGlite is a single connection: a pool of one serialises queries instead of interleaving them.
  const pool = new pg.Pool({ ...createPgConfig(pglite), max: 1 });
  return fromPool(pool, 'pglite', async () => {
    await pglite.close();
    await lock?.release();
  });
}

function fromPool(pool: pg.Pool, engine: Database['engine'], closeAll: () => Promise<void>): Database {
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  let closed: Promise<void> | undefined;
  return {
    db,
    engine,
    async isHealthy() {
      try {
        return await within(sql`select 1`.execute(db).then(() => true), HEALTH_CHECK_MS, false);
      } catch {
        return false;
      }
    },
    close() {
      // Kysely's destroy ends the pool; closeAll then releases what the engine holds.
      closed ??= db.destroy().then(closeAll, closeAll);
      return closed;
    },
  };
}
