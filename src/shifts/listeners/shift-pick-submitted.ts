/** A shift chosen from the list that `/shift edit | cancel | roster` opened (staff): the list gives way to that shift's modal. */
import { SHIFT_BLOCKS } from '../../slack/ids.js';
import { staffPickSubmitted } from '../../team/staff-pick-submitted.js';
import { GUARDED } from '../../team/permissions.js';
import { manageView } from '../shift-modals.js';
import { readPickMetadata } from '../views/pick-shift-modal.js';

export const shiftPickSubmitted = staffPickSubmitted({
  entry: GUARDED.shiftPickSubmission,
  blockId: SHIFT_BLOCKS.pick,
  noun: 'shift',
  again: '/shift roster',
  readMetadata: readPickMetadata,
  build: (deps, { teamId, userId, purpose, id, now, responseUrl }) => manageView(deps, { teamId, userId, purpose, shiftId: id, now, ...(responseUrl ? { responseUrl } : {}) }),
});
