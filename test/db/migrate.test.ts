/**
 * Several instances starting together against one PostgreSQL all run migrateToLatest at once:
 * Kysely's advisory lock must let exactly one apply each migration and the others find it done.
 */
import pg from 'pg';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { migrations } from '../../migrations/index.js';
import { databaseUrlFor, dropDatabase } from '../support/test-database-template.js';

const serverUrl = process.env.TEST_DATABASE_URL?.trim();

describe.skipIf(!serverUrl)('migrations on PostgreSQL', () => {
  it('apply once when three instances start at the same moment', async () => {
    const name = `groundwork_migrate_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database "${name}"`);
    const instances = await Promise.all(
      [1, 2, 3].map(() => openDatabase({ databaseUrl: databaseUrlFor(serverUrl ?? '', name), dataDir: '', poolSize: 2 })),
    );
    try {
      const results = await Promise.all(instances.map((instance) => migrateToLatest(instance.db)));
      const applied = results.flatMap((result) => result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
      expect(applied.sort()).toEqual(Object.keys(migrations).sort());
      const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(instances[0]!.db);
      expect(rows.map((r) => r.name)).toEqual(Object.keys(migrations).sort());
    } finally {
      await Promise.all(instances.map((instance) => instance.close()));
      await dropDatabase(admin, name);
      await admin.end();
    }
  });
});
