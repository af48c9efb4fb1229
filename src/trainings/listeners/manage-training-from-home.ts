/**
 * "Edit" / "Cancel" beside one of the team's upcoming trainings on the staff Home tab: the same modals
 * as `/training edit N` and `/training cancel N`, under the same permission check, or why not.
 */
import { staffModalFromHome } from '../../home/staff-modal-from-home.js';
import { COMMANDS } from '../../slack/ids.js';
import { GUARDED } from '../../team/permissions.js';
import { manageTrainingView } from '../training-modals.js';

const ENTRY = { edit: GUARDED.editTrainingFromHome, cancel: GUARDED.cancelTrainingFromHome } as const;
const TITLE = { edit: 'Edit training', cancel: 'Cancel training' } as const;

export function manageTrainingFromHome(purpose: 'edit' | 'cancel') {
  return staffModalFromHome({
    entry: ENTRY[purpose],
    title: TITLE[purpose],
    brokenButton: `That button is broken, so nothing changed. \`${COMMANDS.training} list\` lists the upcoming trainings.`,
    build: (deps, { teamId, userId, id, now }) => manageTrainingView(deps, { teamId, userId, purpose, trainingId: id, now }),
  });
}
