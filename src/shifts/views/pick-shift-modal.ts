/** "Which shift?" for /shift edit, cancel and roster typed without a number: the next shifts in a list. Pure. */
import type { ModalView } from '@slack/types';
import { SHIFT_BLOCKS, VIEWS } from '../../slack/ids.js';
import { PICK_MAX_OPTIONS, pickMetadata, pickMetadataReader, pickModal } from '../../slack/pick-modal.js';
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
    metadata: pickMetadata({ purpose, ...(options.responseUrl ? { responseUrl: options.responseUrl } : {}) }),
  });
}

/** The list's purpose and where to answer; null when the metadata is not what pickShiftModal wrote. */
export const readPickMetadata = pickMetadataReader<ManagePurpose>(['edit', 'cancel', 'roster']);
