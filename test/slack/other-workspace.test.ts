/**
 * Groundwork serves the one workspace its token belongs to (auth.test says which: the fake answers
 * T0GROUND, the team every test request comes from). A correctly signed request from any other
 * workspace is refused before a listener runs, changes nothing, and is logged.
 */
import { describe, expect, it } from 'vitest';
import { FAKE_TEAM_ID, startFakeSlack } from '../support/fake-slack.js';
import { startTestApp, useTestApp } from '../support/harness.js';
import { blockAction, logModalState, viewSubmission } from '../support/payloads.js';
import { appHomeOpenedEvent, eventBody, eventHeaders, userOf } from '../support/slack-request.js';

const t = useTestApp();

const OTHER = 'T0OTHER';
const rows = async (table: 'actions' | 'home_tabs') => (await t().db.database.db.selectFrom(table).selectAll().execute()).length;

/** An interaction from a person of the other workspace. */
const fromOther = <P extends Record<string, unknown>>(payload: P) => ({ ...payload, team: { id: OTHER, domain: 'elsewhere' }, user: userOf('U0STRANGER', OTHER) });

describe('a request from another workspace', () => {
  it('takes the installed workspace from auth.test at start-up, not from the requests', async () => {
    const slack = await startFakeSlack();
    slack.on('auth.test', () => ({ ok: true, team_id: 'T0ELSEWHERE', user_id: 'U0BOT', bot_id: 'B0BOT' }));
    const elsewhere = await startTestApp({ slack, db: t().db });
    try {
      const reply = await elsewhere.command('/log-knock', '10 doors', { teamId: FAKE_TEAM_ID });
      expect(reply.json?.text).toContain('This Groundwork is installed in another workspace');
      expect(await rows('actions')).toBe(0);
      expect(slack.callsTo('auth.test')).toHaveLength(1);
    } finally {
      await elsewhere.stop();
      await slack.close();
    }
  });

  it('refuses a command with a clear ephemeral answer, records nothing and calls no Slack method', async () => {
    const reply = await t().command('/log-knock', '10 doors', { teamId: OTHER, userId: 'U0STRANGER' });
    expect(reply.status).toBe(200);
    expect(reply.json?.response_type).toBe('ephemeral');
    expect(reply.json?.text).toContain('This Groundwork is installed in another workspace');
    await t().settle();
    expect(await rows('actions')).toBe(0);
    expect(t().slack.calls).toEqual([]);
    expect(t().logs).toContainEqual(`warn Refused the command /log-knock from workspace ${OTHER}: installed in T0GROUND`);
  });

  it('acknowledges a button click with nothing, opening no modal', async () => {
    const reply = await t().interact(fromOther(blockAction({ actionId: 'home_log_action' })));
    expect(reply.status).toBe(200);
    expect(reply.text).toBe('');
    await t().settle();
    expect(t().slack.calls).toEqual([]);
  });

  it('closes a modal submission without recording it', async () => {
    const submission = viewSubmission({
      callbackId: 'log_action',
      viewId: 'V42',
      values: logModalState({ tacticId: 'door_knocking', date: '2024-05-01', counts: { doors: '10' } }),
      privateMetadata: JSON.stringify({ today: '2024-05-01' }),
    });
    const reply = await t().interact(fromOther(submission));
    expect(reply.status).toBe(200);
    expect(reply.text).toBe('');
    await t().settle();
    expect(await rows('actions')).toBe(0);
    expect(t().slack.calls).toEqual([]);
  });

  it('refuses an org-wide payload (no team) whose person belongs to another workspace', async () => {
    const reply = await t().interact({ ...blockAction({ actionId: 'home_find_shift' }), team: null, user: userOf('U0STRANGER', OTHER) });
    expect(reply.status).toBe(200);
    await t().settle();
    expect(t().slack.calls).toEqual([]);
  });

  it('ignores an event from another workspace: no home published, nothing remembered', async () => {
    const body = eventBody(appHomeOpenedEvent('U0STRANGER'), { teamId: OTHER });
    expect((await t().post(body, eventHeaders(body))).status).toBe(200);
    await t().settle();
    expect(await rows('home_tabs')).toBe(0);
    expect(t().slack.calls).toEqual([]);
    expect(t().logs).toContainEqual(`warn Refused the event app_home_opened from workspace ${OTHER}: installed in T0GROUND`);
  });

  it('still serves its own workspace (the control)', async () => {
    const reply = await t().command('/log-knock', '10 doors');
    expect(reply.json?.text).toContain('10 doors knocked');
    expect(await rows('actions')).toBe(1);
    const body = eventBody(appHomeOpenedEvent('U0VOLUNTEER'));
    await t().post(body, eventHeaders(body));
    await t().slack.waitFor('views.publish');
    expect(await rows('home_tabs')).toBe(1);
  });
});
