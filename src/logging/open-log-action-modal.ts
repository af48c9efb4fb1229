/**
 * Opens the "Log an action" modal: from /log-action, a bare /log-knock, or the Home tab's button.
 * The modal's date starts at today in the person's own time zone; a command's response_url rides
 * along so the confirmation comes back where the command was typed (from the Home tab: a DM).
 */
import type { Logger, SlashCommand } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Database } from '../db/database.js';
import { openModal } from '../slack/open-modal.js';
import { todayIn } from '../domain/dates.js';
import type { TacticId } from '../domain/tactics.js';
import { timeZoneOf } from '../team/slack-profiles.js';
import { logActionModal } from './views/log-action-modal.js';

export async function openLogActionModal(options: {
  client: WebClient;
  database: Database;
  logger: Logger;
  teamId: string;
  userId: string;
  triggerId: string;
  tacticId: TacticId | null;
  /** When the request arrived: the modal's date starts at that day in the person's zone. */
  now: Date;
  /** From a slash command; absent from the Home tab. */
  command?: { responseUrl: string };
}): Promise<void> {
  const { client, database, logger, teamId, userId, triggerId, tacticId, command, now } = options;
  let timeZone = 'UTC';
  try {
    timeZone = await timeZoneOf(client, database.db, teamId, userId);
  } catch (error) {
    // The modal is still useful without the cache: the person can pick the date themselves.
    logger.warn(`Could not read the time zone of ${userId}: ${String(error)}`);
  }
  const metadata = { today: todayIn(timeZone, now), ...(command ? { responseUrl: command.responseUrl } : {}) };
  // When Slack will not open it, the person hears so where they asked (openModal).
  await openModal({ client, logger, userId, triggerId, responseUrl: command?.responseUrl, view: logActionModal({ tacticId, metadata }) });
}

/** Who and where, from a slash command: the modal's answer goes back through its response_url. */
export function fromCommand(command: SlashCommand) {
  return {
    teamId: command.team_id,
    userId: command.user_id,
    triggerId: command.trigger_id,
    command: { responseUrl: command.response_url },
  };
}
