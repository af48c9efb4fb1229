/**
 * `/groundwork help | settings | grant @person role | revoke @person | my-data | forget-me | stop-invites |
 * start-invites`: team setup and each person's control of their data. This listener
 * only routes; each subcommand lives in its own module.
 */
import { parseGroundworkText } from '../groundwork-command.js';
import type { CommandArgs, ListenerDeps } from '../../slack/deps.js';
import { answerHelp } from './groundwork-help.js';
import { grantRoleCommand, revokeRoleCommand } from './groundwork-roles.js';
import { openSettingsCommand } from './groundwork-settings.js';
import { sendMyDataCommand } from '../../privacy/listeners/my-data.js';
import { openForgetMeCommand } from '../../privacy/listeners/forget-me.js';
import { invitationPreferenceCommand } from '../../privacy/listeners/invitation-preference.js';

export function groundworkCommand(deps: ListenerDeps) {
  return async (args: CommandArgs): Promise<void> => {
    const request = parseGroundworkText(args.command.text);
    switch (request.kind) {
      case 'help':
        return answerHelp(deps, args, request.unknown);
      case 'settings':
        return openSettingsCommand(deps, args);
      case 'grant':
        return grantRoleCommand(deps, args, request.parsed);
      case 'revoke':
        return revokeRoleCommand(deps, args, request.parsed);
      case 'my-data':
        return sendMyDataCommand(deps, args);
      case 'forget-me':
        return openForgetMeCommand(deps, args);
      case 'stop-invites':
        return invitationPreferenceCommand(deps, args, 'stop');
      case 'start-invites':
        return invitationPreferenceCommand(deps, args, 'start');
    }
  };
}
