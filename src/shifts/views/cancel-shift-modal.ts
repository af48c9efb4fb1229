/** "Cancel this shift?": what happens to the people on it, before staff confirm. Pure. */
import type { ModalView } from '@slack/types';
import { VIEWS } from '../../slack/ids.js';
import type { Shift } from '../queries.js';
import { titleOf, whenAndLength } from './shift-text.js';

export function cancelShiftModal(options: { shift: Shift; people: number; timeZone: string; responseUrl?: string }): ModalView {
  const { shift, people, timeZone } = options;
  const told = people === 0 ? 'Nobody has claimed it yet.' : `${people} ${people === 1 ? 'person holding a seat or waiting gets' : 'people holding seats or waiting get'} one DM saying so.`;
  return {
    type: 'modal',
    callback_id: VIEWS.shiftCancel,
    title: { type: 'plain_text', text: 'Cancel shift' },
    submit: { type: 'plain_text', text: 'Cancel the shift' },
    close: { type: 'plain_text', text: 'Keep it' },
    private_metadata: JSON.stringify({ opportunityId: shift.opportunity.id, ...(options.responseUrl ? { responseUrl: options.responseUrl } : {}) }),
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `Cancel ${titleOf(shift.details, shift.opportunity)}, ${whenAndLength(shift.opportunity, timeZone)}?` } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: `${told} Its announcement is marked cancelled and its reminders are not sent. This can't be undone.` }] },
    ],
  };
}

/** The shift a cancel, roster or report-back modal is about, from its metadata. */
export function readIdMetadata(privateMetadata: string, key: 'opportunityId' | 'claimId'): { id: number; responseUrl?: string } | null {
  try {
    const parsed = JSON.parse(privateMetadata) as Record<string, unknown>;
    const id = parsed[key];
    if (typeof id !== 'number' || !Number.isSafeInteger(id)) return null;
    return { id, ...(typeof parsed.responseUrl === 'string' ? { responseUrl: parsed.responseUrl } : {}) };
  } catch {
    return null;
  }
}
