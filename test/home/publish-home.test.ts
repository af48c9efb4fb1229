import { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { rememberHomeOpened } from '../../src/home/queries.js';
import { refreshHome } from '../../src/home/publish-home.js';
import { FAKE_TEAM_ID, startFakeSlack, type FakeSlack } from '../support/fake-slack.js';
import { capturingLogger } from '../support/harness.js';
import { openTestDatabase, type TestDatabase } from '../support/test-database.js';

let db: TestDatabase;
let slack: FakeSlack;
let client: WebClient;
const logs: string[] = [];

beforeAll(async () => {
  [db, slack] = await Promise.all([openTestDatabase(), startFakeSlack()]);
  client = new WebClient('xoxb-test-token', { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } });
});
afterAll(async () => {
  await slack?.close();
  await db?.close();
});
beforeEach(async () => {
  await db.reset();
  slack.reset();
  logs.length = 0;
});

const refresh = (userId: string) => refreshHome({ client, db: db.database.db, logger: capturingLogger(logs), teamId: FAKE_TEAM_ID, userId, timeZone: 'UTC' });

describe('refreshHome', () => {
  it('folds refreshes asked for while one is running into a single further publish', async () => {
    await rememberHomeOpened(db.database.db, FAKE_TEAM_ID, 'U0A');
    await rememberHomeOpened(db.database.db, FAKE_TEAM_ID, 'U0B');
    await Promise.all([refresh('U0A'), refresh('U0A'), refresh('U0A'), refresh('U0A'), refresh('U0B')]);
    expect(slack.callsTo('views.publish').map((c) => c.args.user_id).sort()).toEqual(['U0A', 'U0A', 'U0B']);
    expect(slack.callsTo('views.publish')).toHaveLength(3);
    // Once settled, the next change publishes again.
    await refresh('U0A');
    expect(slack.callsTo('views.publish')).toHaveLength(4);
  });

  it('publishes nothing for someone who never opened the Home tab', async () => {
    await refresh('U0NEVER');
    expect(slack.callsTo('views.publish')).toHaveLength(0);
  });

  it('logs a failure instead of throwing it', async () => {
    await rememberHomeOpened(db.database.db, FAKE_TEAM_ID, 'U0A');
    slack.on('views.publish', () => ({ ok: false, error: 'internal_error' }));
    await expect(refresh('U0A')).resolves.toBeUndefined();
    expect(logs.join('\n')).toContain('Could not refresh the home tab of U0A');
  });
});
