/**
 * Every guarded entry point in GUARDED (src/team/permissions.ts), tried by people whose role is
 * too low: each is refused with the role needed and who can grant it, writes nothing, and calls
 * nothing in Slack. The `attempts` table is typed by the registry, so a new guarded entry does not
 * compile until it has an attempt here.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { savePerson } from '../../src/team/queries/people.js';
import { saveWorkspaceSettings } from '../../src/team/queries/settings.js';
import { ROLES, hasRole, type Role } from '../../src/team/roles.js';
import { EMPTY_SETTINGS } from '../../src/team/settings.js';
import { ACTIONS, VIEWS } from '../../src/slack/ids.js';
import { GUARDED, type GuardedEntry, type GuardedName } from '../../src/team/permissions.js';
import { startTestApp, type SlackResponse, type TestApp } from '../support/harness.js';
import { blockAction, viewSubmission } from '../support/payloads.js';
import { settingsState, snapshotTables, useWorkspace } from '../support/workspace.js';
import { shiftState } from '../support/shifts.js';
import { trainingState } from '../support/trainings.js';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.stop();
});

const TEAM = 'T0GROUND';
const db = () => t.db.database.db;

/** One person per role, each holding it the way real people do. */
const PERSON: Record<Role, string> = { volunteer: 'U0VOLUNTEER', leader: 'U0LEAD', staff: 'U0STAFF', admin: 'U0ADMIN' };

beforeEach(async () => {
  await t.db.reset();
  t.slack.reset();
  useWorkspace(t.slack, { admins: [PERSON.admin], usergroups: { S0LEADS: { handle: 'team-leads', members: [PERSON.leader] } } });
  // Everyone's Slack profile is cached and recent, so a refusal needs no users.info call (and writes no cache).
  for (const userId of Object.values(PERSON)) {
    await savePerson(db(), TEAM, userId, { timeZone: 'America/Chicago', isAdmin: userId === PERSON.admin, isOwner: false });
  }
  await saveWorkspaceSettings(db(), TEAM, { ...EMPTY_SETTINGS, timeZone: 'Europe/London', leaderUsergroupIds: ['S0LEADS'] }, PERSON.admin);
  await db()
    .insertInto('usergroup_members')
    .values({ team_id: TEAM, usergroup_id: 'S0LEADS', user_id: PERSON.leader })
    .execute();
  await db()
    .insertInto('role_grants')
    .values([
      { team_id: TEAM, user_id: PERSON.staff, role: 'staff', granted_by: PERSON.admin },
      { team_id: TEAM, user_id: 'U0GRANTED', role: 'leader', granted_by: PERSON.admin },
    ])
    .execute();
});

