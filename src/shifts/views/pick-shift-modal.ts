/** "Which shift?" for /shift edit, cancel and roster typed without a number: the next shifts in a list. Pure. */
import type { ModalView } from '@slack/types';
import { z } from 'zod';
import { formatInZone } from '../../domain/zoned-time.js';
import { SHIFT_BLOCKS, VIEWS } from '../../slack/ids.js';
import { readMetadata, rowId, staticSelect } from '../../slack/read-payload.js';
import type { Shift } from '../queries.js';

export type ManagePurpose = 'edit' | 'cancel' | 'roster';

const VERB: Record<ManagePurpose, string> = { edit: 'Edit', cancel: 'Cancel', roster: 'Roster' };
/** Slack's limit on a static select's options. */
export const PICK_MAX_OPTIONS = 100;

export function pickShiftModal(options: { purpose: ManagePurpose; shifts: readonly Shift[]; timeZone: string; responseUrl?: string }): ModalView {
  const { purpose, shifts, timeZone } = options;
  const metadata = JSON.stringify({ purpose, timeZone, ...(options.responseUrl ? { responseUrl: options.responseUrl } : {}) });
  const title = { type: 'plain_text' as const, text: `${VERB[purpose]}: which shift?` };
  if (shifts.length === 0) {
    return {
      type: 'modal',
      title,
      close: { type: 'plain_text', text: 'OK' },
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'There are no upcoming shifts. Schedule one with `/shift new`.' } }],
    };
  }
  return {
    type: 'modal',
    callback_id: VIEWS.shiftPick,
    title,
    submit: { type: 'plain_text', text: 'Next' },
    close: { type: 'plain_text', text: 'Cancel' },
    private_metadata: metadata,
    blocks: [
      {
        type: 'input',
        block_id: SHIFT_BLOCKS.pick,
        label: { type: 'plain_text', text: 'Shift' },
        hint: { type: 'plain_text', text: `The next ${PICK_MAX_OPTIONS} at most; give a later one's number instead, e.g. /shift ${purpose} 12` },
        element: {
          type: 'static_select',
          action_id: 'value',
          options: shifts.slice(0, PICK_MAX_OPTIONS).map((shift) => ({
            // Option text is plain text (no mrkdwn), so a title needs no escaping here, only Slack's 75-character limit.
            text: { type: 'plain_text', text: `#${shift.opportunity.id} ${shift.details.title}`.slice(0, 40) + ` · ${formatInZone(shift.opportunity.starts_at, timeZone)}`.slice(0, 35) },
            value: String(shift.opportunity.id),
          })),
        },
      },
    ],
  };
}

const PICK_METADATA = z.object({ purpose: z.enum(['edit', 'cancel', 'roster']), timeZone: z.string().max(64).optional(), responseUrl: z.string().max(2000).optional() });

/** The list's purpose and where to answer; null when the metadata is not what pickShiftModal wrote. */
export function readPickMetadata(privateMetadata: unknown): { purpose: ManagePurpose; responseUrl?: string } | null {
  const read = readMetadata(PICK_METADATA, privateMetadata);
  return read && { purpose: read.purpose, ...(read.responseUrl ? { responseUrl: read.responseUrl } : {}) };
}

/** The list's one field: a shift number from its options. */
export const PICK_INPUTS = { [SHIFT_BLOCKS.pick]: staticSelect(rowId, { required: 'Choose a shift from the list.', invalid: 'Choose a shift from the list.' }) };
