/**
 * Bodies Slack never sends, signed with our secret (a leaked secret, a buggy proxy, a fuzzer): each
 * is refused with 400 and changes nothing, and the app keeps serving. Bolt 5.1 alone would end the
 * process on a body of `null` (and this test file with it). Clicks and submissions no listener takes
 * are acknowledged at once, so Slack shows nobody an error for them.
 */
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../support/harness.js';
import { blockAction, viewSubmission } from '../support/payloads.js';
import { commandBody, eventBody, eventHeaders, interactionBody, signatureHeaders, userOf } from '../support/slack-request.js';

const t = useTestApp();

const actionCount = async () => (await t().db.database.db.selectFrom('actions').select('id').execute()).length;

const json = (raw: string) => ({ raw, headers: eventHeaders(raw) });
const form = (raw: string) => ({ raw, headers: signatureHeaders(raw) });
const payload = (value: unknown) => form(interactionBody(value as Record<string, unknown>));
const command = (change: (fields: URLSearchParams) => void) => {
  const fields = new URLSearchParams(commandBody('/log-knock', '10 doors'));
  change(fields);
  return form(fields.toString());
};
const event = (value: Record<string, unknown>) => json(JSON.stringify({ token: 't', team_id: 'T0GROUND', api_app_id: 'A0GROUND', type: 'event_callback', event_id: 'Ev1', ...value }));

const MALFORMED: [string, { raw: string; headers: Record<string, string> }][] = [
  ['JSON null', json('null')],
  ['a JSON number', json('42')],
  ['a JSON string', json('"x"')],
  ['a JSON array', json('[]')],
  ['JSON true', json('true')],
  ['not JSON', json('{"type": "event_callback",')],
  ['an empty body', json('')],
  ['payload=null', form('payload=null')],
  ['payload=42', form('payload=42')],
  ['payload that is not JSON', form('payload=%7Bnope')],
  ['payload=[]', form('payload=%5B%5D')],
  ['two payloads', form(`${interactionBody(blockAction({ actionId: 'home_log_action' }))}&payload=%7B%7D`)],
  ['a form that is no command and no payload', form('hello=world')],
  ['a command without user_id', command((f) => f.delete('user_id'))],
  ['a command without text', command((f) => f.delete('text'))],
  ['a command with two team_ids', command((f) => f.append('team_id', 'T0OTHER'))],
  ['an event that is null', event({ event: null })],
  ['an event that is a string', event({ event: 'app_home_opened' })],
  ['an event whose item is a string', event({ event: { type: 'reaction_added', item: 'x' } })],
  ['an event_callback without team_id', event({ team_id: undefined, event: { type: 'app_home_opened', user: 'U0VOLUNTEER', tab: 'home' } })],
  ['block_actions with no actions', payload({ ...blockAction({ actionId: 'home_log_action' }), actions: [] })],
  ['block_actions whose action is null', payload({ ...blockAction({ actionId: 'home_log_action' }), actions: [null] })],
  ['block_actions without a user', payload({ ...blockAction({ actionId: 'home_log_action' }), user: undefined })],
  ['an interaction that names no workspace', payload({ ...blockAction({ actionId: 'home_log_action' }), team: null, user: { id: 'U0VOLUNTEER' } })],
  ['a view_submission without a view', payload({ ...viewSubmission({ callbackId: 'log_action', viewId: 'V1', values: {}, privateMetadata: '{}' }), view: undefined })],
  ['a kind of interaction Groundwork does not take', payload({ type: 'interactive_message', user: userOf('U0VOLUNTEER'), team: { id: 'T0GROUND' }, actions: [{ name: 'x' }] })],
  ['a url_verification without a challenge', json('{"type":"url_verification"}')],
];

async function stillServes(): Promise<void> {
  const reply = await t().command('/log-knock', '10 doors');
  expect(reply.status).toBe(200);
  expect(reply.json?.text).toContain('10 doors knocked');
  expect(await actionCount()).toBe(1);
}

