/**
 * What someone asked for with `/groundwork …`: help, settings, granting and revoking a role, their own
 * data (my-data, forget-me) and whether they get batch invitations (stop-invites, start-invites).
 * Pure: the text in, a request (or the problem with it) out.
 *
 * Slack sends a person picked from the @-autocomplete as `<@U123|maria>` (the command escapes
 * mentions); a name typed without picking stays plain `@maria`, which names nobody we can trust.
 */
import { GRANTABLE_ROLES, isGrantableRole, type GrantableRole } from './roles.js';

export type Parsed<T> = ({ ok: true } & T) | { ok: false; problem: string };

export type GroundworkRequest =
  | { kind: 'help'; unknown?: string }
  | { kind: 'settings' }
  | { kind: 'grant'; parsed: Parsed<{ userId: string; role: GrantableRole }> }
  | { kind: 'revoke'; parsed: Parsed<{ userId: string }> }
  | { kind: 'my-data' }
  | { kind: 'forget-me' }
  | { kind: 'stop-invites' }
  | { kind: 'start-invites' };

const MENTION = /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$/;
const ROLE_LIST = GRANTABLE_ROLES.join(', ');

export function parseGroundworkText(text: string): GroundworkRequest {
  // A mention stays one word even if the name in it has spaces: <@U123|maria lopez>.
  const [first = '', ...rest] = text.match(/<[^>]*>|[^\s<]+/g) ?? [];
  const subcommand = first.toLowerCase();
  switch (subcommand) {
    case '':
    case 'help':
      return { kind: 'help' };
    case 'settings':
    case 'setup':
      return { kind: 'settings' };
    case 'grant':
      return { kind: 'grant', parsed: parseGrant(rest) };
    case 'revoke':
      return { kind: 'revoke', parsed: parsePerson(rest, 'revoke') };
    case 'my-data':
    case 'forget-me':
    case 'stop-invites':
    case 'start-invites':
      return { kind: subcommand };
    default:
      return { kind: 'help', unknown: first };
  }
}

function parseGrant(words: string[]): Parsed<{ userId: string; role: GrantableRole }> {
  const person = parsePerson(words, 'grant');
  if (!person.ok) return person;
  const roleWords = words.filter((word) => !word.startsWith('<@') && !word.startsWith('@'));
  if (roleWords.length === 0) return { ok: false, problem: `Which role? Choose one of ${ROLE_LIST}.` };
  const role = roleWords.join(' ').toLowerCase().replace(/s$/, '');
  if (role === 'volunteer') {
    return { ok: false, problem: 'Everyone is a volunteer already. To take a granted role away, use `/groundwork revoke @person`.' };
  }
  if (!isGrantableRole(role)) return { ok: false, problem: `"${roleWords.join(' ')}" is not a role. Choose one of ${ROLE_LIST}.` };
  return { ok: true, userId: person.userId, role };
}

function parsePerson(words: string[], verb: 'grant' | 'revoke'): Parsed<{ userId: string }> {
  const mentions = words.filter((word) => word.startsWith('<@') || word.startsWith('@'));
  if (mentions.length === 0) return { ok: false, problem: `Who should I ${verb}? Mention one person with @.` };
  if (mentions.length > 1) return { ok: false, problem: `One person at a time, please: I found ${mentions.length} mentions.` };
  const mention = mentions[0] ?? '';
  const userId = MENTION.exec(mention)?.[1];
  if (!userId) {
    return {
      ok: false,
      problem: `I couldn't tell who ${mention} is. Pick the person from the list that appears as you type @, so Slack tells me exactly who they are.`,
    };
  }
  return { ok: true, userId };
}
