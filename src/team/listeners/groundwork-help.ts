/** `/groundwork help` (and any unknown subcommand): what this person can do with their role. */
import { findWorkspaceSettings } from '../queries/settings.js';
import type { CommandArgs, ListenerDeps } from '../../slack/deps.js';
import { failureReply } from '../../slack/failure.js';
import { COMMANDS } from '../../slack/ids.js';
import { resolveRole } from '../permissions.js';
import { helpMessage } from '../views/help.js';

export async function answerHelp({ database, logger }: ListenerDeps, { command, ack, client }: CommandArgs, unknown?: string): Promise<void> {
  try {
    const lookup = { client, db: database.db, logger, teamId: command.team_id, userId: command.user_id };
    const role = await resolveRole(lookup);
    const needsSetup = role === 'admin' && !(await findWorkspaceSettings(database.db, command.team_id));
    await ack({ response_type: 'ephemeral', ...helpMessage({ role, ...(unknown ? { unknown } : {}), needsSetup }) });
  } catch (error) {
    logger.error(`${COMMANDS.groundwork} help failed: ${String(error)}`);
    await ack({ response_type: 'ephemeral', ...failureReply(error, 'read') });
  }
}
