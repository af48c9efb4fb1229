/** "Which shift?" for /shift edit, cancel and roster typed without a number: the next shifts in a list. Pure. */
import type { ModalView } from '@slack/types';
import { z } from 'zod';
import { SHIFT_BLOCKS, VIEWS } from '../../slack/ids.js';
import { PICK_MAX_OPTIONS, pickModal } from '../../slack/pick-modal.js';
import { readMetadata, rowId, staticSelect } from '../../slack/read-payload.js';
import type { Shift } from '../queries.js';

export type ManagePurpose = 'edit' | 'cancel' | 'roster';

const VERB: Record<ManagePurpose, string> = { edit: 'Edit', cancel: 'Cancel', roster: 'Roster' };
export { PICK_MAX_OPTIONS };

export function pickShiftModal(options: { purpose: ManagePurpose; shifts: readonly Shift[]; timeZone: string; responseUrl?: string }): ModalView {
  const { purpose, shifts, timeZone } = options;
  return pickModal({
    callbackId: VIEWS.shiftPick,
    blockId: SHIFT_BLOCKS.pick,
    title: `${VERB[purpose]}: which shift?`,
    label: 'Shift',
    hint: `The next ${PICK_MAX_OPTIONS} at most; give a later one's number instead, e.g. /shift ${purpose} 12`,
    empty: 'There are no upcoming shifts. Schedule one with `/shift new`.',
    rows: shifts.map((shift) => ({ id: shift.opportunity.id, title: shift.details.title, startsAt: shift.opportunity.starts_at })),
    timeZone,
    metadata: JSON.stringify({ purpose, timeZone, ...(options.responseUrl ? { responseUrl: options.responseUrl } : {}) }),
  });
}

const PICK_METADATA = z.object({ purpose: z.enum(['edit', 'cancel', 'roster']), timeZone: z.string().max(64).optional(), responseUrl: z.string().max(2000).optional() });

/** The list's purpose and where to answer; null when the metadata is not what pickShiftModal wrote. */
export function readPickMetadata(privateMetadata: unknown): { purpose: ManagePurpose; responseUrl?: string } | null {
  const read = readMetadata(PICK_METADATA, privateMetadata);
  return read && { purpose: read.purpose, ...(read.responseUrl ? { responseUrl: read.responseUrl } : {}) };
}

/** The list's one field: a shift number from its options. */
export const PICK_INPUTS = { [SHIFT_BLOCKS.pick]: staticSelect(rowId, { required: 'Choose a shift from the list.', invalid: 'Choose a shift from the list.' }) };
