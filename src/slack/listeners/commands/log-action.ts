/**
 * `/log-action` opens the modal for any tactic; `/log-action phone bank` opens it with that
 * tactic chosen.
 */
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { findTactic } from '../../../domain/tactics.js';
import type { ListenerDeps } from '../../deps.js';
import { openLogActionModal } from '../../open-log-action-modal.js';

export function logActionCommand({ database, logger }: ListenerDeps) {
  return async ({ command, ack, client }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const tactic = findTactic(command.text);
    await openLogActionModal({
      client,
      database,
      logger,
      teamId: command.team_id,
      userId: command.user_id,
      triggerId: command.trigger_id,
      tacticId: tactic?.id ?? null,
      command: { responseUrl: command.response_url, channelId: command.channel_id },
    });
  };
}
