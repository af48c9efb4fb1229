/**
 * A modal carries the command's response_url in its private_metadata so the confirmation comes back
 * where the command was typed. The metadata makes a round trip through the person's Slack client, so
 * it is data: Groundwork posts only to Slack's own response hosts (and the SLACK_API_URL host, where
 * the fake Slack's response URLs live), and otherwise sends the confirmation as a DM.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { todayIn } from '../../src/domain/dates.js';
import { isSlackResponseUrl } from '../../src/slack/send-privately.js';
import { useTestApp } from '../support/harness.js';
import { logModalState, viewSubmission } from '../support/payloads.js';
import { settingsState, useWorkspace } from '../support/workspace.js';

const t = useTestApp();

/** Somewhere that is not Slack, counting what it is sent. */
let elsewhere: Server;
let elsewhereUrl: string;
const received: string[] = [];
beforeAll(async () => {
  elsewhere = createServer((req, res) => {
    received.push(`${req.method} ${req.url}`);
    res.writeHead(200).end('ok');
  });
  await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
  elsewhereUrl = `http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}/collect`;
});
afterAll(() => new Promise<void>((resolve) => elsewhere.close(() => resolve())));
beforeEach(() => {
  received.length = 0;
  useWorkspace(t().slack, { admins: ['U0ADMIN'] });
});

/** Opens a modal with a command and returns its private_metadata, as the person's client would hold it. */
async function metadataOfModalOpenedBy(command: string, text: string, userId: string): Promise<Record<string, unknown>> {
  await t().command(command, text, { userId, responseUrl: t().slack.responseUrl('typed-here') });
  const [opened] = await t().slack.waitFor(command === '/groundwork' ? 'views.update' : 'views.open');
  return JSON.parse(JSON.parse(String(opened?.args.view)).private_metadata);
}

async function submitLog(metadata: Record<string, unknown>) {
  return t().interact(
    viewSubmission({
      callbackId: 'log_action',
      viewId: 'V100',
      values: logModalState({ tacticId: 'door_knocking', date: todayIn('America/Chicago'), counts: { doors: '10' } }),
      privateMetadata: JSON.stringify(metadata),
    }),
  );
}

describe('the confirmation of a submitted modal', () => {
  it('goes to the response_url the command came with (the control)', async () => {
    const metadata = await metadataOfModalOpenedBy('/log-action', 'door knocking', 'U0VOLUNTEER');
    expect(metadata.responseUrl).toBe(t().slack.responseUrl('typed-here'));
    expect((await submitLog(metadata)).status).toBe(200);
    const [confirmation] = await t().slack.waitFor('response_url');
    expect(confirmation?.args.response_url_id).toBe('typed-here');
    expect(String(confirmation?.args.text)).toContain('10 doors knocked');
    await t().settle();
    expect(t().slack.callsTo('chat.postMessage')).toEqual([]);
  });

  it('is never posted to a tampered address; the person gets it by DM and the refusal is logged', async () => {
    const metadata = await metadataOfModalOpenedBy('/log-action', 'door knocking', 'U0VOLUNTEER');
    expect((await submitLog({ ...metadata, responseUrl: elsewhereUrl })).status).toBe(200);
    const [dm] = await t().slack.waitFor('chat.postMessage');
    expect(dm?.args.channel).toBe('U0VOLUNTEER');
    expect(String(dm?.args.text)).toContain('10 doors knocked');
    await t().settle();
    expect(received).toEqual([]);
    expect(t().slack.callsTo('response_url')).toEqual([]);
    expect(t().logs.join('\n')).toContain(`Refused to post to a response_url outside Slack (${new URL(elsewhereUrl).host}); sending a DM instead`);
  });

  it('of the settings modal is held to the same rule', async () => {
    const metadata = await metadataOfModalOpenedBy('/groundwork', 'settings', 'U0ADMIN');
    expect(metadata.responseUrl).toBe(t().slack.responseUrl('typed-here'));
    const saved = await t().interact(
      viewSubmission({ callbackId: 'workspace_settings', viewId: 'V200', userId: 'U0ADMIN', values: settingsState({ staff: [], leaders: [] }), privateMetadata: JSON.stringify({ responseUrl: elsewhereUrl }) }),
    );
    expect(saved.status).toBe(200);
    const [dm] = await t().slack.waitFor('chat.postMessage');
    expect(dm?.args.channel).toBe('U0ADMIN');
    await t().settle();
    expect(received).toEqual([]);
    expect(t().slack.callsTo('response_url')).toEqual([]);
  });
});

describe('isSlackResponseUrl', () => {
  const api = 'https://slack.com/api/';
  it.each([
    ['https://hooks.slack.com/commands/T0/1/abc', api, true],
    ['https://hooks.slack.com/actions/T0/1/abc', api, true],
    ['https://hooks.slack-gov.com/commands/T0/1/abc', 'https://slack-gov.com/api/', true],
    ['https://HOOKS.SLACK.COM/commands/T0/1/abc', api, true],
    ['https://slack.com/api/something', api, true],
    ['http://127.0.0.1:4000/response/r1', 'http://127.0.0.1:4000/api/', true],
    ['http://hooks.slack.com/commands/T0/1/abc', api, false],
    ['https://hooks.slack.com:8443/commands/T0/1/abc', api, false],
    ['https://hooks.slack.com.example.net/commands', api, false],
    ['https://example.net/?https://hooks.slack.com/', api, false],
    ['https://evil@hooks.slack.com/commands', api, false],
    ['https://hooks.slack.com@example.net/commands', api, false],
    ['http://127.0.0.1:4001/response/r1', 'http://127.0.0.1:4000/api/', false],
    ['file:///etc/passwd', api, false],
    ['not a url', api, false],
  ])('%s with SLACK_API_URL %s: %s', (url, slackApiUrl, allowed) => {
    expect(isSlackResponseUrl(url, slackApiUrl)).toBe(allowed);
  });
});
