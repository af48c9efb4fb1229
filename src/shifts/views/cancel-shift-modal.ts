/** "Cancel this shift?": what happens to the people on it, before staff confirm. Pure. */
import type { ModalView } from '@slack/types';
import { z } from 'zod';
import { readMetadata } from '../../slack/read-payload.js';
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

const ID_METADATA = {
  opportunityId: z.object({ opportunityId: z.int().positive(), responseUrl: z.string().max(2000).optional() }).transform(({ opportunityId, responseUrl }) => ({ id: opportunityId, ...(responseUrl ? { responseUrl } : {}) })),
  claimId: z.object({ claimId: z.int().positive() }).transform(({ claimId }) => ({ id: claimId })),
};

/** The shift (or claim) a cancel, roster, attendance or report-back modal is about, from its metadata; null when it is not what the modal wrote. */
export function readIdMetadata(privateMetadata: unknown, key: 'opportunityId' | 'claimId'): { id: number; responseUrl?: string } | null {
  return readMetadata<{ id: number; responseUrl?: string }>(ID_METADATA[key], privateMetadata);
}
