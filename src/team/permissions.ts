/**
 * The one permission check. Every guarded entry point is listed in GUARDED with the role it needs,
 * and its listener calls requireRole before doing anything; test/slack/permissions.test.ts walks
 * this list and proves a volunteer is refused by each entry with nothing written.
 *
 * How a role is resolved (see resolveRole): from PostgreSQL only — Slack's admin/owner flags cached
 * on `people`, grants, and the cached members of the staff and leader user groups. Slack is asked
 * (users.info) only when that cache cannot answer for the person in front of us:
 *  - Their admin flags were never read. A workspace admin's first act after installing is typically
 *    `/groundwork settings`; refusing them would be wrong, and treating "unknown" as volunteer while
 *    refreshing in the background would refuse them once. So we ask users.info once, before the ack,
 *    bounded to USERS_INFO_BUDGET_MS (it answers in ~100 ms) so the ack still lands inside Slack's 3 s;
 *    the answer is cached in the same `people` row as the time zone.
 *  - The cache would refuse them and is older than RECHECK_REFUSAL_AFTER_MS, so someone made a
 *    workspace admin a minute ago is not turned away for a day. Refusals are rare; this costs nothing
 *    on the path of anyone who is allowed.
 * Someone allowed only by a day-old admin flag is allowed, and the flag is refreshed after the check
 * (not awaited), so a workspace admin who was demoted loses Groundwork admin on their next attempt.
 */
import type { Logger } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Kysely } from 'kysely';
import { knownAdmins, roleFactsOf } from './queries/roles.js';
import type { DB } from '../db/schema.js';
import { findWorkspaceSettings } from './queries/settings.js';
import { hasRole, roleFromSources, type Role } from './roles.js';
import { within } from '../lib/deadline.js';
import { ACTIONS, COMMANDS, VIEWS } from '../slack/ids.js';
import { PERSON_REFRESH_AFTER_MS, refreshPerson } from './slack-profiles.js';
import type { SlackMessage } from '../slack/messages.js';
import { deniedMessage } from './views/permission-denied.js';

export type GuardedKind = 'command' | 'subcommand' | 'action' | 'view';

export interface GuardedEntry {
  kind: GuardedKind;
  /** The command (with subcommand), action_id or callback_id Slack routes on. */
  id: string;
  needed: Role;
  /** What the person tried, as the start of a sentence: "Changing settings needs …". */
  what: string;
}

/** Every entry point that needs more than the volunteer role. Add new ones here, then guard their listener. */
export const GUARDED = {
  settingsCommand: { kind: 'subcommand', id: `${COMMANDS.groundwork} settings`, needed: 'admin', what: 'Changing settings' },
  settingsSubmission: { kind: 'view', id: VIEWS.settings, needed: 'admin', what: 'Changing settings' },
  settingsFromHome: { kind: 'action', id: ACTIONS.homeSettings, needed: 'admin', what: 'Changing settings' },
  grantCommand: { kind: 'subcommand', id: `${COMMANDS.groundwork} grant`, needed: 'admin', what: 'Granting a role' },
  revokeCommand: { kind: 'subcommand', id: `${COMMANDS.groundwork} revoke`, needed: 'admin', what: 'Revoking a role' },
  shiftNewCommand: { kind: 'subcommand', id: `${COMMANDS.shift} new`, needed: 'staff', what: 'Scheduling a shift' },
  shiftEditCommand: { kind: 'subcommand', id: `${COMMANDS.shift} edit`, needed: 'staff', what: 'Editing a shift' },
  shiftCancelCommand: { kind: 'subcommand', id: `${COMMANDS.shift} cancel`, needed: 'staff', what: 'Cancelling a shift' },
  shiftRosterCommand: { kind: 'subcommand', id: `${COMMANDS.shift} roster`, needed: 'staff', what: "Seeing a shift's roster" },
  newShiftFromHome: { kind: 'action', id: ACTIONS.homeNewShift, needed: 'staff', what: 'Scheduling a shift' },
  editShiftFromHome: { kind: 'action', id: ACTIONS.homeEditShift, needed: 'staff', what: 'Editing a shift' },
  cancelShiftFromHome: { kind: 'action', id: ACTIONS.homeCancelShift, needed: 'staff', what: 'Cancelling a shift' },
  editTrainingFromHome: { kind: 'action', id: ACTIONS.homeEditTraining, needed: 'staff', what: 'Editing a training' },
  cancelTrainingFromHome: { kind: 'action', id: ACTIONS.homeCancelTraining, needed: 'staff', what: 'Cancelling a training' },
  shiftNewSubmission: { kind: 'view', id: VIEWS.shiftNew, needed: 'staff', what: 'Scheduling a shift' },
  shiftEditSubmission: { kind: 'view', id: VIEWS.shiftEdit, needed: 'staff', what: 'Editing a shift' },
  shiftCancelSubmission: { kind: 'view', id: VIEWS.shiftCancel, needed: 'staff', what: 'Cancelling a shift' },
  shiftRosterSubmission: { kind: 'view', id: VIEWS.shiftRoster, needed: 'staff', what: 'Removing someone from a shift' },
  shiftPickSubmission: { kind: 'view', id: VIEWS.shiftPick, needed: 'staff', what: 'Managing shifts' },
  shiftAttendanceSubmission: { kind: 'view', id: VIEWS.shiftAttendance, needed: 'staff', what: 'Marking attendance' },
  trainingNewCommand: { kind: 'subcommand', id: `${COMMANDS.training} new`, needed: 'staff', what: 'Scheduling a training' },
  trainingListCommand: { kind: 'subcommand', id: `${COMMANDS.training} list`, needed: 'staff', what: 'Managing trainings' },
  trainingEditCommand: { kind: 'subcommand', id: `${COMMANDS.training} edit`, needed: 'staff', what: 'Editing a training' },
  trainingCancelCommand: { kind: 'subcommand', id: `${COMMANDS.training} cancel`, needed: 'staff', what: 'Cancelling a training' },
  trainingAttendanceCommand: { kind: 'subcommand', id: `${COMMANDS.training} attendance`, needed: 'staff', what: "Marking a training's attendance" },
  trainingReportCommand: { kind: 'subcommand', id: `${COMMANDS.training} report`, needed: 'staff', what: "Seeing the trainings' report" },
  trainingSkillCommand: { kind: 'subcommand', id: `${COMMANDS.training} skill`, needed: 'staff', what: 'Recording a skill' },
  newTrainingFromHome: { kind: 'action', id: ACTIONS.homeNewTraining, needed: 'staff', what: 'Scheduling a training' },
  trainingNewSubmission: { kind: 'view', id: VIEWS.trainingNew, needed: 'staff', what: 'Scheduling a training' },
  trainingEditSubmission: { kind: 'view', id: VIEWS.trainingEdit, needed: 'staff', what: 'Editing a training' },
  trainingCancelSubmission: { kind: 'view', id: VIEWS.trainingCancel, needed: 'staff', what: 'Cancelling a training' },
  trainingAttendanceSubmission: { kind: 'view', id: VIEWS.trainingAttendance, needed: 'staff', what: "Marking a training's attendance" },
  trainingPickSubmission: { kind: 'view', id: VIEWS.trainingPick, needed: 'staff', what: 'Managing trainings' },
  segmentCommand: { kind: 'command', id: COMMANDS.segment, needed: 'staff', what: 'Seeing segments' },
  segmentExport: { kind: 'action', id: ACTIONS.segmentExport, needed: 'staff', what: 'Exporting a segment' },
  segmentInvite: { kind: 'action', id: ACTIONS.segmentInvite, needed: 'staff', what: 'Inviting a segment' },
  inviteChooseSubmission: { kind: 'view', id: VIEWS.inviteChoose, needed: 'staff', what: 'Inviting a segment' },
  inviteSendSubmission: { kind: 'view', id: VIEWS.inviteSend, needed: 'staff', what: 'Inviting a segment' },
  leaderAskTraining: { kind: 'action', id: ACTIONS.leaderAskTraining, needed: 'staff', what: 'Asking someone to lead' },
  leaderAskHost: { kind: 'action', id: ACTIONS.leaderAskHost, needed: 'staff', what: 'Asking someone to lead' },
  leaderSnooze: { kind: 'action', id: ACTIONS.leaderSnooze, needed: 'staff', what: 'Snoozing someone in leader spotting' },
} as const satisfies Record<string, GuardedEntry>;

