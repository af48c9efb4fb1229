/**
 * What a person sees when their role does not allow something: which role it needs, and who can
 * give it to them. Pure.
 */
import { ROLE_LABELS, ROLE_PLURAL, ROLE_WITH_ARTICLE, type Role } from '../roles.js';
import { COMMANDS } from '../../slack/ids.js';
import { plainReply, type SlackMessage } from '../../slack/messages.js';

export interface DeniedOptions {
  /** "Changing settings" — what they tried, as the start of a sentence. */
  what: string;
  needed: Role;
  actual: Role;
  /** Admins we know of, to ask by name. */
  admins: readonly string[];
  /** User groups whose members hold the needed role. */
  groups: readonly string[];
}

export function deniedMessage(options: DeniedOptions): SlackMessage {
  const { what, needed, actual, admins, groups } = options;
  const lines = [
    `:lock: ${what} needs the *${ROLE_LABELS[needed]}* role; you're ${ROLE_WITH_ARTICLE[actual]} in Groundwork. Nothing was changed.`,
  ];
  const sources = ['Workspace admins and owners are Groundwork admins'];
  if (groups.length > 0) sources.push(`members of ${groups.map((id) => `<!subteam^${id}>`).join(', ')} are ${ROLE_PLURAL[needed]}`);
  const askWhom = admins.length > 0 ? ` Ask ${admins.map((id) => `<@${id}>`).join(', ')}.` : '';
  lines.push(`${sources.join('; ')}. An admin can give you the role with \`${COMMANDS.groundwork} grant @you ${needed}\`.${askWhom}`);
  return plainReply(lines.join('\n'));
}
