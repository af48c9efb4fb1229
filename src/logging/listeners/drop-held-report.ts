/** "No, it's the same one" under a report held back as a likely repeat: lets it go, once. */
import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { ListenerDeps } from '../../slack/deps.js';
import { failureReply } from '../../slack/failure.js';
import { plainReply } from '../../slack/messages.js';
import { teamIdOf } from '../../slack/payload.js';
import { dropHeldReport } from '../queries.js';
import { BROKEN_BUTTON, HELD_QUESTION_ANSWERED, heldDroppedReply } from '../views/log-reply.js';
import { readActionValue, rowId } from '../../slack/read-payload.js';

export function dropHeldReportPressed({ database, logger }: ListenerDeps) {
  return async ({ ack, body, action, respond }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const heldId = readActionValue(rowId, action.value);
    if (heldId === null) {
      await respond({ response_type: 'ephemeral', replace_original: false, ...plainReply(BROKEN_BUTTON) });
      return;
    }
    try {
      const dropped = await dropHeldReport(database.db, teamIdOf(body), body.user.id, heldId);
      await respond({ response_type: 'ephemeral', replace_original: dropped, ...(dropped ? heldDroppedReply() : plainReply(HELD_QUESTION_ANSWERED)) });
    } catch (error) {
      logger.error(`Dropping a held report failed: ${String(error)}`);
      await respond({ response_type: 'ephemeral', replace_original: false, ...failureReply(error, 'changed') });
    }
  };
}