/** What each guarded entry point would do if allowed: every one of them writes or opens something. */
const attempts: Record<GuardedName, (userId: string) => Promise<SlackResponse>> = {
  settingsCommand: (userId) => t.command('/groundwork', 'settings', { userId }),
  settingsFromHome: (userId) => t.interact(blockAction({ actionId: ACTIONS.homeSettings, value: 'settings', userId, view: { id: 'V0HOME', hash: 'h0', callbackId: '', privateMetadata: '', type: 'home' } })),
  settingsSubmission: (userId) =>
    t.interact(viewSubmission({ callbackId: VIEWS.settings, viewId: 'V0SETTINGS', values: settingsState(), privateMetadata: '{}', userId })),
  grantCommand: (userId) => t.command('/groundwork', 'grant <@U0NEWCOMER|newcomer> admin', { userId }),
  revokeCommand: (userId) => t.command('/groundwork', 'revoke <@U0GRANTED|granted>', { userId }),
  shiftNewCommand: (userId) => t.command('/shift', 'new', { userId }),
  shiftEditCommand: (userId) => t.command('/shift', 'edit', { userId }),
  shiftCancelCommand: (userId) => t.command('/shift', 'cancel', { userId }),
  shiftRosterCommand: (userId) => t.command('/shift', 'roster', { userId }),
  newShiftFromHome: (userId) => t.interact(blockAction({ actionId: ACTIONS.homeNewShift, value: 'new', userId, view: { id: 'V0HOME', hash: 'h0', callbackId: '', privateMetadata: '', type: 'home' } })),
  editShiftFromHome: (userId) => t.interact(blockAction({ actionId: ACTIONS.homeEditShift, value: '1', userId, view: { id: 'V0HOME', hash: 'h0', callbackId: '', privateMetadata: '', type: 'home' } })),
  cancelShiftFromHome: (userId) => t.interact(blockAction({ actionId: ACTIONS.homeCancelShift, value: '1', userId, view: { id: 'V0HOME', hash: 'h0', callbackId: '', privateMetadata: '', type: 'home' } })),
  editTrainingFromHome: (userId) => t.interact(blockAction({ actionId: ACTIONS.homeEditTraining, value: '1', userId, view: { id: 'V0HOME', hash: 'h0', callbackId: '', privateMetadata: '', type: 'home' } })),
  cancelTrainingFromHome: (userId) => t.interact(blockAction({ actionId: ACTIONS.homeCancelTraining, value: '1', userId, view: { id: 'V0HOME', hash: 'h0', callbackId: '', privateMetadata: '', type: 'home' } })),
  shiftNewSubmission: (userId) =>
    t.interact(viewSubmission({ callbackId: VIEWS.shiftNew, viewId: 'V0SHIFT', values: shiftState(), privateMetadata: JSON.stringify({ timeZone: 'Europe/London', announceChannelId: 'C0ANNOUNCE' }), userId })),
  shiftEditSubmission: (userId) =>
    t.interact(viewSubmission({ callbackId: VIEWS.shiftEdit, viewId: 'V0EDIT', values: shiftState(), privateMetadata: JSON.stringify({ timeZone: 'Europe/London', opportunityId: 1 }), userId })),
  shiftCancelSubmission: (userId) => t.interact(viewSubmission({ callbackId: VIEWS.shiftCancel, viewId: 'V0CANCEL', values: {}, privateMetadata: JSON.stringify({ opportunityId: 1 }), userId })),
  shiftRosterSubmission: (userId) =>
    t.interact(
      viewSubmission({ callbackId: VIEWS.shiftRoster, viewId: 'V0ROSTER', values: { shift_remove: { value: { type: 'users_select', selected_user: 'U0GRANTED' } } }, privateMetadata: JSON.stringify({ opportunityId: 1 }), userId }),
    ),
  shiftPickSubmission: (userId) =>
    t.interact(
      viewSubmission({ callbackId: VIEWS.shiftPick, viewId: 'V0PICK', values: { shift_pick: { value: { type: 'static_select', selected_option: { value: '1', text: { type: 'plain_text', text: '#1' } } } } }, privateMetadata: JSON.stringify({ purpose: 'roster' }), userId }),
    ),
  shiftAttendanceSubmission: (userId) =>
    t.interact(
      viewSubmission({ callbackId: VIEWS.shiftAttendance, viewId: 'V0ATTEND', values: { shift_attendance_0: { value: { type: 'checkboxes', selected_options: [] } } }, privateMetadata: JSON.stringify({ opportunityId: 1 }), userId }),
    ),
  trainingNewCommand: (userId) => t.command('/training', 'new', { userId }),
  trainingListCommand: (userId) => t.command('/training', 'list', { userId }),
  trainingEditCommand: (userId) => t.command('/training', 'edit 1', { userId }),
  trainingCancelCommand: (userId) => t.command('/training', 'cancel 1', { userId }),
  trainingAttendanceCommand: (userId) => t.command('/training', 'attendance 1', { userId }),
  trainingReportCommand: (userId) => t.command('/training', 'report', { userId }),
  trainingSkillCommand: (userId) => t.command('/training', 'skill <@U0GRANTED|granted> door knocking', { userId }),
  newTrainingFromHome: (userId) => t.interact(blockAction({ actionId: ACTIONS.homeNewTraining, value: 'new', userId, view: { id: 'V0HOME', hash: 'h0', callbackId: '', privateMetadata: '', type: 'home' } })),
  trainingNewSubmission: (userId) =>
    t.interact(viewSubmission({ callbackId: VIEWS.trainingNew, viewId: 'V0TRAINING', values: trainingState(), privateMetadata: JSON.stringify({ timeZone: 'Europe/London', announceChannelId: 'C0ANNOUNCE' }), userId })),
  trainingEditSubmission: (userId) =>
    t.interact(viewSubmission({ callbackId: VIEWS.trainingEdit, viewId: 'V0TEDIT', values: trainingState(), privateMetadata: JSON.stringify({ timeZone: 'Europe/London', opportunityId: 1 }), userId })),
  trainingCancelSubmission: (userId) => t.interact(viewSubmission({ callbackId: VIEWS.trainingCancel, viewId: 'V0TCANCEL', values: {}, privateMetadata: JSON.stringify({ opportunityId: 1 }), userId })),
  trainingAttendanceSubmission: (userId) =>
    t.interact(
      viewSubmission({ callbackId: VIEWS.trainingAttendance, viewId: 'V0TATTEND', values: { training_walk_ins: { value: { type: 'multi_users_select', selected_users: ['U0GRANTED'] } } }, privateMetadata: JSON.stringify({ opportunityId: 1 }), userId }),
    ),
  trainingPickSubmission: (userId) =>
    t.interact(
      viewSubmission({ callbackId: VIEWS.trainingPick, viewId: 'V0TPICK', values: { training_pick: { value: { type: 'static_select', selected_option: { value: '1', text: { type: 'plain_text', text: '#1' } } } } }, privateMetadata: JSON.stringify({ purpose: 'attendance' }), userId }),
    ),
  segmentCommand: (userId) => t.command('/segment', '', { userId }),
  segmentInvite: (userId) => t.interact(blockAction({ actionId: ACTIONS.segmentInvite, value: 'bridgers', userId, view: { id: 'V0SEGMENTS', hash: 'h0', callbackId: 'segments', privateMetadata: '' } })),
  inviteChooseSubmission: (userId) =>
    t.interact(viewSubmission({ callbackId: VIEWS.inviteChoose, viewId: 'V0INVITE', values: { invite_opportunity: { value: { type: 'static_select', selected_option: { value: '1', text: { type: 'plain_text', text: '#1' } } } } }, privateMetadata: JSON.stringify({ segment: 'bridgers' }), userId })),
  inviteSendSubmission: (userId) => t.interact(viewSubmission({ callbackId: VIEWS.inviteSend, viewId: 'V0SEND', values: {}, privateMetadata: JSON.stringify({ segment: 'bridgers', opportunityId: 1 }), userId })),
  leaderAskTraining: (userId) => t.interact(blockAction({ actionId: ACTIONS.leaderAskTraining, value: 'U0GRANTED|2026-11-23', userId, responseUrl: t.slack.responseUrl('leader') })),
  leaderAskHost: (userId) => t.interact(blockAction({ actionId: ACTIONS.leaderAskHost, value: 'U0GRANTED|2026-11-23', userId, responseUrl: t.slack.responseUrl('leader') })),
  leaderSnooze: (userId) => t.interact(blockAction({ actionId: ACTIONS.leaderSnooze, value: 'U0GRANTED|2026-11-23', userId, responseUrl: t.slack.responseUrl('leader') })),
  segmentExport: (userId) => t.interact(blockAction({ actionId: ACTIONS.segmentExport, value: 'bridgers', userId, view: { id: 'V0SEGMENTS', hash: 'h0', callbackId: 'segments', privateMetadata: '' } })),
};

