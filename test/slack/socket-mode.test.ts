/**
 * Socket Mode end to end: the real app, started with only an app token (no signing secret),
 * fetches its WebSocket URL from the fake Web API, connects to the fake Socket Mode server, and
 * answers slash commands in the ack it sends back over the socket.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.js';
import { startFakeSocketMode, type FakeSocketMode } from '../support/fake-socket-mode.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { commandBody } from '../support/slack-request.js';

let slack: FakeSlack;
let socket: FakeSocketMode;
let t: TestApp;

beforeAll(async () => {
  slack = await startFakeSlack();
  socket = await startFakeSocketMode();
  // Must be answered before the app starts: app.start() waits for the socket's hello.
  slack.on('apps.connections.open', () => ({ ok: true, url: socket.url }));
  t = await startTestApp({ env: { SLACK_APP_TOKEN: 'xapp-1-test', SLACK_SIGNING_SECRET: '' }, slack });
});
afterAll(async () => {
  // The app first, so it closes its socket on purpose instead of reconnecting to a vanished server.
  await t?.stop();
  await socket?.close();
  await slack?.close();
});
beforeEach(async () => {
  await t.db.reset();
});

const actionRows = () => t.db.database.db.selectFrom('actions').selectAll().orderBy('id').execute();

/** In Socket Mode a slash command arrives as a JSON object of the same fields as the HTTP form body. */
const slashCommand = (command: string, text: string) =>
  socket.sendEnvelope('slash_commands', Object.fromEntries(new URLSearchParams(commandBody(command, text))));

describe('Socket Mode', () => {
  it('connects with the app token through apps.connections.open, and still serves /healthz over HTTP', async () => {
    expect(t.running.mode).toBe('socket');
    expect(slack.callsTo('apps.connections.open')).toHaveLength(1);
    expect(socket.connections).toHaveLength(1);

    const health = await fetch(`http://127.0.0.1:${t.running.port}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', database: 'up' });

    // With no signing secret, an HTTP events endpoint would take unverified requests: there must be none.
    const events = await fetch(`http://127.0.0.1:${t.running.port}/slack/events`, { method: 'POST', body: 'command=%2Flog-knock' });
    expect(events.status).toBe(404);
  });

  it('records /log-knock and sends the private confirmation back in the ack', async () => {
    const ack = await slashCommand('/log-knock', '25 doors 8 talked');
    expect(ack.payload?.response_type).toBe('ephemeral');
    expect(ack.payload?.text).toContain('Recorded');
    expect(ack.payload?.text).toContain('25 doors knocked, 8 conversations');

    const rows = await actionRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      team_id: 'T0GROUND',
      user_id: 'U0VOLUNTEER',
      tactic_id: 'door_knocking',
      counts: { doors: 25, conversations: 8 },
      source: 'command',
    });
  });

  it('refuses a command from another workspace in the ack, as over HTTP', async () => {
    const fields = Object.fromEntries(new URLSearchParams(commandBody('/log-knock', '10 doors', { teamId: 'T0OTHER' })));
    const ack = await socket.sendEnvelope('slash_commands', fields);
    expect(ack.payload?.response_type).toBe('ephemeral');
    expect(ack.payload?.text).toContain('This Groundwork is installed in another workspace');
    expect(await actionRows()).toHaveLength(0);
  });

  it('explains bad input in the ack and stores nothing', async () => {
    const ack = await slashCommand('/log-knock', 'hello');
    expect(ack.payload?.response_type).toBe('ephemeral');
    expect(ack.payload?.text).toContain("couldn't find any counts");
    expect(ack.payload?.text).toContain('Nothing was recorded');
    expect(await actionRows()).toHaveLength(0);
  });
});
