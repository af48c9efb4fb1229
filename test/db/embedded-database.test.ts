/**
 * The embedded database as `npm start` opens it (DATABASE_URL unset): a new folder is created in a child
 * process with 1 MB WAL segments, and PostgreSQL runs with the settings database.ts names. Runs the
 * same with or without TEST_DATABASE_URL: it is about the embedded database only.
 */
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMBEDDED_SETTINGS, openDatabase, type Database } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';

async function show(database: Database, setting: string): Promise<string> {
  const { rows } = await sql<Record<string, string>>`show ${sql.raw(setting)}`.execute(database.db);
  return Object.values(rows[0] ?? {})[0] ?? '';
}

describe('the embedded database', () => {
  let folder: string;

  beforeAll(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), 'groundwork-embedded-'));
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('is created in a new folder with 1 MB WAL segments and runs with the settings database.ts names, also after a reopen', async () => {
    const dataDir = path.join(folder, 'data');
    // A folder a killed first start left half-built is cleared, not mistaken for a database.
    await mkdir(path.join(dataDir, 'pgdata.creating'), { recursive: true });
    await writeFile(path.join(dataDir, 'pgdata.creating', 'PG_VERSION'), '17\n');

    const created = await openDatabase({ dataDir, poolSize: 1 });
    try {
      expect(await show(created, 'shared_buffers')).toBe('16MB');
      expect(await show(created, 'wal_segment_size')).toBe('1MB');
      await migrateToLatest(created.db);
    } finally {
      await created.close();
    }
    expect((await readdir(dataDir)).filter((name) => name.startsWith('pgdata'))).toEqual(['pgdata']);

    const reopened = await openDatabase({ dataDir, poolSize: 1 });
    try {
      for (const [setting, value] of Object.entries(EMBEDDED_SETTINGS)) expect(await show(reopened, setting)).toBe(value);
      // PGlite's own start parameters are kept beside ours (the list replaces PGlite's defaults).
      expect(await show(reopened, 'search_path')).toBe('public');
      expect(await show(reopened, 'max_worker_processes')).toBe('0');
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from kysely_migration`.execute(reopened.db);
      expect(rows[0]?.n).toBeGreaterThan(0);
    } finally {
      await reopened.close();
    }
  }, 120_000);

  it('refuses a pgdata folder that holds files but no database, saying what to do, and leaves the files alone', async () => {
    const dataDir = path.join(folder, 'not-a-database');
    await mkdir(path.join(dataDir, 'pgdata'), { recursive: true });
    await writeFile(path.join(dataDir, 'pgdata', 'notes.txt'), 'mine');

    await expect(openDatabase({ dataDir, poolSize: 1 })).rejects.toThrow(/pgdata holds files but no database \(no PG_VERSION\): move it away/);
    expect(await readdir(path.join(dataDir, 'pgdata'))).toEqual(['notes.txt']);
    expect(await readdir(dataDir)).toEqual(['pgdata']);
  }, 120_000);
});