const entries = Object.entries(GUARDED) as [GuardedName, GuardedEntry][];
const refusals = entries.flatMap(([name, entry]) => ROLES.filter((role) => !hasRole(role, entry.needed)).map((role) => [name, entry.id, role] as const));

/** The text a person sees in a refusal, wherever the entry point shows it. */
async function refusalText(entry: GuardedEntry, reply: SlackResponse): Promise<string> {
  if (entry.kind === 'action') {
    // A button on the Home tab has no message to answer in: the refusal opens a small modal.
    const [open] = await t.slack.waitFor('views.open');
    return String(open?.args.view);
  }
  if (entry.kind === 'view') {
    expect(reply.json?.response_action).toBe('update');
    return JSON.stringify(reply.json?.view);
  }
  expect(reply.json?.response_type).toBe('ephemeral');
  return String(reply.json?.text);
}

describe('guarded entry points', () => {
  it('include the settings command and modal, grant and revoke', () => {
    expect(entries.map(([, entry]) => `${entry.kind} ${entry.id} needs ${entry.needed}`)).toEqual([
      'subcommand /groundwork settings needs admin',
      'view workspace_settings needs admin',
      'action home_settings needs admin',
      'subcommand /groundwork grant needs admin',
      'subcommand /groundwork revoke needs admin',
      'subcommand /shift new needs staff',
      'subcommand /shift edit needs staff',
      'subcommand /shift cancel needs staff',
      'subcommand /shift roster needs staff',
      'action home_new_shift needs staff',
      'action home_edit_shift needs staff',
      'action home_cancel_shift needs staff',
      'action home_edit_training needs staff',
      'action home_cancel_training needs staff',
      'view shift_new needs staff',
      'view shift_edit needs staff',
      'view shift_cancel needs staff',
      'view shift_roster needs staff',
      'view shift_pick needs staff',
      'view shift_attendance needs staff',
      'subcommand /training new needs staff',
      'subcommand /training list needs staff',
      'subcommand /training edit needs staff',
      'subcommand /training cancel needs staff',
      'subcommand /training attendance needs staff',
      'subcommand /training report needs staff',
      'subcommand /training skill needs staff',
      'action home_new_training needs staff',
      'view training_new needs staff',
      'view training_edit needs staff',
      'view training_cancel needs staff',
      'view training_attendance needs staff',
      'view training_pick needs staff',
      'command /segment needs staff',
      'action segment_export needs staff',
      'action segment_invite needs staff',
      'view invite_choose needs staff',
      'view invite_send needs staff',
      'action leader_ask_training needs staff',
      'action leader_ask_host needs staff',
      'action leader_snooze needs staff',
    ]);
  });

  it.each(refusals)('%s (%s) refuses a %s, naming the role needed and who grants it, and changes nothing', async (name, _id, role) => {
    const entry = GUARDED[name];
    const before = await snapshotTables(db());
    const reply = await attempts[name](PERSON[role]);
    expect(reply.status).toBe(200);
    const text = await refusalText(entry, reply);
    expect(text).toContain(':lock:');
    expect(text).toContain(`needs the *${entry.needed}* role`);
    expect(text).toContain(`/groundwork grant @you ${entry.needed}`);
    expect(text).toContain('Workspace admins and owners are Groundwork admins');
    expect(text).toContain(`<@${PERSON.admin}>`);
    expect(text).toContain('Nothing was changed');

    expect(await snapshotTables(db())).toEqual(before);
    // Once the app's work after the ack is done, there must still be nothing written.
    await t.settle();
    expect(await snapshotTables(db())).toEqual(before);
    // auth.test is Bolt authorizing the request, not something the listener did.
    // The only call allowed is the refusal itself, where a Home-tab button has to open a modal to show it.
    const refusalCalls = entry.kind === 'action' ? ['views.open'] : [];
    expect(t.slack.calls.map((c) => c.method).filter((method) => method !== 'auth.test')).toEqual(refusalCalls);
  });

  it.each(entries.map(([name, entry]) => [name, entry.id] as const))('%s (%s) lets an admin through (so the refusals above are about the role)', async (name) => {
    const reply = await attempts[name](PERSON.admin);
    expect(reply.status).toBe(200);
    expect(reply.text).not.toContain(':lock:');
    // Let the admin's post-ack work finish before the next test resets the database.
    const opensModal: GuardedName[] = ['settingsCommand', 'settingsFromHome', 'shiftNewCommand', 'shiftEditCommand', 'shiftCancelCommand', 'shiftRosterCommand', 'newShiftFromHome', 'trainingNewCommand', 'newTrainingFromHome', 'segmentCommand'];
    if (opensModal.includes(name)) await t.slack.waitFor('views.update');
    if (name === 'settingsSubmission') expect(await db().selectFrom('workspace_settings').select('time_zone').execute()).toEqual([{ time_zone: 'America/Chicago' }]);
    if (name === 'trainingNewSubmission') expect(await db().selectFrom('trainings').select('title').execute()).toEqual([{ title: 'Door knocking 101' }]);
    if (name === 'shiftNewSubmission') expect(await db().selectFrom('shifts').select('title').execute()).toEqual([{ title: 'Call voters about the library levy' }]);
    // The settings confirmation (no response_url here), the grant/revoke notices and a new shift's confirmation are DMs.
    const sendsDm: GuardedName[] = ['settingsSubmission', 'grantCommand', 'revokeCommand', 'shiftNewSubmission', 'trainingNewSubmission', 'trainingSkillCommand'];
    if (sendsDm.includes(name)) await t.slack.waitFor('chat.postMessage');
    // What an admin's click does after the ack: a file in their DM, the invitation modal, an answer.
    const afterAck: Partial<Record<GuardedName, string>> = { segmentExport: 'files.completeUploadExternal', segmentInvite: 'views.push', leaderAskTraining: 'response_url', leaderAskHost: 'response_url', leaderSnooze: 'response_url' };
    const expected = afterAck[name];
    if (expected) {
      await t.settle();
      expect(t.slack.callsTo(expected).length).toBeGreaterThan(0);
    }
    await t.settle();
  });

  it('asks Slack about a volunteer it has never seen, once, and caches only that', async () => {
    const before = await snapshotTables(db());
    const reply = await attempts.grantCommand('U0STRANGER');
    expect(reply.json?.text).toContain(':lock:');
    expect(t.slack.calls.map((c) => c.method)).toEqual(['users.info']);
    const after = await snapshotTables(db());
    expect({ ...after, people: before.people }).toEqual(before);
    expect(after.people).toHaveLength((before.people?.length ?? 0) + 1);
  });
});
