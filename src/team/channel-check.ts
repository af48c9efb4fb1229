/**
 * Whether the app can post in a channel an admin chose: conversations.info answers for the bot,
 * so `is_member` says whether someone still has to /invite it.
 */
import type { WebClient } from '@slack/web-api';
import type { ChannelCheck } from './settings.js';
import { within } from '../lib/deadline.js';

/** Checked before the modal's ack: with the role check's bounded users.info (1.5 s) the ack still lands inside 3 s. */
const CHECK_BUDGET_MS = 1200;

export async function checkChannel(client: WebClient, channelId: string): Promise<ChannelCheck> {
  const asked = client.conversations.info({ channel: channelId }).then(
    (answer): ChannelCheck => {
      const channel = answer.channel;
      if (!channel) return 'unchecked';
      if (channel.is_archived) return 'archived';
      return channel.is_member ? 'ok' : 'not_member';
    },
    (error: unknown): ChannelCheck => {
      const code = (error as { data?: { error?: unknown } } | null)?.data?.error;
      // A private channel the app is not in does not exist as far as the app can tell.
      return code === 'channel_not_found' ? 'not_visible' : 'unchecked';
    },
  );
  return within(asked, CHECK_BUDGET_MS, 'unchecked' as const);
}
