import { describe, expect, it } from 'vitest';
import { useTestApp } from '../support/harness.js';
import { commandBody, signatureHeaders } from '../support/slack-request.js';

const t = useTestApp();

const body = () => commandBody('/log-knock', '40 doors 12 talked', { responseUrl: t().slack.responseUrl() });
const actionCount = async () => (await t().db.database.db.selectFrom('actions').select('id').execute()).length;

describe('requests that Slack did not sign', () => {
  it('accepts a correctly signed request (the control)', async () => {
    const reply = await t().post(body());
    expect(reply.status).toBe(200);
    expect(await actionCount()).toBe(1);
  });

  it.each([
    ['unsigned', (raw: string) => ({ raw, headers: { 'content-type': 'application/x-www-form-urlencoded' } })],
    ['signed with another secret', (raw: string) => ({ raw, headers: signatureHeaders(raw, { secret: 'not-our-secret' }) })],
    ['tampered after signing', (raw: string) => ({ raw: raw.replace('40+doors', '4000+doors'), headers: signatureHeaders(raw) })],
    ['stale (signed 6 minutes ago)', (raw: string) => ({ raw, headers: signatureHeaders(raw, { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 }) })],
  ])('answers 401 to a request %s and changes nothing', async (_name, forge) => {
    const { raw, headers } = forge(body());
    const reply = await t().post(raw, headers);
    expect(reply.status).toBe(401);
    expect(reply.text).not.toContain('Recorded');
    expect(await actionCount()).toBe(0);
    expect(t().slack.calls.filter((c) => c.method !== 'auth.test')).toEqual([]);
  });
});
