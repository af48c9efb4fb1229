/**
 * The one Kysely instance, on PostgreSQL (DATABASE_URL) or on embedded PGlite (a data folder).
 * Both speak through node-postgres, so every query and migration is the same SQL on both.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm, rmdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { within } from '../lib/deadline.js';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock.js';
import { keepingStatements } from './kept-statements.js';
import type { DB } from './schema.js';

// A `date` is a calendar day, not an instant: keep it as "YYYY-MM-DD" rather than a Date at local midnight.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);
// Ids, counts and sums are int8; every one we keep fits comfortably in a JS number.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

/**
 * PostgreSQL settings the embedded database runs with, on top of PGlite's own start parameters. PGlite
 * starts with a server's defaults; one small group's database needs far less (figures in the README,
 * "The embedded database's footprint"):
 * - shared_buffers: PGlite's 128 MB page cache lives inside the process; 16 MB cut a bare PGlite from
 *   about 295 to 170 MB resident here, and a group's working set (this week's rows, the summaries) fits.
 */
export const EMBEDDED_SETTINGS: Readonly<Record<string, string>> = { shared_buffers: '16MB' };

/**
 * initdb options for a new data folder: 1 MB write-ahead-log segments instead of 16 MB, which cut
 * creating the database from about 770 to 660 MB at its peak here and leaves a smaller folder.
 * Fixed when the folder is created; an older folder keeps its 16 MB segments and works as before.
 */
export const EMBEDDED_INITDB_ARGS: readonly string[] = ['--wal-segsize=1'];

/** PGlite options that start an embedded database with EMBEDDED_SETTINGS (and create one with EMBEDDED_INITDB_ARGS). */
export function embeddedOptions(): PGliteOptions {
  const settings = Object.entries(EMBEDDED_SETTINGS).flatMap(([name, value]) => ['-c', `${name}=${value}`]);
  // startParams replaces PGlite's own list, so keep it and add ours after it (a later -c wins).
  return { startParams: [...PGlite.defaultStartParams, ...settings], initDbStartParams: [...EMBEDDED_INITDB_ARGS] };
}

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
  /** Seconds after which a server connection is closed and replaced once idle (default: an hour). */
  connectionLifetimeSeconds?: number;
  onPoolError?: (error: Error) => void;
}

/**
 * A connection keeps the plans of the functions it called (record_report, signup_take_seat) and of its
 * kept statements for as long as it lives. PostgreSQL makes them again when a table is analyzed, but a
 * server with autovacuum off may never analyze again, and a plan made while a table looked empty (analyzed
 * with no rows) reads the whole table once it has grown. Replacing connections after an hour bounds how
 * long any plan made on stale figures can last.
 */
const CONNECTION_LIFETIME_SECONDS = 3600;

/** Opens the database the settings name. Migrations are separate (see migrate.ts). */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize,
      // Fail fast so a command can still answer "try again" inside Slack's 3 seconds.
      connectionTimeoutMillis: options.connectionTimeoutMs ?? 1500,
      idleTimeoutMillis: 30_000,
      maxLifetimeSeconds: options.connectionLifetimeSeconds ?? CONNECTION_LIFETIME_SECONDS,
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
    const pgdata = path.join(dataDir, 'pgdata');
    if (!existsSync(path.join(pgdata, 'PG_VERSION'))) await createEmbeddedDatabase(pgdata);
    const pglite = await PGlite.create(pgdata, embeddedOptions());
    return openPglite(pglite, lock);
  } catch (error) {
    await lock.release();
    throw error;
  }
}

/**
 * Creates a new embedded database folder in a process of its own. Creating one runs initdb beside two
 * PostgreSQL instances at once (about 600 MB at the peak); in a process that then exits all of it goes
 * back to the system, where in this process most of it stayed resident for good (about 650 MB instead of
 * 170 MB after creating, here). The child builds a sibling folder and it is renamed into place only when
 * complete, so a start killed halfway leaves nothing that looks like a database; a leftover is removed
 * (the data-folder lock is held, so no other process is creating it).
 */
async function createEmbeddedDatabase(pgdata: string): Promise<void> {
  const leftOver = await readdir(pgdata).catch(() => []);
  if (leftOver.length > 0) throw new Error(`${pgdata} holds files but no database (no PG_VERSION): move it away and start again.`);
  const building = `${pgdata}.creating`;
  await rm(building, { recursive: true, force: true });
  // Plain JavaScript through PGlite's CommonJS build: the child needs no TypeScript loader, whatever runs us.
  const library = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  const script = `const [library, dataDir, options] = JSON.parse(process.argv[1]);
require(library).PGlite.create(dataDir, options).then((pglite) => pglite.close());`;
  // Baseline JIT only for PGlite's WebAssembly (no optimising tier) and a 1 MB young generation: about
  // 600 MB at the peak instead of 660–690 here, and no slower for this one short run.
  const flags = ['--liftoff-only', '--max-semi-space-size=1'];
  const child = spawn(process.execPath, [...flags, '-e', script, JSON.stringify([library, building, embeddedOptions()])], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += String(chunk)));
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => resolve(code));
  });
  if (exitCode !== 0) {
    await rm(building, { recursive: true, force: true });
    throw new Error(`could not create the embedded database in ${pgdata}: ${stderr.trim().split('\n').slice(-3).join(' ') || `exit code ${exitCode}`}`);
  }
  await rmdir(pgdata).catch(() => {}); // an empty folder someone made for it; one with files was refused above
  await rename(building, pgdata);
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
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: keepingStatements(pool) }) });
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
