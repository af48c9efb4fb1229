/** `/groundwork stop-invites` and `/groundwork start-invites`: the answer comes in the ack. */
import type { CommandArgs, ListenerDeps } from '../../slack/deps.js';
import { failureReply } from '../../slack/failure.js';
import { optInToInvitations, optOutOfInvitations } from '../queries.js';
import { invitesStarted, invitesStopped } from '../views/privacy-views.js';

export async function invitationPreferenceCommand({ database, logger }: ListenerDeps, { command, ack }: CommandArgs, wants: 'stop' | 'start'): Promise<void> {
  try {
    const reply =
      wants === 'stop'
        ? invitesStopped(await optOutOfInvitations(database.db, command.team_id, command.user_id))
        : invitesStarted(await optInToInvitations(database.db, command.team_id, command.user_id));
    await ack({ response_type: 'ephemeral', ...reply });
  } catch (error) {
    logger.error(`${wants}-invites failed: ${String(error)}`);
    await ack({ response_type: 'ephemeral', ...failureReply(error, 'changed') });
  }
}
