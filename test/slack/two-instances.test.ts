/**
 * Two Groundwork instances behind a load balancer share one PostgreSQL. Slack retries and double
 * submits can reach both at once: the unique key in the database, not any instance's memory,
 * makes each report land exactly once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { commandBody } from '../support/slack-request.js';
import { openTestDatabase, type TestDatabase } from '../support/test-database.js';

const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

describe.skipIf(!onPostgres)('two instances on one PostgreSQL', () => {
  let shared: TestDatabase;
  let first: TestApp;
  let second: TestApp;

  beforeAll(async () => {
    shared = await openTestDatabase();
    const secondPool = await openDatabase({ databaseUrl: shared.url, dataDir: '', poolSize: 10 });
    first = await startTestApp({ db: shared });
    second = await startTestApp({ db: { ...shared, database: secondPool, close: () => secondPool.close() } });
  });
  afterAll(async () => {
    await first?.stop();
    await second?.stop();
    await second?.db.close();
    await shared?.close();
  });

  const rows = () => shared.database.db.selectFrom('actions').select(['idempotency_key', 'counts']).execute();

  it('records a command delivered to both at once exactly once, and tells every delivery so', async () => {
    const body = commandBody('/log-knock', '25 doors 6 talked', { triggerId: 'trigger.both', userId: 'U0TWICE', responseUrl: first.slack.responseUrl() });
    const replies = await Promise.all(Array.from({ length: 8 }, (_, i) => (i % 2 === 0 ? first : second).post(body)));
    const texts = replies.map((reply) => String(reply.json?.text));
    expect(texts.filter((text) => text.startsWith(':white_check_mark: Recorded'))).toHaveLength(1);
    expect(texts.filter((text) => text.startsWith(':white_check_mark: Already recorded'))).toHaveLength(7);
    expect(await rows()).toEqual([{ idempotency_key: 'command:trigger.both', counts: { doors: 25, conversations: 6 } }]);
  });

  it('keeps every distinct report from both, with week totals that add up', async () => {
    await shared.reset();
    // Distinct counts: the same report again minutes later would be held back as a likely repeat.
    const replies = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? first : second).command('/log-knock', `${i + 1} doors`, { userId: 'U0BUSY', triggerId: `trigger.busy.${i}` })),
    );
    for (const reply of replies) expect(String(reply.json?.text)).toContain(':white_check_mark: Recorded');
    expect(await rows()).toHaveLength(20);
    const last = await first.command('/log-knock', '100 doors', { userId: 'U0BUSY' });
    expect(JSON.stringify(last.json?.blocks)).toContain('Offline: 21 actions (310 doors knocked)');
  });
});
