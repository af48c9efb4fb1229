/** A training chosen from the list that `/training edit | cancel | attendance` opened (staff): the list gives way to that training's modal. */
import { COMMANDS, TRAINING_BLOCKS } from '../../slack/ids.js';
import { staffPickSubmitted } from '../../team/staff-pick-submitted.js';
import { GUARDED } from '../../team/permissions.js';
import { manageTrainingView } from '../training-modals.js';
import { readTrainingPickMetadata } from '../views/pick-training-modal.js';

export const trainingPickSubmitted = staffPickSubmitted({
  entry: GUARDED.trainingPickSubmission,
  blockId: TRAINING_BLOCKS.pick,
  noun: 'training',
  again: `${COMMANDS.training} attendance`,
  readMetadata: readTrainingPickMetadata,
  build: (deps, { teamId, userId, purpose, id, now, responseUrl }) => manageTrainingView(deps, { teamId, userId, purpose, trainingId: id, now, ...(responseUrl ? { responseUrl } : {}) }),
});
