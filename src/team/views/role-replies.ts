/**
 * Answers to `/groundwork grant` and `/groundwork revoke`, and the note the person concerned gets.
 * Pure. A grant is not the only source of a role, so each answer says what the person ends up with.
 */
import { ROLE_LABELS, ROLE_WITH_ARTICLE, roleFromSources, type GrantableRole, type Role, type RoleSources } from '../roles.js';
import { COMMANDS } from '../../slack/ids.js';
import { plainReply, type SlackMessage } from '../../slack/messages.js';

export function grantedReply(options: { userId: string; role: GrantableRole; previous: GrantableRole | null; after: RoleSources; byUserId: string }): SlackMessage {
  const { userId, role, previous, after, byUserId } = options;
  const head =
    previous === role
      ? `:ballot_box_with_check: <@${userId}> already had the *${ROLE_LABELS[role]}* role, so nothing changed.`
      : `:white_check_mark: <@${userId}> now has the *${ROLE_LABELS[role]}* role${previous ? ` (it was ${ROLE_LABELS[previous]})` : ''}.${userId === byUserId ? '' : " I'll let them know."}`;
  const effective = roleFromSources(after);
  const note = effective !== role ? ` They are ${ROLE_WITH_ARTICLE[effective]} all the same, ${sourceOf(effective, after)}.` : '';
  return plainReply(`${head}${note}`);
}

export function revokedReply(options: { userId: string; removed: GrantableRole | null; after: RoleSources; byUserId: string }): SlackMessage {
  const { userId, removed, after, byUserId } = options;
  const effective = roleFromSources(after);
  const head = removed
    ? `:white_check_mark: Took back the *${ROLE_LABELS[removed]}* role from <@${userId}>.${userId === byUserId ? '' : " I'll let them know."}`
    : `:ballot_box_with_check: <@${userId}> had no role given with \`${COMMANDS.groundwork} grant\`, so nothing changed.`;
  const now =
    effective === 'volunteer'
      ? removed
        ? ' They are a volunteer now.'
        : ''
      : ` They are still ${ROLE_WITH_ARTICLE[effective]}, ${sourceOf(effective, after)}.`;
  return plainReply(`${head}${now}`);
}

export type RoleChange = { granted: GrantableRole } | { revoked: GrantableRole };

/** The direct message the person whose role changed receives. */
export function roleChangedNotice(byUserId: string, change: RoleChange): SlackMessage {
  const text =
    'granted' in change
      ? `:tada: <@${byUserId}> gave you the *${ROLE_LABELS[change.granted]}* role in Groundwork. Type \`${COMMANDS.groundwork} help\` to see what you can do now.`
      : `<@${byUserId}> took back the *${ROLE_LABELS[change.revoked]}* role you had in Groundwork.`;
  return plainReply(text);
}

function sourceOf(role: Role, sources: RoleSources): string {
  if (role === 'admin' && sources.workspaceAdmin) return 'as a workspace admin or owner';
  if (role === 'staff' && sources.inStaffGroup) return 'through a staff user group (see /groundwork settings)';
  if (role === 'leader' && sources.inLeaderGroup) return 'through a leader user group (see /groundwork settings)';
  return 'through the role they were given';
}
