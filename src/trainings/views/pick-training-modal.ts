/** "Which training?" for /training edit, cancel and attendance typed without a number. Pure. */
import type { ModalView } from '@slack/types';
import { z } from 'zod';
import { COMMANDS, TRAINING_BLOCKS, VIEWS } from '../../slack/ids.js';
import { PICK_MAX_OPTIONS, pickModal } from '../../slack/pick-modal.js';
import { readMetadata, rowId, staticSelect } from '../../slack/read-payload.js';
import type { Training } from '../queries/trainings.js';
import type { ManageTrainingPurpose } from '../training-modals.js';

const TITLE: Record<ManageTrainingPurpose, string> = { edit: 'Edit: which training?', cancel: 'Cancel: which training?', attendance: 'Attendance: which one?' };
const EMPTY: Record<ManageTrainingPurpose, string> = {
  edit: `There are no upcoming trainings to edit. Schedule one with \`${COMMANDS.training} new\`.`,
  cancel: `There are no upcoming trainings to cancel. \`${COMMANDS.training} list\` shows them all.`,
  attendance: `No training has started in the last week, so there is no attendance to mark yet. \`${COMMANDS.training} list\` shows the trainings and their numbers.`,
};

/** `trainings`: those the purpose applies to (not started for edit and cancel; started, in the last week, for attendance). */
export function pickTrainingModal(options: { purpose: ManageTrainingPurpose; trainings: readonly Training[]; timeZone: string; responseUrl?: string }): ModalView {
  const { purpose, trainings, timeZone } = options;
  return pickModal({
    callbackId: VIEWS.trainingPick,
    blockId: TRAINING_BLOCKS.pick,
    title: TITLE[purpose],
    label: 'Training',
    hint: `${PICK_MAX_OPTIONS} at most; give another one's number instead, e.g. ${COMMANDS.training} ${purpose} 12`,
    empty: EMPTY[purpose],
    rows: trainings.map((training) => ({ id: training.opportunity.id, title: training.details.title, startsAt: training.opportunity.starts_at })),
    timeZone,
    metadata: JSON.stringify({ purpose, ...(options.responseUrl ? { responseUrl: options.responseUrl } : {}) }),
  });
}

const PICK_METADATA = z.object({ purpose: z.enum(['edit', 'cancel', 'attendance']), responseUrl: z.string().max(2000).optional() });

/** The list's purpose and where to answer; null when the metadata is not what pickTrainingModal wrote. */
export function readTrainingPickMetadata(privateMetadata: unknown): { purpose: ManageTrainingPurpose; responseUrl?: string } | null {
  const read = readMetadata(PICK_METADATA, privateMetadata);
  return read && { purpose: read.purpose, ...(read.responseUrl ? { responseUrl: read.responseUrl } : {}) };
}

/** The list's one field: a training number from its options. */
export const TRAINING_PICK_INPUTS = { [TRAINING_BLOCKS.pick]: staticSelect(rowId, { required: 'Choose a training from the list.', invalid: 'Choose a training from the list.' }) };