export type GuardedName = keyof typeof GUARDED;

const USERS_INFO_BUDGET_MS = 1500;
const RECHECK_REFUSAL_AFTER_MS = 10 * 60 * 1000;
const ADMINS_NAMED_IN_REFUSAL = 3;

export interface RoleLookup {
  client: WebClient;
  db: Kysely<DB>;
  logger: Logger;
  teamId: string;
  userId: string;
}

/** A person's role; with `needed`, Slack may be asked once when the cache would refuse them (see above). */
export async function resolveRole(lookup: RoleLookup & { needed?: Role }): Promise<Role> {
  const { client, db, logger, teamId, userId, needed } = lookup;
  const facts = await roleFactsOf(db, teamId, userId);
  const role = roleFromSources(facts);
  const age = facts.adminFlagsReadAt ? Date.now() - facts.adminFlagsReadAt.getTime() : Infinity;
  if (needed && hasRole(role, needed)) {
    if (facts.workspaceAdmin && age > PERSON_REFRESH_AFTER_MS) {
      void refreshPerson(client, db, teamId, userId).catch((error: unknown) => logger.warn(`Could not refresh ${userId} from users.info: ${String(error)}`));
    }
    return role;
  }
  const mustAsk = facts.adminFlagsReadAt === null || (needed !== undefined && age > RECHECK_REFUSAL_AFTER_MS);
  if (!mustAsk) return role;
  const person = await within(refreshPerson(client, db, teamId, userId), USERS_INFO_BUDGET_MS, undefined);
  if (!person) return role;
  return roleFromSources({ ...facts, workspaceAdmin: person.isAdmin || person.isOwner });
}

/**
 * Resolves the person's role and, when it is not enough for `entry`, sends the refusal through
 * `refuse` (an ephemeral ack, a modal update …). Returns whether the listener may go on.
 */
export async function requireRole(options: RoleLookup & { entry: GuardedEntry; refuse: (message: SlackMessage) => Promise<void> }): Promise<boolean> {
  const { entry, refuse, ...lookup } = options;
  const role = await resolveRole({ ...lookup, needed: entry.needed });
  if (hasRole(role, entry.needed)) return true;
  const [admins, settings] = await Promise.all([
    knownAdmins(lookup.db, lookup.teamId, ADMINS_NAMED_IN_REFUSAL),
    findWorkspaceSettings(lookup.db, lookup.teamId),
  ]);
  const groups = entry.needed === 'staff' ? settings?.staffUsergroupIds : entry.needed === 'leader' ? settings?.leaderUsergroupIds : undefined;
  lookup.logger.info(`Refused ${entry.kind} ${entry.id} to ${lookup.userId} (${role}; needs ${entry.needed})`);
  await refuse(deniedMessage({ what: entry.what, needed: entry.needed, actual: role, admins, groups: groups ?? [] }));
  return false;
}
