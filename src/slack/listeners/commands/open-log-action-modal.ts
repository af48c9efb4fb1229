/**
 * Opens the "Log an action" modal for a slash command. Shared by /log-action and a bare /log-knock.
 */
import type { Logger, SlashCommand } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Database } from '../../../db/database.js';
import { todayIn } from '../../../domain/dates.js';
import type { TacticId } from '../../../domain/tactics.js';
import { failureMessage } from '../../failure.js';
import { timeZoneOf } from '../../time-zone.js';
import { logActionModal } from '../../views/log-action-modal.js';

export async function openLogActionModal(options: {
  client: WebClient;
  database: Database;
  logger: Logger;
  command: SlashCommand;
  tacticId: TacticId | null;
}): Promise<void> {
  const { client, database, logger, command, tacticId } = options;
  let timeZone = 'UTC';
  try {
    timeZone = await timeZoneOf(client, database.db, command.team_id, command.user_id);
  } catch (error) {
    // The modal is still useful without the cache: the person can pick the date themselves.
    logger.warn(`Could not read the time zone of ${command.user_id}: ${failureMessage(error)}`);
  }
  const view = logActionModal({
    tacticId,
    metadata: { today: todayIn(timeZone), responseUrl: command.response_url, channelId: command.channel_id },
  });
  await client.views.open({ trigger_id: command.trigger_id, view });
}
