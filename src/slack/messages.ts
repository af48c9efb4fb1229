/** The shape of every message Groundwork sends, and the plain one-section answer most replies use. */
import type { KnownBlock } from '@slack/types';
import { truncate } from './mrkdwn.js';

/** Blocks for Slack clients, plus the fallback text that notifications and screen readers use. */
export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

/** Slack's limit on a section's text. */
export const SECTION_TEXT_MAX = 3000;

/**
 * A plain answer: what happened or went wrong and, when it helps, an example that works. `text` is
 * mrkdwn written by us: anything a person typed must already have gone through `asText`.
 */
export function plainReply(text: string, example?: string): SlackMessage {
  const full = example ? `${text}\nTry: \`${example}\`` : text;
  return { text: full, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: truncate(full, SECTION_TEXT_MAX) } }] };
}
