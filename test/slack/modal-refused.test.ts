/**
 * When Slack will not open a modal (views.open answers expired_trigger_id: the click or command took
 * more than 3 s to reach us), the person is told where they asked: after a command through its
 * response_url, after a Home tab click by DM. Nobody is left looking at nothing.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { useTestApp } from '../support/harness.js';
import { homeButtonAction } from '../support/payloads.js';
import { useWorkspace } from '../support/workspace.js';

const t = useTestApp();

beforeEach(() => {
  useWorkspace(t().slack, { admins: ['U0ADMIN'] });
  t().slack.on('views.open', () => ({ ok: false, error: 'expired_trigger_id' }));
});

const COULD_NOT_OPEN = /^:warning: I could not open the \*(.+)\* form: .* Please try again\.$/;

describe('a modal Slack would not open, from a command', () => {
  it.each([
    ['/log-action', '', 'Log an action'],
    ['/log-action', 'phone bank', 'Log an action'],
    ['/log-knock', '', 'Log an action'],
  ])('%s %s: says so through the response_url', async (command, text, title) => {
    const reply = await t().command(command, text, { responseUrl: t().slack.responseUrl('typed-here') });
    expect(reply.status).toBe(200);
    const [told] = await t().slack.waitFor('response_url');
    expect(told?.args.response_url_id).toBe('typed-here');
    expect(told?.args.response_type).toBe('ephemeral');
    expect(String(told?.args.text)).toMatch(COULD_NOT_OPEN);
    expect(COULD_NOT_OPEN.exec(String(told?.args.text))?.[1]).toBe(title);
    await t().settle();
    expect(t().slack.callsTo('views.open')).toHaveLength(1);
    expect(t().slack.callsTo('chat.postMessage')).toEqual([]);
    expect(t().logs.join('\n')).toContain(`Slack did not open the "${title}" modal for U0VOLUNTEER (expired_trigger_id)`);
  });

  it('/groundwork settings: says so once, and does not go on to fill a form that is not there', async () => {
    const reply = await t().command('/groundwork', 'settings', { userId: 'U0ADMIN', responseUrl: t().slack.responseUrl('typed-here') });
    expect(reply.status).toBe(200);
    await t().slack.waitFor('response_url');
    await t().settle();
    const told = t().slack.callsTo('response_url');
    expect(told).toHaveLength(1);
    expect(COULD_NOT_OPEN.exec(String(told[0]?.args.text))?.[1]).toBe('Groundwork settings');
    expect(t().slack.callsTo('views.update')).toEqual([]);
  });
});

describe('a modal Slack would not open, from the Home tab', () => {
  it('"Log an action": says so by DM', async () => {
    expect((await t().interact(homeButtonAction('home_log_action'))).status).toBe(200);
    const [dm] = await t().slack.waitFor('chat.postMessage');
    expect(dm?.args.channel).toBe('U0VOLUNTEER');
    expect(COULD_NOT_OPEN.exec(String(dm?.args.text))?.[1]).toBe('Log an action');
  });

  it('"Team settings": says so by DM', async () => {
    expect((await t().interact(homeButtonAction('home_settings', 'U0ADMIN'))).status).toBe(200);
    const [dm] = await t().slack.waitFor('chat.postMessage');
    expect(dm?.args.channel).toBe('U0ADMIN');
    expect(COULD_NOT_OPEN.exec(String(dm?.args.text))?.[1]).toBe('Groundwork settings');
    await t().settle();
    expect(t().slack.callsTo('views.update')).toEqual([]);
  });

  it('home_find_shift: says by DM that the shifts could not be shown', async () => {
    expect((await t().interact(homeButtonAction('home_find_shift'))).status).toBe(200);
    const [dm] = await t().slack.waitFor('chat.postMessage');
    expect(dm?.args.channel).toBe('U0VOLUNTEER');
    expect(COULD_NOT_OPEN.exec(String(dm?.args.text))?.[1]).toBe('Phone-bank shifts');
    await t().settle();
    expect(t().slack.callsTo('views.update')).toEqual([]);
  });

  it('home_upcoming_trainings: says by DM that the trainings could not be shown', async () => {
    expect((await t().interact(homeButtonAction('home_upcoming_trainings'))).status).toBe(200);
    const [dm] = await t().slack.waitFor('chat.postMessage');
    expect(dm?.args.channel).toBe('U0VOLUNTEER');
    expect(COULD_NOT_OPEN.exec(String(dm?.args.text))?.[1]).toBe('Trainings');
    await t().settle();
    expect(t().slack.callsTo('views.update')).toEqual([]);
  });

  it('"Team settings" refused to a volunteer: sends the refusal itself by DM', async () => {
    expect((await t().interact(homeButtonAction('home_settings', 'U0VOLUNTEER'))).status).toBe(200);
    const [dm] = await t().slack.waitFor('chat.postMessage');
    expect(dm?.args.channel).toBe('U0VOLUNTEER');
    expect(String(dm?.args.text)).toContain('needs the *admin* role');
  });
});
