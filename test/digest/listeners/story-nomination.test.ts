/**
 * Nominating a message as a success story, over signed HTTP: the story emoji nominates a message once
 * however many react, its author is asked once by DM, and only an Allow lets the digest quote it,
 * as plain text that pings nobody.
 */
import { describe, expect, it } from 'vitest';
import { postDueDigests } from '../../../src/digest/digest-job.js';
import { jobWebClient } from '../../../src/jobs/job-client.js';
import { useTestApp } from '../../support/harness.js';
import { blockAction } from '../../support/payloads.js';
import { eventBody, eventHeaders } from '../../support/slack-request.js';
import { DIGEST_MOMENT, digestSettings } from '../../support/digest-week.js';

const t = useTestApp();

const MESSAGE_TS = '1764500000.000100';
const AUTHOR = 'U0AUTHOR';

async function react(userId: string, reaction = 'star', retryNum?: number) {
  const body = eventBody({ type: 'reaction_added', user: userId, reaction, item_user: AUTHOR, item: { type: 'message', channel: 'C0GENERAL', ts: MESSAGE_TS }, event_ts: '1764500001.000200' });
  const response = await t().post(body, eventHeaders(body, retryNum === undefined ? {} : { retryNum }));
  expect(response.status).toBe(200);
  await t().settle();
}

const askDms = () => t().slack.callsTo('chat.postMessage').filter((call) => call.args.channel === AUTHOR);

function answer(actionId: 'story_allow' | 'story_decline', userId = AUTHOR) {
  const value = JSON.parse(String(askDms()[0]?.args.blocks))[1].elements[0].value as string;
  return t().interact(blockAction({ actionId, value, userId, responseUrl: t().slack.responseUrl('dm') }));
}

describe('story nominations', () => {
  it('nominates a message once however many react (and however often Slack delivers), asking its author once', async () => {
    await digestSettings(t().db.database.db);
    await react('U0FAN1');
    await react('U0FAN1', 'star', 1);
    await react('U0FAN2', 'star');
    await react('U0FAN3', 'thumbsup');
    expect(askDms()).toHaveLength(1);
    expect(String(askDms()[0]?.args.text)).toContain('<@U0FAN1> nominated your message in <#C0GENERAL>');
    expect(await t().db.database.db.selectFrom('story_nominations').select(['author_id', 'nominated_by', 'status']).execute()).toEqual([
      { author_id: AUTHOR, nominated_by: 'U0FAN1', status: 'asked' },
    ]);
  });

  it('quotes an allowed message in the digest as plain text: no @channel, no mention, no disguised link', async () => {
    const db = t().db.database.db;
    await digestSettings(db);
    await react('U0FAN1');
    t().slack.on('conversations.replies', () => ({
      ok: true,
      messages: [{ ts: MESSAGE_TS, user: AUTHOR, text: '<!channel> we won! thanks <@U0OTHER> &amp; see <https://evil.example|the notes>' }],
    }));
    const clicked = await answer('story_allow');
    expect(clicked.status).toBe(200);
    await t().settle();
    expect(t().slack.callsTo('response_url').at(-1)?.args).toMatchObject({ replace_original: true, text: expect.stringContaining('will be quoted in the next weekly digest') });

    // Allowed on the Sunday night of the digest's week (nominations are featured by when they were allowed).
    await db.updateTable('story_nominations').set({ decided_at: new Date('2026-11-29T20:00:00Z') }).execute();
    const client = jobWebClient({ token: 'xoxb-test', slackApiUrl: t().slack.apiUrl });
    await postDueDigests({ db, client, logger: t().running.app.logger }, DIGEST_MOMENT);
    const digest = t().slack.callsTo('chat.postMessage').find((call) => call.args.channel === 'C0DIGEST');
    const posted = `${String(digest?.args.text)}${String(digest?.args.blocks)}`;
    expect(posted).toContain('&lt;!channel&gt; we won! thanks &lt;@U0OTHER&gt; &amp; see &lt;https://evil.example|the notes&gt;');
    expect(posted).not.toMatch(/<!channel>|<@U0OTHER>|<https:\/\/evil/);
    expect(posted).toContain('https://groundwork-test.slack.com/archives/C0GENERAL/p1764500000000100');
  });

  it('quotes nothing when the author says no thanks, and takes only one answer', async () => {
    const db = t().db.database.db;
    await digestSettings(db);
    await react('U0FAN1');
    await answer('story_decline');
    // The answer is recorded after the ack: let it land before the second click.
    await t().settle();
    await answer('story_allow');
    await t().settle();
    expect(t().slack.callsTo('conversations.replies')).toHaveLength(0);
    expect(await db.selectFrom('story_nominations').select(['status', 'text']).execute()).toEqual([{ status: 'declined', text: null }]);
    expect(t().slack.callsTo('response_url').map((call) => call.args.text)).toEqual([expect.stringContaining('will not be quoted'), expect.stringContaining('already answered')]);
  });

  it('lets nobody but the author answer', async () => {
    await digestSettings(t().db.database.db);
    await react('U0FAN1');
    await answer('story_allow', 'U0FAN1');
    await t().settle();
    expect(t().slack.callsTo('response_url').at(-1)?.args.text).toContain('Only the person who wrote the message');
    expect((await t().db.database.db.selectFrom('story_nominations').select('status').execute())[0]?.status).toBe('asked');
  });
});
