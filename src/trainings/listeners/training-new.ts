/** `/training new` (staff): the training modal; a new training may be announced where the command was typed when no channel is set. */
import type { ListenerDeps } from '../../slack/deps.js';
import { failureReply } from '../../slack/failure.js';
import { commandModalTarget, openThenFill } from '../../slack/open-modal.js';
import { GUARDED, requireRole } from '../../team/permissions.js';
import { trainingModalView } from '../training-modals.js';
import type { TrainingCommandArgs } from './training-command.js';

export async function newTrainingCommand({ database, logger }: ListenerDeps, { command, ack, client }: TrainingCommandArgs): Promise<void> {
  const deps = { db: database.db, client, logger };
  try {
    const allowed = await requireRole({ ...deps, teamId: command.team_id, userId: command.user_id, entry: GUARDED.trainingNewCommand, refuse: (message) => ack({ response_type: 'ephemeral', ...message }) });
    if (!allowed) return;
  } catch (error) {
    logger.error(`/training new failed: ${String(error)}`);
    await ack({ response_type: 'ephemeral', ...failureReply(error, 'read') });
    return;
  }
  await ack();
  try {
    await openThenFill({
      ...commandModalTarget(command, client, logger),
      title: 'New training',
      build: () => trainingModalView(deps, { teamId: command.team_id, userId: command.user_id, mode: 'new', channelId: command.channel_id, responseUrl: command.response_url }),
    });
  } catch (error) {
    logger.error(`Could not open the training modal: ${String(error)}`);
  }
}
