/** The DM that asks a message's author whether the digest may quote it, and the answers to their click. */
import type { KnownBlock } from '@slack/types';
import { ACTIONS } from '../../slack/ids.js';
import type { SlackMessage } from '../../slack/messages.js';

/** What the buttons carry: which message the answer is about. */
export interface StoryRef {
  channelId: string;
  messageTs: string;
}

export function storyAskMessage(ref: StoryRef, nominatedBy: string): SlackMessage {
  const text = `<@${nominatedBy}> nominated your message in <#${ref.channelId}> as a success story for the team's weekly digest. May Groundwork quote it there? Nothing is quoted unless you allow it.`;
  const value = JSON.stringify({ c: ref.channelId, ts: ref.messageTs });
  const blocks: KnownBlock[] = [
    { type: 'section', text: { type: 'mrkdwn', text: `:star2: ${text}` } },
    {
      type: 'actions',
      block_id: 'story_nomination',
      elements: [
        { type: 'button', action_id: ACTIONS.allowStory, style: 'primary', text: { type: 'plain_text', text: 'Allow' }, value },
        { type: 'button', action_id: ACTIONS.declineStory, text: { type: 'plain_text', text: 'No thanks' }, value },
      ],
    },
  ];
  return { text, blocks };
}

/** Reads a button's value back; null for anything that is not one of ours. */
export function parseStoryRef(value: string | undefined): StoryRef | null {
  try {
    const parsed = JSON.parse(value ?? '') as { c?: unknown; ts?: unknown };
    return typeof parsed.c === 'string' && typeof parsed.ts === 'string' && /^\d+\.\d+$/.test(parsed.ts) ? { channelId: parsed.c, messageTs: parsed.ts } : null;
  } catch {
    return null;
  }
}

export const STORY_ANSWERS = {
  allowed: ':white_check_mark: Thank you! Your message will be quoted in the next weekly digest, with a link to the original.',
  declined: ':ok_hand: Understood: your message will not be quoted.',
  already: 'You already answered for this message; nothing changed.',
  gone: ":warning: I couldn't read that message any more (it may have been deleted, or I am not in that channel), so nothing will be quoted.",
  notYours: 'Only the person who wrote the message can decide whether it is quoted.',
} as const;
