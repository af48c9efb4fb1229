/**
 * The "Log an action" modal was submitted. Problems go back onto their fields in the ack and the
 * modal stays open with the person's input; a good report is stored before the modal closes, and
 * the confirmation goes to where the person opened it (the command's response_url) or to a DM.
 */
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { todayIn } from '../../domain/dates.js';
import { checkLogDraft } from '../log-entry.js';
import type { ListenerDeps } from '../../slack/deps.js';
import { teamIdOf } from '../../slack/payload.js';
import { failureText } from '../../slack/failure.js';
import { COMMANDS, LOG_BLOCKS } from '../../slack/ids.js';
import { stateValuesOf } from '../../slack/read-payload.js';
import { unreadableFormNotice } from '../../slack/notice-modal.js';
import { refreshHome } from '../../home/publish-home.js';
import { recordAndSummarize } from '../record-log.js';
import { sendPrivately } from '../../slack/send-privately.js';
import { timeZoneOf } from '../../team/slack-profiles.js';
import { errorsByBlock, readLogActionSubmission, readLogModalMetadata } from '../views/log-action-modal.js';

export function logActionSubmitted({ database, logger, clock }: ListenerDeps) {
  return async ({ ack, body, view, client }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs): Promise<void> => {
    const now = clock();
    const teamId = teamIdOf(body);
    const userId = body.user.id;
    const values = stateValuesOf(view);
    const metadata = readLogModalMetadata(view.private_metadata);
    if (!values || !metadata) {
      logger.warn(`Refused a log-action submission that could not be read (view ${String(view.id)})`);
      await ack({ response_action: 'update', view: unreadableFormNotice('recorded', COMMANDS.logAction) });
      return;
    }
    const read = readLogActionSubmission(values);
    if (!read.ok) {
      await ack({ response_action: 'errors', errors: read.errors });
      return;
    }
    let logged;
    try {
      const timeZone = await timeZoneOf(client, database.db, teamId, userId);
      const problems = checkLogDraft(read.draft, todayIn(timeZone, now));
      if (problems.length > 0) {
        await ack({ response_action: 'errors', errors: errorsByBlock(problems, read.draft.tacticId) });
        return;
      }
      logged = await recordAndSummarize(
        database.db,
        read.draft,
        { teamId, userId, source: 'modal', idempotencyKey: `view:${view.id}` },
        timeZone,
        now,
      );
    } catch (error) {
      logger.error(`Log-action submission failed: ${String(error)}`);
      // Keep the modal open with everything typed, so trying again is one click.
      await ack({ response_action: 'errors', errors: { [LOG_BLOCKS.tactic]: failureText(error, 'recorded') } });
      return;
    }
    await ack();
    await sendPrivately({ client, logger, userId, responseUrl: metadata.responseUrl, message: logged.reply });
    await refreshHome({ client, db: database.db, logger, teamId, userId, homeOpened: logged.homeOpened, now });
  };
}
