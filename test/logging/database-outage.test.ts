import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.js';
import { openTestDatabase, type TestDatabase } from '../support/test-database.js';

// An outage means a server that goes away and comes back: only a real PostgreSQL can play it.
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

describe.skipIf(!onPostgres)('when PostgreSQL cannot be reached', () => {
  let owner: TestDatabase;
  let proxy: TcpProxy;
  let t: TestApp;

  beforeAll(async () => {
    owner = await openTestDatabase();
    const direct = new URL(owner.url ?? '');
    proxy = await startTcpProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
    const proxied = new URL(direct);
    proxied.port = String(proxy.port);
    // One connection, so after a cut the first failed query has retired the only (dead) pooled connection.
    const database = await openDatabase({ databaseUrl: proxied.toString(), dataDir: '', poolSize: 1 });
    t = await startTestApp({ db: { ...owner, database, close: () => database.close() } });
  });
  afterAll(async () => {
    await t?.stop();
    await t?.db.close();
    await proxy?.close();
    await owner?.close();
  });

  const health = () => fetch(`${t.baseUrl}/healthz`).then(async (r) => ({ status: r.status, body: await r.json() }));
  const rowsStored = async () => (await owner.database.db.selectFrom('actions').select('id').execute()).length;

  it('answers "nothing was recorded", turns /healthz 503, stays up, and recovers by itself', async () => {
    expect((await t.command('/log-knock', '10 doors')).json?.text).toContain('Recorded');
    expect(await health()).toMatchObject({ status: 200, body: { status: 'ok', database: 'up' } });

    await proxy.cut();
    // The pooled connection died with the cut; once the health check has met that, no statement can reach
    // the server, and the app must say so. (A statement already in flight is the next test's business.)
    expect(await health()).toMatchObject({ status: 503, body: { database: 'down' } });
    const started = Date.now();
    const during = await t.command('/log-knock', '20 doors');
    expect(Date.now() - started).toBeLessThan(3000);
    expect(during.status).toBe(200);
    expect(during.json?.response_type).toBe('ephemeral');
    expect(during.json?.text).toContain('nothing was recorded');
    expect(during.json?.text).toContain('try again in a minute');
    expect(await health()).toMatchObject({ status: 503, body: { database: 'down' } });

    await proxy.restore();
    const after = await t.command('/log-knock', '30 doors');
    expect(after.json?.text).toContain('Recorded');
    expect(await health()).toMatchObject({ status: 200 });
    expect(await rowsStored()).toBe(2);
    expect(t.logs.join('\n')).not.toMatch(/\n\s+at /);
  });

  it('never answers "nothing was recorded" for a stored report, under load through repeated cuts; a retry after an unclear answer is safe', async () => {
    const requests = Array.from({ length: 160 }, (_, i) => ({ userId: `U0LOAD${i % 8}`, text: `${i + 1} doors`, triggerId: `burst.${i}` }));
    const answers = new Map<string, string>();
    let next = 0;
    const sender = async () => {
      for (let request = requests[next++]; request; request = requests[next++]) {
        const reply = await t.command('/log-knock', request.text, { userId: request.userId, triggerId: request.triggerId });
        answers.set(request.triggerId, String(reply.json?.text ?? `status ${reply.status}`));
      }
    };
    const cutter = async () => {
      for (let cut = 0; cut < 6 && next < requests.length; cut++) {
        await new Promise((resolve) => setTimeout(resolve, 40));
        await proxy.cut();
        await new Promise((resolve) => setTimeout(resolve, 30));
        await proxy.restore();
      }
    };
    await Promise.all([sender(), sender(), sender(), sender(), sender(), sender(), cutter()]);
    await proxy.restore().catch(() => {});

    const stored = new Set(
      (await owner.database.db.selectFrom('actions').select('idempotency_key').where('user_id', 'like', 'U0LOAD%').execute()).map((r) => r.idempotency_key),
    );
    const kinds = { recorded: 0, notRecorded: 0, unknown: 0 };
    const unclear: typeof requests = [];
    for (const request of requests) {
      const answer = answers.get(request.triggerId) ?? '';
      const wasStored = stored.has(`command:${request.triggerId}`);
      if (answer.includes(':white_check_mark: Recorded')) {
        kinds.recorded += 1;
        expect(wasStored, `${request.text}: answered "Recorded"`).toBe(true);
      } else if (answer.includes('nothing was recorded')) {
        kinds.notRecorded += 1;
        expect(wasStored, `${request.text}: answered "nothing was recorded"`).toBe(false);
      } else {
        expect(answer, request.text).toContain('cannot tell whether it was');
        kinds.unknown += 1;
        unclear.push(request);
      }
    }
    expect(kinds.recorded).toBeGreaterThan(0);
    expect(kinds.notRecorded + kinds.unknown, 'the cuts failed no request at all').toBeGreaterThan(0);

    // Whoever got an unclear answer sends the same report again (a new trigger): stored once either way.
    for (const request of unclear) {
      const retry = await t.command('/log-knock', request.text, { userId: request.userId });
      const wasStored = stored.has(`command:${request.triggerId}`);
      expect(retry.json?.text).toContain(wasStored ? 'You logged exactly this' : 'Recorded');
    }
    const { rows } = await sql<{ text: string; copies: number }>`
      select counts ->> 'doors' as text, count(*)::int as copies from actions where user_id like 'U0LOAD%' group by 1 having count(*) > 1`.execute(owner.database.db);
    expect(rows).toEqual([]);
  });
});
