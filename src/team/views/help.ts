/**
 * `/groundwork help`: what this person can do with their role, one example each. Pure. The role
 * each guarded command needs comes from the permission registry, so help and the check agree.
 */
import { exampleFor } from '../../logging/parse-log-text.js';
import { ROLE_WITH_ARTICLE, hasRole, type Role } from '../roles.js';
import { COMMANDS } from '../../slack/ids.js';
import { GUARDED } from '../permissions.js';
import type { SlackMessage } from '../../slack/messages.js';

interface HelpEntry {
  usage: string;
  what: string;
  example: string;
  needed: Role;
}

const GW = COMMANDS.groundwork;

const ENTRIES: readonly HelpEntry[] = [
  { usage: COMMANDS.logKnock, what: 'log a door-knocking session (no text opens the form)', example: `${COMMANDS.logKnock} ${exampleFor('door_knocking')}`, needed: 'volunteer' },
  { usage: COMMANDS.logAction, what: 'log any organizing action, offline or online, in a short form', example: `${COMMANDS.logAction} phone bank`, needed: 'volunteer' },
  { usage: `${GW} help`, what: 'this list', example: `${GW} help`, needed: 'volunteer' },
  { usage: `${GW} my-data`, what: 'everything Groundwork stores about you, as a file in your DM', example: `${GW} my-data`, needed: 'volunteer' },
  { usage: `${GW} forget-me`, what: 'delete everything Groundwork stores about you (you confirm first)', example: `${GW} forget-me`, needed: 'volunteer' },
  { usage: `${GW} stop-invites` + ' · ' + `${GW} start-invites`, what: "stop or start staff's batch invitations to shifts and trainings", example: `${GW} stop-invites`, needed: 'volunteer' },
  {
    usage: `${GW} settings`,
    what: 'digest channel and time, time zone, staff and leader user groups, story emoji, announcement channel',
    example: `${GW} settings`,
    needed: GUARDED.settingsCommand.needed,
  },
  { usage: `${GW} grant @person leader|staff|admin`, what: 'give one person a role', example: `${GW} grant @maria staff`, needed: GUARDED.grantCommand.needed },
  { usage: `${GW} revoke @person`, what: 'take back a role given with grant', example: `${GW} revoke @maria`, needed: GUARDED.revokeCommand.needed },
];

export interface HelpOptions {
  role: Role;
  /** A subcommand that does not exist, named back to the person. */
  unknown?: string;
  /** True for an admin whose workspace has no settings yet: point them at the first step. */
  needsSetup?: boolean;
}

export function helpMessage(options: HelpOptions): SlackMessage {
  const { role, unknown, needsSetup } = options;
  const available = ENTRIES.filter((entry) => hasRole(role, entry.needed));
  const opening = unknown
    ? `:thinking_face: I don't know \`${GW} ${unknown.slice(0, 50)}\`. Here is what you can do; you're ${ROLE_WITH_ARTICLE[role]} in Groundwork.`
    : `:wave: Here is what you can do in Groundwork; you're ${ROLE_WITH_ARTICLE[role]}.`;
  const list = available.map((entry) => `• \`${entry.usage}\`: ${entry.what}.\n    Example: \`${entry.example}\``).join('\n');
  const blocks: SlackMessage['blocks'] = [
    { type: 'section', text: { type: 'mrkdwn', text: opening } },
    { type: 'section', text: { type: 'mrkdwn', text: list } },
  ];
  if (needsSetup) {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: `:point_right: Nothing is set up yet: start with \`${GW} settings\`.` } });
  }
  blocks.push({
    type: 'context',
    elements: [
      {
        type: 'mrkdwn',
        text:
          'Roles: volunteer, leader, staff, admin; each can do everything the ones before it can. Workspace admins and owners are admins; ' +
          `staff and leaders come from the user groups chosen in settings, or from \`${GW} grant\`.`,
      },
    ],
  });
  const fallback = [opening, ...available.map((entry) => `${entry.usage}: ${entry.what}. Example: ${entry.example}`)].join('\n');
  return { text: fallback, blocks };
}
