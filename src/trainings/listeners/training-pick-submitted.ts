/** A training chosen from the list that `/training edit | cancel | attendance` opened (staff): the list gives way to that training's modal. */
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { ListenerDeps } from '../../slack/deps.js';
import { failureText } from '../../slack/failure.js';
import { COMMANDS, TRAINING_BLOCKS } from '../../slack/ids.js';
import { noticeModal } from '../../slack/notice-modal.js';
import { teamIdOf } from '../../slack/payload.js';
import { readInputs, stateValuesOf } from '../../slack/read-payload.js';
import { GUARDED, requireRole } from '../../team/permissions.js';
import { manageTrainingView } from '../training-modals.js';
import { readTrainingPickMetadata, TRAINING_PICK_INPUTS } from '../views/pick-training-modal.js';

export function trainingPickSubmitted({ database, logger, clock }: ListenerDeps) {
  return async ({ ack, body, view, client }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs): Promise<void> => {
    const deps = { db: database.db, client, logger };
    const teamId = teamIdOf(body);
    const userId = body.user.id;
    try {
      const allowed = await requireRole({ ...deps, teamId, userId, entry: GUARDED.trainingPickSubmission, refuse: (message) => ack({ response_action: 'update', view: noticeModal('Not allowed', message.text) }) });
      if (!allowed) return;
      const metadata = readTrainingPickMetadata(view.private_metadata);
      if (!metadata) {
        await ack({ response_action: 'update', view: noticeModal('Which training?', `This list is out of date, so nothing was opened. Type the command again, e.g. \`${COMMANDS.training} attendance\`.`) });
        return;
      }
      const read = readInputs(stateValuesOf(view) ?? {}, TRAINING_PICK_INPUTS);
      if (!read.ok) {
        await ack({ response_action: 'errors', errors: read.errors });
        return;
      }
      const picked = read.data[TRAINING_BLOCKS.pick];
      const found = await manageTrainingView(deps, { teamId, userId, purpose: metadata.purpose, trainingId: picked, now: clock(), ...(metadata.responseUrl ? { responseUrl: metadata.responseUrl } : {}) });
      if (!found.ok) {
        await ack({ response_action: 'errors', errors: { [TRAINING_BLOCKS.pick]: found.text } });
        return;
      }
      await ack({ response_action: 'update', view: found.view });
    } catch (error) {
      logger.error(`Opening a chosen training failed: ${String(error)}`);
      await ack({ response_action: 'errors', errors: { [TRAINING_BLOCKS.pick]: failureText(error, 'read') } });
    }
  };
}
