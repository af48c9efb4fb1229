/** A small read-only modal for a short answer where no ephemeral message can go (the App Home tab). */
import type { ModalView } from '@slack/types';

/** `title` is at most 24 characters (Slack's modal title limit). */
export function noticeModal(title: string, text: string): ModalView {
  return {
    type: 'modal',
    title: { type: 'plain_text', text: title.slice(0, 24) },
    close: { type: 'plain_text', text: 'OK' },
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: text.slice(0, 3000) } }],
  };
}
