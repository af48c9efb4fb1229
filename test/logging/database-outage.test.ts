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
    const database = await openDatabase({ databaseUrl: proxied.toString(), dataDir: '', poolSize: 4 });
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
});
