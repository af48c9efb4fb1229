/** "Which training?" for /training edit, cancel and attendance typed without a number. Pure. */
import type { ModalView } from '@slack/types';
import { COMMANDS, TRAINING_BLOCKS, VIEWS } from '../../slack/ids.js';
import { PICK_MAX_OPTIONS, pickMetadata, pickMetadataReader, pickModal } from '../../slack/pick-modal.js';
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
    metadata: pickMetadata({ purpose, ...(options.responseUrl ? { responseUrl: options.responseUrl } : {}) }),
  });
}

/** The list's purpose and where to answer; null when the metadata is not what pickTrainingModal wrote. */
export const readTrainingPickMetadata = pickMetadataReader<ManageTrainingPurpose>(['edit', 'cancel', 'attendance']);
