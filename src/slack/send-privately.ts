/**
 * Sends a message only its reader sees, where they asked: through the command's response_url when
 * there is one (it works in any channel or DM, invited or not), else as a DM from the app.
 */
import type { Logger } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { SlackMessage } from './messages.js';

export async function sendPrivately(options: {
  client: WebClient;
  logger: Logger;
  userId: string;
  responseUrl: string | undefined;
  message: SlackMessage;
}): Promise<void> {
  const { client, logger, userId, responseUrl, message } = options;
  if (responseUrl) {
    try {
      const answer = await fetch(responseUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ response_type: 'ephemeral', replace_original: false, ...message }),
        signal: AbortSignal.timeout(5000),
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
