/**
 * The record call is a named prepared statement, parsed once per connection (src/db/kept-statements.ts),
 * on both databases; other statements stay unnamed, and a name is never reused for other text.
 */
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.js';
import { keepingStatements, keptStatement } from '../../src/db/kept-statements.js';
import type { LogDraft } from '../../src/logging/log-entry.js';
import { recordReport } from '../../src/logging/queries.js';
import { openTestDatabase, type TestDatabase } from '../support/test-database.js';

let t: TestDatabase;
beforeAll(async () => {
  // One connection, so the statements below all see the same session's prepared statements.
  t = await openTestDatabase({ poolSize: 1 });
});
afterAll(async () => {
  await t?.close();
});
beforeEach(async () => {
  await t.reset();
});

const draft = (doors: number): LogDraft => ({ tacticId: 'door_knocking', counts: { doors }, occurredOn: '2026-03-02', place: null, note: null, story: null, storyConsent: false });

async function prepared(): Promise<{ name: string; statement: string }[]> {
  const { rows } = await sql<{ name: string; statement: string }>`select name, statement from pg_prepared_statements order by name`.execute(t.database.db);
  return rows;
}

describe('kept statements', () => {
  it('records every report through one prepared record_report statement on the connection', async () => {
    for (let i = 0; i < 3; i += 1) {
      const outcome = await recordReport(t.database.db, draft(i + 1), { teamId: 'T1', userId: 'U1', source: 'command', idempotencyKey: `k${i}` }, { thisWeek: '2026-03-02', checkRepeats: true });
      expect(outcome.kind).toBe('recorded');
    }
    const statements = await prepared();
    expect(statements.map((s) => s.name)).toEqual(['record_report']);
    expect(statements[0]!.statement).toContain('select * from record_report(');
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from actions`.execute(t.database.db);
    expect(rows[0]!.n).toBe(3);
  });

  it('leaves unmarked statements unnamed, and refuses a kept name given other text', async () => {
    const before = (await prepared()).map((s) => s.name);
    await sql`select 1`.execute(t.database.db);
    await sql`${sql.raw(keptStatement('probe'))} select 1 as one`.execute(t.database.db);
    const added = (await prepared()).map((s) => s.name).filter((name) => !before.includes(name));
    expect(added).toEqual(['probe']);
    await expect(sql`${sql.raw(keptStatement('probe'))} select 2 as two`.execute(t.database.db)).rejects.toThrow(/Prepared statements must be unique/);
  });

  it('keeps working on the embedded database after the pool replaces its client (the session keeps its statements)', async () => {
    // The app's PGlite pool closes an idle client after 10 s and opens a new one on the same PGlite
    // session, which still holds the prepared statement the old client made.
    const pglite = await PGlite.create();
    const pool = new pg.Pool({ ...createPgConfig(pglite), max: 1, idleTimeoutMillis: 50 });
    const kept = keepingStatements(pool);
    try {
      for (let round = 0; round < 2; round += 1) {
        const client = await kept.connect();
        const { rows } = await client.query<{ one: number }>(`${keptStatement('probe')} select 1 as one`, []);
        expect(rows).toEqual([{ one: 1 }]);
        client.release();
        if (round === 0) await expect.poll(() => pool.totalCount, { timeout: 2000 }).toBe(0);
      }
    } finally {
      await pool.end();
      await pglite.close();
    }
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)('replaces a PostgreSQL connection after its lifetime, so its kept plans are made again, and keeps recording', async () => {
    const short = await openDatabase({ databaseUrl: t.url!, dataDir: '', poolSize: 1, connectionLifetimeSeconds: 1 });
    const backend = async () => (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(short.db)).rows[0]!.pid;
    const record = (key: string) => recordReport(short.db, draft(1), { teamId: 'T1', userId: 'U1', source: 'command', idempotencyKey: key }, { thisWeek: '2026-03-02', checkRepeats: false });
    try {
      const first = await backend();
      expect((await record('lifetime-1')).kind).toBe('recorded');
      await expect.poll(backend, { timeout: 5000, interval: 250 }).not.toBe(first);
      expect((await record('lifetime-2')).kind).toBe('recorded');
      const { rows } = await sql<{ name: string }>`select name from pg_prepared_statements`.execute(short.db);
      expect(rows.map((row) => row.name)).toEqual(['record_report']);
    } finally {
      await short.close();
    }
  });

  it('takes only plain lower-case names', () => {
    expect(() => keptStatement('x; drop table actions')).toThrow();
  });
});
