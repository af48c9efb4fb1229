/**
 * Two publishes of one person's Home tab race (two instances behind a load balancer; an opened tab
 * and a report at once): the one built from older data reaches Slack last. The fake Slack answers
 * views.publish as Slack does, with a new hash each time and `hash_conflict` for a stale one, and
 * can hold a call in flight. Whatever the order, the home left on top counts every action.
 */
import { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { todayIn } from '../../src/domain/dates.js';
import { TACTICS } from '../../src/domain/tactics.js';
import { publishHome } from '../../src/home/publish-home.js';
import { FAKE_TEAM_ID, startFakeSlack, type FakeSlack } from '../support/fake-slack.js';
import { openTestDatabase, type TestDatabase } from '../support/test-database.js';

let db: TestDatabase;
let slack: FakeSlack;
let client: WebClient;

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
});

let seq = 0;
async function knocked(userId: string, doors: number): Promise<void> {
  const tactic = TACTICS.door_knocking;
  await db.database.db
    .insertInto('actions')
    .values({
      team_id: FAKE_TEAM_ID,
      user_id: userId,
      tactic_id: tactic.id,
      goal: tactic.goal,
      channel: tactic.channel,
      counts: JSON.stringify({ doors }),
      occurred_on: todayIn('UTC'),
      place: null,
      note: null,
      story: null,
      story_consent: false,
      source: 'command',
      idempotency_key: `race:${++seq}`,
    })
    .execute();
}

const publish = (userId: string) => publishHome({ client, db: db.database.db, teamId: FAKE_TEAM_ID, userId, timeZone: 'UTC' });
const shown = (userId: string) => JSON.stringify(slack.homeOf(userId)?.view ?? null);
const published = () => slack.callsTo('views.publish').map((call) => ({ hash: call.args.hash, doors: /(\d+) doors knocked/.exec(String(call.args.view))?.[1] }));

describe('racing Home tab publishes', () => {
  it('a publish that knew no hash and arrived last with older data is followed by the newest', async () => {
    await knocked('U0RACE', 10);
    const held = slack.hold('views.publish');
    const older = publish('U0RACE');
    await held.arrived; // built with 10 doors, still on its way to Slack
    await knocked('U0RACE', 5);
    await publish('U0RACE'); // built with 15 doors, lands first
    expect(shown('U0RACE')).toContain('15 doors knocked');
    held.release(); // the 10-door view lands on top...
    await older;
    // ...and the publish that sent it read the database again and put the newest back.
    expect(shown('U0RACE')).toContain('15 doors knocked');
    expect(published()).toEqual([
      { hash: undefined, doors: '10' },
      { hash: undefined, doors: '15' },
      { hash: expect.any(String), doors: '15' },
    ]);
  });

  it('a publish guarded by a hash that another publish made stale is refused by Slack, rebuilt and sent again', async () => {
    await publish('U0RACE2'); // the home as it was, hash remembered
    await knocked('U0RACE2', 10);
    const held = slack.hold('views.publish');
    const older = publish('U0RACE2');
    await held.arrived; // 10 doors, guarded by the first hash
    await knocked('U0RACE2', 5);
    await publish('U0RACE2'); // 15 doors, guarded by the same hash, lands first
    held.release(); // Slack refuses the 10-door view: hash_conflict
    await older;
    expect(shown('U0RACE2')).toContain('15 doors knocked');
    const [first, stale, newest, rebuilt] = published();
    expect(first?.hash).toBeUndefined();
    expect(stale).toEqual({ hash: expect.any(String), doors: '10' });
    expect(newest).toEqual({ hash: stale?.hash, doors: '15' });
    expect(rebuilt).toEqual({ hash: undefined, doors: '15' });
    expect(published()).toHaveLength(4);
  });

  it('a publish guarded by the hash of the last one goes through once, with no second look', async () => {
    await publish('U0CALM');
    await knocked('U0CALM', 3);
    await publish('U0CALM');
    const [first, second] = published();
    expect(first?.hash).toBeUndefined();
    expect(second).toEqual({ hash: expect.any(String), doors: '3' });
    expect(published()).toHaveLength(2);
    expect(shown('U0CALM')).toContain('3 doors knocked');
  });

  it('gives up after a bounded number of conflicts, leaving the home to the publish that keeps winning', async () => {
    slack.on('views.publish', () => ({ ok: false, error: 'hash_conflict' }));
    await expect(publish('U0BUSY')).rejects.toThrow(/hash_conflict/);
    expect(slack.callsTo('views.publish')).toHaveLength(3);
  });
});
