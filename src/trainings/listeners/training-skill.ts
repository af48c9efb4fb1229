/**
 * `/training skill @person <tactic>` (staff): records a skill someone earned elsewhere (another
 * group's training, years of doing it), so shifts that require it open up to them. Once per person
 * and skill; the person is told by DM.
 */
import { TACTICS, type TacticId } from '../../domain/tactics.js';
import type { ListenerDeps } from '../../slack/deps.js';
import { COMMANDS } from '../../slack/ids.js';
import { failureReply } from '../../slack/failure.js';
import { plainReply } from '../../slack/messages.js';
import { GUARDED, requireRole } from '../../team/permissions.js';
import { refreshHome } from '../../home/publish-home.js';
import { recordSkillByHand } from '../queries/skills.js';
import type { TrainingCommandArgs } from './training-command.js';

export async function recordSkillCommand({ database, logger }: ListenerDeps, { command, ack, client }: TrainingCommandArgs, userId: string, skill: TacticId): Promise<void> {
  const deps = { db: database.db, client, logger };
  const teamId = command.team_id;
  const name = TACTICS[skill].name;
  let outcome: 'recorded' | 'already';
  try {
    const allowed = await requireRole({ ...deps, teamId, userId: command.user_id, entry: GUARDED.trainingSkillCommand, refuse: (message) => ack({ response_type: 'ephemeral', ...message }) });
    if (!allowed) return;
    outcome = await recordSkillByHand(database.db, { teamId, userId, skill, recordedBy: command.user_id, now: new Date() });
  } catch (error) {
    logger.error(`/training skill failed: ${String(error)}`);
    await ack({ response_type: 'ephemeral', ...failureReply(error, 'saved') });
    return;
  }
  if (outcome === 'already') {
    await ack({ response_type: 'ephemeral', ...plainReply(`:white_check_mark: <@${userId}> already has the *${name}* skill; nothing changed.`) });
    return;
  }
  await ack({ response_type: 'ephemeral', ...plainReply(`:white_check_mark: Recorded: <@${userId}> has the *${name}* skill. Shifts that require it are open to them now; they get a DM.`) });
  await client.chat
    .postMessage({ channel: userId, ...plainReply(`:mortar_board: <@${command.user_id}> recorded that you have the *${name}* skill, so shifts that need it are open to you. \`${COMMANDS.shifts}\` lists them.`) })
    .catch((error: unknown) => logger.warn(`Could not tell ${userId} about a recorded skill: ${String(error)}`));
  await refreshHome({ ...deps, teamId, userId });
}
