/**
 * The Undo button under a confirmation. Only the person who logged the report can remove it;
 * a second click finds nothing left and says so.
 */
import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { deleteOwnAction, findActionAuthor } from '../queries.js';
import type { ListenerDeps } from '../../slack/deps.js';
import { teamIdOf } from '../../slack/payload.js';
import { failureReply } from '../../slack/failure.js';
import { refreshHome } from '../../home/publish-home.js';
import { undoneReply } from '../views/log-reply.js';
import { plainReply } from '../../slack/messages.js';
import { readActionValue, rowId } from '../../slack/read-payload.js';

export function undoAction({ database, logger, clock }: ListenerDeps) {
  return async ({ ack, body, action, respond, client }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const teamId = teamIdOf(body);
    // Only the exact id loggedReply wrote: a loose read ("" as 0, "0x10" as 16) could remove another report.
    const actionId = readActionValue(rowId, action.value);
    try {
      if (actionId === null) {
        logger.warn(`Refused an Undo button with an unreadable value (${JSON.stringify(action.value)?.slice(0, 40)})`);
        await respond({ response_type: 'ephemeral', replace_original: false, ...plainReply('That Undo button is broken; nothing was changed.') });
        return;
      }
      const removed = await deleteOwnAction(database.db, teamId, body.user.id, actionId);
      if (removed) {
        await respond({ response_type: 'ephemeral', replace_original: true, ...undoneReply(removed) });
        await refreshHome({ client, db: database.db, logger, teamId, userId: body.user.id, now: clock() });
        return;
      }
      const author = await findActionAuthor(database.db, teamId, actionId);
      const answer = author
        ? `Only <@${author}>, who logged it, can undo that report. Nothing was changed.`
        : 'That report was already undone. Nothing else was changed.';
      await respond({ response_type: 'ephemeral', replace_original: false, ...plainReply(answer) });
    } catch (error) {
      logger.error(`Undo failed: ${String(error)}`);
      await respond({ response_type: 'ephemeral', replace_original: false, ...failureReply(error, 'changed') });
    }
  };
}
