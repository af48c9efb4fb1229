/** A shift chosen from the list that `/shift edit | cancel | roster` opened (staff): the list gives way to that shift's modal. */
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { ListenerDeps } from '../../slack/deps.js';
import { failureText } from '../../slack/failure.js';
import { SHIFT_BLOCKS } from '../../slack/ids.js';
import { noticeModal } from '../../slack/notice-modal.js';
import { teamIdOf } from '../../slack/payload.js';
import { readInputs, stateValuesOf } from '../../slack/read-payload.js';
import { GUARDED, requireRole } from '../../team/permissions.js';
import { manageView } from '../shift-modals.js';
import { PICK_INPUTS, readPickMetadata } from '../views/pick-shift-modal.js';

export function shiftPickSubmitted({ database, logger }: ListenerDeps) {
  return async ({ ack, body, view, client }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs): Promise<void> => {
    const deps = { db: database.db, client, logger };
    const teamId = teamIdOf(body);
    const userId = body.user.id;
    try {
      const allowed = await requireRole({ ...deps, teamId, userId, entry: GUARDED.shiftPickSubmission, refuse: (message) => ack({ response_action: 'update', view: noticeModal('Not allowed', message.text) }) });
      if (!allowed) return;
      const metadata = readPickMetadata(view.private_metadata);
      if (!metadata) {
        await ack({ response_action: 'update', view: noticeModal('Which shift?', 'This list is out of date, so nothing was opened. Type the command again, e.g. `/shift roster`.') });
        return;
      }
      const read = readInputs(stateValuesOf(view) ?? {}, PICK_INPUTS);
      if (!read.ok) {
        await ack({ response_action: 'errors', errors: read.errors });
        return;
      }
      const picked = read.data[SHIFT_BLOCKS.pick];
      const found = await manageView(deps, { teamId, userId, purpose: metadata.purpose, shiftId: picked, now: new Date(), ...(metadata.responseUrl ? { responseUrl: metadata.responseUrl } : {}) });
      if (!found.ok) {
        await ack({ response_action: 'errors', errors: { [SHIFT_BLOCKS.pick]: found.text } });
        return;
      }
      await ack({ response_action: 'update', view: found.view });
    } catch (error) {
      logger.error(`Opening a chosen shift failed: ${String(error)}`);
      await ack({ response_action: 'errors', errors: { [SHIFT_BLOCKS.pick]: failureText(error, 'read') } });
    }
  };
}
