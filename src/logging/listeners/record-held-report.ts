/**
 * "Yes, record it too" under a report held back as a likely repeat: stores it once, however often it is
 * clicked (it keeps the key it came with). Only its author can answer; an answered question says so.
 */
import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { refreshHome } from '../../home/publish-home.js';
import type { ListenerDeps } from '../../slack/deps.js';
import { failureReply } from '../../slack/failure.js';
import { plainReply } from '../../slack/messages.js';
import { teamIdOf } from '../../slack/payload.js';
import { timeZoneOf } from '../../team/slack-profiles.js';
import { findHeldReport } from '../queries.js';
import { recordHeldAndSummarize } from '../record-log.js';
import { BROKEN_BUTTON, HELD_QUESTION_ANSWERED } from '../views/log-reply.js';
import { readActionValue, rowId } from '../../slack/read-payload.js';

export function recordHeldReportPressed({ database, logger, clock }: ListenerDeps) {
  return async ({ ack, body, action, respond, client }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const teamId = teamIdOf(body);
    const userId = body.user.id;
    const heldId = readActionValue(rowId, action.value);
    if (heldId === null) {
      await respond({ response_type: 'ephemeral', replace_original: false, ...plainReply(BROKEN_BUTTON) });
      return;
    }
    try {
      const held = await findHeldReport(database.db, teamId, userId, heldId);
      if (!held) {
        await respond({ response_type: 'ephemeral', replace_original: false, ...plainReply(HELD_QUESTION_ANSWERED) });
        return;
      }
      const timeZone = await timeZoneOf(client, database.db, teamId, userId);
      const now = clock();
      const logged = await recordHeldAndSummarize(database.db, held, timeZone, now);
      await respond({ response_type: 'ephemeral', replace_original: true, ...logged.reply });
      await refreshHome({ client, db: database.db, logger, teamId, userId, timeZone, homeOpened: logged.homeOpened, now });
    } catch (error) {
      logger.error(`Recording a held report failed: ${String(error)}`);
      await respond({ response_type: 'ephemeral', replace_original: false, ...failureReply(error, 'recorded') });
    }
  };
}
