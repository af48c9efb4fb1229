/** `/groundwork settings` (admins): opens the settings modal. */
import type { CommandArgs, ListenerDeps } from '../../slack/deps.js';
import { failureReply } from '../../slack/failure.js';
import { COMMANDS } from '../../slack/ids.js';
import { openSettingsModal } from '../open-settings-modal.js';
import { GUARDED, requireRole } from '../permissions.js';
import { plainReply } from '../../slack/messages.js';

export async function openSettingsCommand({ database, logger }: ListenerDeps, { command, ack, client, respond }: CommandArgs): Promise<void> {
  const person = { client, db: database.db, logger, teamId: command.team_id, userId: command.user_id };
  try {
    const allowed = await requireRole({
      ...person,
      entry: GUARDED.settingsCommand,
      refuse: (message) => ack({ response_type: 'ephemeral', ...message }),
    });
    if (!allowed) return;
  } catch (error) {
    logger.error(`${COMMANDS.groundwork} settings failed: ${String(error)}`);
    await ack({ response_type: 'ephemeral', ...failureReply(error, 'read') });
    return;
  }
  await ack();
  try {
    await openSettingsModal({ ...person, triggerId: command.trigger_id, responseUrl: command.response_url });
  } catch (error) {
    logger.error(`Could not open the settings modal: ${String(error)}`);
    await respond({ response_type: 'ephemeral', ...plainReply(':warning: I could not open the settings just now. Please try again in a minute.') });
  }
}
