/**
 * "Edit" / "Cancel" beside one of the team's upcoming shifts on the staff Home tab: the same modals
 * as `/shift edit N` and `/shift cancel N`, under the same permission check, or why not.
 */
import { staffModalFromHome } from '../../home/staff-modal-from-home.js';
import { GUARDED } from '../../team/permissions.js';
import { manageView } from '../shift-modals.js';

const ENTRY = { edit: GUARDED.editShiftFromHome, cancel: GUARDED.cancelShiftFromHome } as const;
const TITLE = { edit: 'Edit shift', cancel: 'Cancel shift' } as const;

export function manageShiftFromHome(purpose: 'edit' | 'cancel') {
  return staffModalFromHome({
    entry: ENTRY[purpose],
    title: TITLE[purpose],
    brokenButton: `That button is broken, so nothing changed. \`/shift ${purpose}\` lists the upcoming shifts.`,
    build: (deps, { teamId, userId, id, now }) => manageView(deps, { teamId, userId, purpose, shiftId: id, now }),
  });
}
