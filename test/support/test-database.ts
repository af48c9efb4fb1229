/**
 * Gives a test file its own copy of the migrated template: a PGlite loaded from the dump, or a
 * fresh PostgreSQL database created from the template and dropped afterwards.
 */
import { readFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'kysely';
import pg from 'pg';
import { inject } from 'vitest';
import { embeddedOptions, openDatabase, openPglite, type Database } from '../../src/db/database.js';
import { databaseUrlFor, dropDatabase } from './test-database-template.js';

export interface TestDatabase {
  database: Database;
  engine: 'pglite' | 'postgres';
  /** The connection URL on PostgreSQL (for a second app instance or a second pool). */
  url?: string;
  /** Empties every table, keeping the schema. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

export interface TestDatabaseOptions {
  poolSize?: number;
  /** How long a query may wait for a connection on PostgreSQL (see DatabaseOptions); the app's short default otherwise. */
  connectionTimeoutMs?: number;
}

export async function openTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const template = inject('testDatabase');
  if (template.kind === 'pglite') {
    const dump = await readFile(template.dumpPath);
    // With the settings the app's embedded database runs with, so the suite tests what people run.
    const pglite = await PGlite.create({ loadDataDir: new Blob([dump]), ...embeddedOptions() });
    const database = openPglite(pglite);
    return { database, engine: 'pglite', reset: () => truncateAll(database), close: () => database.close() };
  }
  const name = `groundwork_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: template.serverUrl });
  await admin.connect();
  await admin.query(`create database "${name}" template "${template.templateName}"`);
  const url = databaseUrlFor(template.serverUrl, name);
  const database = await openDatabase({ databaseUrl: url, dataDir: '', poolSize: options.poolSize ?? 10, ...(options.connectionTimeoutMs ? { connectionTimeoutMs: options.connectionTimeoutMs } : {}) });
  return {
    database,
    engine: 'postgres',
    url,
    reset: () => truncateAll(database),
    async close() {
      await database.close();
      await dropDatabase(admin, name);
      await admin.end();
    },
  };
}

async function truncateAll(database: Database): Promise<void> {
  const { rows } = await sql<{ tablename: string }>`
    select tablename from pg_tables where schemaname = 'public' and tablename not like 'kysely_%'`.execute(database.db);
  if (rows.length === 0) return;
  const tables = rows.map((r) => `"${r.tablename}"`).join(', ');
  await sql.raw(`truncate ${tables} restart identity cascade`).execute(database.db);
}
