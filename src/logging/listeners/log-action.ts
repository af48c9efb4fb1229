/**
 * `/log-action` opens the modal for any tactic; `/log-action phone bank` opens it with that
 * tactic chosen.
 */
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { findTactic } from '../../domain/tactics.js';
import type { ListenerDeps } from '../../slack/deps.js';
import { fromCommand, openLogActionModal } from '../open-log-action-modal.js';

export function logActionCommand({ database, logger, clock }: ListenerDeps) {
  return async ({ command, ack, client }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const tactic = findTactic(command.text);
    await openLogActionModal({ client, database, logger, now: clock(), tacticId: tactic?.id ?? null, ...fromCommand(command) });
  };
}
