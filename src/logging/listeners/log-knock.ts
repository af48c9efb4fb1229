/**
 * `/log-knock 40 doors 12 talked 5 signed yesterday at "Elm St"` records a door-knocking session;
 * plain `/log-knock` opens the modal set to door knocking. The answer comes back in the ack, so
 * it reaches the person wherever they typed, even where the app was never invited.
 */
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { todayIn } from '../../domain/dates.js';
import { checkLogDraft } from '../log-entry.js';
import { exampleFor, parseLogText } from '../parse-log-text.js';
import type { ListenerDeps } from '../../slack/deps.js';
import { failureReply } from '../../slack/failure.js';
import { COMMANDS } from '../../slack/ids.js';
import { refreshHome } from '../../home/publish-home.js';
import { recordAndSummarize } from '../record-log.js';
import { timeZoneOf } from '../../team/slack-profiles.js';
import { plainReply } from '../../slack/messages.js';
import { asText, fromCommandText } from '../../slack/mrkdwn.js';
import { fromCommand, openLogActionModal } from '../open-log-action-modal.js';

const TACTIC = 'door_knocking';

export function logKnockCommand({ database, logger, clock }: ListenerDeps) {
  return async ({ command, ack, client }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    const example = `${COMMANDS.logKnock} ${exampleFor(TACTIC)}`;
    if (command.text.trim() === '') {
      await ack();
      await openLogActionModal({ client, database, logger, now: clock(), tacticId: TACTIC, ...fromCommand(command) });
      return;
    }
    try {
      const timeZone = await timeZoneOf(client, database.db, command.team_id, command.user_id);
      const now = clock();
      const today = todayIn(timeZone, now);
      // Slack escapes &, < and > in command text; what is stored is what the person typed.
      const parsed = parseLogText(fromCommandText(command.text), TACTIC, today);
      if (!parsed.ok) {
        await ack({ response_type: 'ephemeral', ...plainReply(`:thinking_face: ${asText(parsed.problem)} Nothing was recorded.`, example) });
        return;
      }
      const problems = checkLogDraft(parsed.draft, today);
      if (problems.length > 0) {
        const list = problems.map((p) => asText(p.message)).join('\n');
        await ack({ response_type: 'ephemeral', ...plainReply(`:thinking_face: ${list}\nNothing was recorded.`, example) });
        return;
      }
      const { reply, homeOpened } = await recordAndSummarize(
        database.db,
        parsed.draft,
        { teamId: command.team_id, userId: command.user_id, source: 'command', idempotencyKey: `command:${command.trigger_id}` },
        timeZone,
        now,
      );
      await ack({ response_type: 'ephemeral', ...reply });
      await refreshHome({ client, db: database.db, logger, teamId: command.team_id, userId: command.user_id, timeZone, homeOpened, now });
    } catch (error) {
      logger.error(`${COMMANDS.logKnock} failed: ${String(error)}`);
      await ack({ response_type: 'ephemeral', ...failureReply(error, 'recorded') });
    }
  };
}
