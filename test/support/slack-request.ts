/**
 * Builds and signs requests exactly as Slack sends them: form-encoded slash commands and
 * `payload=`-wrapped JSON for interactivity, with X-Slack-Signature over `v0:{ts}:{raw body}`.
 */
import { createHmac } from 'node:crypto';
import { FAKE_TEAM_ID } from './fake-slack.js';

export const SIGNING_SECRET = 'test-signing-secret-0123456789';

export function signatureHeaders(body: string, options: { secret?: string; timestamp?: number } = {}): Record<string, string> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const signature = createHmac('sha256', options.secret ?? SIGNING_SECRET).update(`v0:${timestamp}:${body}`).digest('hex');
  return {
    'content-type': 'application/x-www-form-urlencoded',
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': `v0=${signature}`,
  };
}

let triggerSeq = 0;

export interface CommandOptions {
  userId?: string;
  teamId?: string;
  channelId?: string;
  responseUrl?: string;
  triggerId?: string;
}

/** The form body of a slash command. */
export function commandBody(command: string, text: string, options: CommandOptions = {}): string {
  return new URLSearchParams({
    token: 'deprecated-verification-token',
    team_id: options.teamId ?? FAKE_TEAM_ID,
    team_domain: 'groundwork-test',
    channel_id: options.channelId ?? 'C0GENERAL',
    channel_name: 'general',
    user_id: options.userId ?? 'U0VOLUNTEER',
    user_name: 'volunteer',
    command,
    text,
    api_app_id: 'A0GROUND',
    is_enterprise_install: 'false',
    response_url: options.responseUrl ?? 'https://hooks.slack.invalid/commands/unused',
    trigger_id: options.triggerId ?? `trigger.${Date.now()}.${++triggerSeq}`,
  }).toString();
}

/** The form body of an interactivity payload (block_actions, view_submission, ...). */
export function interactionBody(payload: Record<string, unknown>): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

export function userOf(userId: string, teamId = FAKE_TEAM_ID) {
  return { id: userId, username: userId.toLowerCase(), name: userId.toLowerCase(), team_id: teamId };
}

let eventSeq = 0;

/** The JSON body of an Events API delivery (`event_callback`) wrapping one event. */
export function eventBody(event: Record<string, unknown> & { type: string }, options: { teamId?: string; eventId?: string } = {}): string {
  return JSON.stringify({
    token: 'deprecated-verification-token',
    team_id: options.teamId ?? FAKE_TEAM_ID,
    api_app_id: 'A0GROUND',
    event,
    type: 'event_callback',
    event_id: options.eventId ?? `Ev${Date.now()}${++eventSeq}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: options.teamId ?? FAKE_TEAM_ID, user_id: 'U0BOT', is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
  });
}

/** Signature headers for a JSON body: the Events API posts application/json, not a form. */
export function eventHeaders(body: string, options: { timestamp?: number; retryNum?: number } = {}): Record<string, string> {
  return {
    ...signatureHeaders(body, options),
    'content-type': 'application/json',
    ...(options.retryNum !== undefined ? { 'x-slack-retry-num': String(options.retryNum), 'x-slack-retry-reason': 'http_timeout' } : {}),
  };
}

/** An `app_home_opened` event for the Home tab (or the Messages tab). */
export function appHomeOpenedEvent(userId: string, tab: 'home' | 'messages' = 'home') {
  return { type: 'app_home_opened', user: userId, channel: 'D0HOME', tab, event_ts: `${Math.floor(Date.now() / 1000)}.000100` };
}
