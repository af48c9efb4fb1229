/** `/shift new` (staff): the shift modal; a new shift may be announced where the command was typed when no channel is set. */
import type { ListenerDeps } from '../../slack/deps.js';
import { failureReply } from '../../slack/failure.js';
import { GUARDED, requireRole } from '../../team/permissions.js';
import { commandModalTarget, openThenFill } from '../../slack/open-modal.js';
import { shiftModalView } from '../shift-modals.js';
import type { ShiftCommandArgs } from './shift-command.js';

export async function newShiftCommand({ database, logger }: ListenerDeps, { command, ack, client }: ShiftCommandArgs): Promise<void> {
  const deps = { db: database.db, client, logger };
  const person = { ...deps, teamId: command.team_id, userId: command.user_id };
  try {
    const allowed = await requireRole({ ...person, entry: GUARDED.shiftNewCommand, refuse: (message) => ack({ response_type: 'ephemeral', ...message }) });
    if (!allowed) return;
  } catch (error) {
    logger.error(`/shift new failed: ${String(error)}`);
    await ack({ response_type: 'ephemeral', ...failureReply(error, 'read') });
    return;
  }
  await ack();
  try {
    await openThenFill({
      ...commandModalTarget(command, client, logger),
      title: 'New phone-bank shift',
      build: () => shiftModalView(deps, { teamId: command.team_id, userId: command.user_id, mode: 'new', channelId: command.channel_id, responseUrl: command.response_url }),
    });
  } catch (error) {
    logger.error(`Could not open the shift modal: ${String(error)}`);
  }
}
