/**
 * Sends a message only its reader sees, where they asked: through the command's response_url when
 * there is one (it works in any channel or DM, invited or not), else as a DM from the app.
 */
import type { Logger } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { SlackMessage } from './messages.js';

/** Where Slack's response_urls live (commercial Slack and GovSlack). */
const SLACK_RESPONSE_HOSTS = new Set(['hooks.slack.com', 'hooks.slack-gov.com']);

export async function sendPrivately(options: {
  client: WebClient;
  logger: Logger;
  userId: string;
  responseUrl: string | undefined;
  message: SlackMessage;
}): Promise<void> {
  const { client, logger, userId, responseUrl, message } = options;
  if (responseUrl && !isSlackResponseUrl(responseUrl, client.slackApiUrl)) {
    // It came back from a modal's private_metadata, which the client holds: data, not Slack's word.
    logger.warn(`Refused to post to a response_url outside Slack (${hostOf(responseUrl)}); sending a DM instead`);
  } else if (responseUrl) {
    try {
      const answer = await fetch(responseUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ response_type: 'ephemeral', replace_original: false, ...message }),
        signal: AbortSignal.timeout(5000),
        // A redirect could lead anywhere; Slack's response_urls answer directly.
        redirect: 'error',
      });
      if (answer.ok) return;
      logger.warn(`response_url answered ${answer.status}; sending a DM instead`);
    } catch (error) {
      logger.warn(`response_url failed (${String(error)}); sending a DM instead`);
    }
  }
  // A response_url lives 30 minutes; a modal left open longer falls back to the app's DM.
  await client.chat.postMessage({ channel: userId, ...message });
}

/**
 * True for Slack's own response hosts over https, and for the host the Web API client talks to
 * (SLACK_API_URL: GovSlack, or the stand-in Slack that tests run against).
 */
export function isSlackResponseUrl(candidate: string, slackApiUrl: string): boolean {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  if (url.protocol === 'https:' && url.port === '' && SLACK_RESPONSE_HOSTS.has(url.hostname)) return true;
  try {
    return url.origin === new URL(slackApiUrl).origin;
  } catch {
    return false;
  }
}

function hostOf(candidate: string): string {
  try {
    return new URL(candidate).host || 'no host';
  } catch {
    return 'not a URL';
  }
}