describe('malformed bodies signed with our secret', () => {
  it.each(MALFORMED)('refuses %s with 400, changes nothing, and keeps serving', async (_name, { raw, headers }) => {
    const reply = await t().post(raw, headers);
    expect(reply.status).toBe(400);
    expect(reply.text).toBe('');
    expect(await actionCount()).toBe(0);
    expect(t().slack.calls).toEqual([]);
    expect(t().logs.at(-1)).toMatch(/^warn Refused a malformed request body: /);
    await stillServes();
  });

  it('refuses a body over a megabyte with 413 and keeps serving', async () => {
    const raw = commandBody('/log-knock', `10 doors ${'x'.repeat(1024 * 1024)}`);
    const reply = await t().post(raw, signatureHeaders(raw));
    expect(reply.status).toBe(413);
    expect(await actionCount()).toBe(0);
    expect(t().slack.calls).toEqual([]);
    await stillServes();
  });

  it('lets a client go away halfway through its body: nothing is written, the log says so, and it keeps serving', async () => {
    const raw = commandBody('/log-knock', '10 doors');
    const { hostname, port } = new URL(t().baseUrl);
    const socket = net.connect(Number(port), hostname);
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    const headers = Object.entries(signatureHeaders(raw)).map(([name, value]) => `${name}: ${value}\r\n`).join('');
    socket.write(`POST /slack/events HTTP/1.1\r\nhost: ${hostname}\r\ncontent-type: application/x-www-form-urlencoded\r\ncontent-length: ${raw.length}\r\n${headers}\r\n${raw.slice(0, 10)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    socket.destroy();
    await expect.poll(() => t().logs.some((line) => line.includes('Could not read a request body'))).toBe(true);
    expect(await actionCount()).toBe(0);
    await stillServes();
  });

  it('still answers Slack’s own checks: ssl_check and url_verification', async () => {
    const ssl = await t().post('ssl_check=1&token=x', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(ssl.status).toBe(200);
    const challenge = JSON.stringify({ token: 't', challenge: 'c-123', type: 'url_verification' });
    const verified = await t().post(challenge, eventHeaders(challenge));
    expect(verified.json).toEqual({ challenge: 'c-123' });
  });
});

describe('requests no listener takes', () => {
  /** Bolt alone waits out Slack's 3 s and answers 404, which Slack shows as an error. */
  async function timed(send: () => Promise<{ status: number; json: Record<string, any> | null }>) {
    const started = performance.now();
    const reply = await send();
    return { ...reply, ms: performance.now() - started };
  }

  it('acknowledges a click on a button whose action_id nothing routes, at once and with no side effect', async () => {
    const reply = await timed(() => t().interact(blockAction({ actionId: 'retired_button', value: 'x', responseUrl: t().slack.responseUrl() })));
    expect(reply.status).toBe(200);
    expect(reply.ms).toBeLessThan(1500);
    await t().settle();
    expect(t().slack.calls).toEqual([]);
    expect(t().logs.some((line) => line.includes('Acknowledged a block_actions that nothing here handles (retired_button)'))).toBe(true);
  });

  it('acknowledges the submission of a modal whose callback_id nothing routes, and a closed modal', async () => {
    const submitted = await timed(() => t().interact(viewSubmission({ callbackId: 'retired_modal', viewId: 'V9', values: {}, privateMetadata: '' })));
    expect(submitted.status).toBe(200);
    expect(submitted.ms).toBeLessThan(1500);
    const closed = await timed(() => t().interact({ ...viewSubmission({ callbackId: 'log_action', viewId: 'V9', values: {}, privateMetadata: '' }), type: 'view_closed', is_cleared: false }));
    expect(closed.status).toBe(200);
    expect(closed.ms).toBeLessThan(1500);
    expect(await actionCount()).toBe(0);
  });

  it('answers a command it does not handle with a pointer to help', async () => {
    const reply = await timed(() => t().command('/log-canvass', '10 doors'));
    expect(reply.status).toBe(200);
    expect(reply.ms).toBeLessThan(1500);
    expect(reply.json?.response_type).toBe('ephemeral');
    expect(reply.json?.text).toContain('Groundwork does not handle `/log-canvass`');
    expect(reply.json?.text).toContain('/groundwork help');
    expect(await actionCount()).toBe(0);
  });

  it('still routes the ids it knows (the control)', async () => {
    await t().interact(blockAction({ actionId: 'home_find_shift' }));
    const [open] = await t().slack.waitFor('views.open');
    expect(JSON.parse(String(open?.args.view)).title.text).toBe('Phone-bank shifts');
  });
});

describe('events', () => {
  it('takes a well-formed event (the control)', async () => {
    const body = eventBody({ type: 'app_home_opened', user: 'U0VOLUNTEER', channel: 'D0HOME', tab: 'home', event_ts: '1.1' });
    expect((await t().post(body, eventHeaders(body))).status).toBe(200);
    await t().slack.waitFor('views.publish');
  });
});
