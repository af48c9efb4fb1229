/** A small read-only modal for a short answer where no ephemeral message can go (the App Home tab). */
import type { ModalView } from '@slack/types';
import type { Attempt } from './failure.js';

/** `title` is at most 24 characters (Slack's modal title limit). */
export function noticeModal(title: string, text: string): ModalView {
  return {
    type: 'modal',
    title: { type: 'plain_text', text: title.slice(0, 24) },
    close: { type: 'plain_text', text: 'OK' },
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: text.slice(0, 3000) } }],
  };
}

/**
 * The answer to a submitted form that could not be read at all (no state, metadata we never
 * wrote): nothing in it can be fixed in place, so the form is replaced by what was not done and how
 * to start again. Saying "nothing was …" is certain here: the form was refused before any write.
 */
export function unreadableFormNotice(attempt: Exclude<Attempt, 'read'>, startAgainWith: string): ModalView {
  return noticeModal(`Nothing was ${attempt}`, `:warning: I couldn't read this form, so nothing was ${attempt}. Close it and start again with ${startAgainWith}.`);
}
