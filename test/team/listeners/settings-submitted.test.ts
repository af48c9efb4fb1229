import { beforeEach, describe, expect, it } from 'vitest';
import { roleOf } from '../../../src/team/queries/roles.js';
import { saveWorkspaceSettings } from '../../../src/team/queries/settings.js';
import { EMPTY_SETTINGS } from '../../../src/team/settings.js';
import { useTestApp } from '../../support/harness.js';
import { viewSubmission } from '../../support/payloads.js';
import { settingsState, useWorkspace, type SettingsInput, type WorkspaceFixture } from '../../support/workspace.js';

const t = useTestApp();

beforeEach(async () => {
  useWorkspace(t().slack, WORKSPACE);
});

const TEAM = 'T0GROUND';
const WORKSPACE: WorkspaceFixture = {
  admins: ['U0ADMIN'],
  usergroups: {
    S0STAFF: { handle: 'organizers', name: 'Organizers', members: ['U0STAFF1', 'U0STAFF2'] },
    S0LEADS: { handle: 'team-leads', name: 'Team leads', members: ['U0LEAD'] },
    S0OTHER: { handle: 'field', name: 'Field staff', members: ['U0FIELD'] },
  },
};

const db = () => t().db.database.db;
const settingsRows = () => db().selectFrom('workspace_settings').selectAll().execute();
const memberRows = () => db().selectFrom('usergroup_members').select(['usergroup_id', 'user_id']).orderBy('usergroup_id').orderBy('user_id').execute();

function submit(values: ReturnType<typeof settingsState>, options: { userId?: string; responseUrl?: string | null } = {}) {
  const responseUrl = options.responseUrl === undefined ? t().slack.responseUrl('settings') : options.responseUrl;
  return t().interact(
    viewSubmission({
      callbackId: 'workspace_settings',
      viewId: 'V0SETTINGS',
      values,
      privateMetadata: JSON.stringify(responseUrl ? { responseUrl } : {}),
      userId: options.userId ?? 'U0ADMIN',
    }),
  );
}

describe('saving settings', () => {
  it('opens from /groundwork settings, stores what the admin chose, reads the groups, and tells the admin', async () => {
    const opened = await t().command('/groundwork', 'settings', { userId: 'U0ADMIN', triggerId: 'trigger.settings' });
    expect(opened.status).toBe(200);
    expect(opened.text).toBe('');
    const [update] = await t().slack.waitFor('views.update');
    const view = JSON.parse(String(update?.args.view));
    expect(view.callback_id).toBe('workspace_settings');
    const metadata = JSON.parse(view.private_metadata);
    expect(metadata.responseUrl).toBe(t().slack.responseUrl());

    const saved = await submit(settingsState(), { responseUrl: metadata.responseUrl });
    expect(saved.status).toBe(200);
    // An empty ack closes the modal.
    expect(saved.text).toBe('');

    expect(await settingsRows()).toEqual([
      expect.objectContaining({
        team_id: TEAM,
        digest_channel_id: 'C0DIGEST',
        digest_day: 1,
        digest_time: '09:00',
        time_zone: 'America/Chicago',
        staff_usergroup_ids: ['S0STAFF'],
        leader_usergroup_ids: ['S0LEADS'],
        story_emoji: 'star',
        announcement_channel_id: 'C0ANNOUNCE',
        updated_by: 'U0ADMIN',
      }),
    ]);
    // Both channels were checked with Slack before saving.
    expect(t().slack.callsTo('conversations.info').map((c) => c.args.channel).sort()).toEqual(['C0ANNOUNCE', 'C0DIGEST']);

    const [told] = await t().slack.waitFor('response_url');
    const text = String(told?.args.text);
    expect(told?.args.response_type).toBe('ephemeral');
    expect(text).toContain('Groundwork settings saved');
    expect(text).toContain('Weekly digest: <#C0DIGEST>, Monday at 09:00 (America/Chicago)');
    expect(text).toContain('Staff: <!subteam^S0STAFF> (2 people)');
    expect(text).toContain('Leaders: <!subteam^S0LEADS> (1 person)');
    expect(text).toContain('react with :star:');
    expect(text).toContain('Announcements: <#C0ANNOUNCE>');

    // The groups' members were cached right after the save, so their roles hold at once.
    expect(await memberRows()).toEqual([
      { usergroup_id: 'S0LEADS', user_id: 'U0LEAD' },
      { usergroup_id: 'S0STAFF', user_id: 'U0STAFF1' },
      { usergroup_id: 'S0STAFF', user_id: 'U0STAFF2' },
    ]);
    expect(await roleOf(db(), TEAM, 'U0STAFF1')).toBe('staff');
    expect(await roleOf(db(), TEAM, 'U0LEAD')).toBe('leader');
    expect(await roleOf(db(), TEAM, 'U0FIELD')).toBe('volunteer');
  });

  it('normalizes what was typed: the time zone to its IANA name, the emoji to its name', async () => {
    await submit(settingsState({ timeZone: ' us/eastern ', emoji: 'Tada', digestChannel: null, announcementChannel: null, staff: [], leaders: [] }));
    expect(await settingsRows()).toEqual([
      expect.objectContaining({ time_zone: 'America/New_York', story_emoji: 'tada', digest_channel_id: null, announcement_channel_id: null, staff_usergroup_ids: [], leader_usergroup_ids: [] }),
    ]);
    const [told] = await t().slack.waitFor('response_url');
    expect(String(told?.args.text)).toContain('Weekly digest: off (no channel chosen)');
    expect(String(told?.args.text)).toContain('Staff: no user group');
    expect(t().slack.callsTo('conversations.info')).toHaveLength(0);
  });

  it('replaces earlier settings, forgetting the members of a group no longer used', async () => {
    await submit(settingsState());
    await t().slack.waitFor('response_url');
    await submit(settingsState({ staff: ['S0OTHER'], leaders: [], day: '5', time: '17:30' }));
    await t().slack.waitFor('response_url', 2);
    expect(await settingsRows()).toEqual([expect.objectContaining({ staff_usergroup_ids: ['S0OTHER'], leader_usergroup_ids: [], digest_day: 5, digest_time: '17:30' })]);
    expect(await memberRows()).toEqual([{ usergroup_id: 'S0OTHER', user_id: 'U0FIELD' }]);
    expect(await roleOf(db(), TEAM, 'U0STAFF1')).toBe('volunteer');
    expect(await roleOf(db(), TEAM, 'U0FIELD')).toBe('staff');
  });

  it('keeps the saved groups when the modal had no group pickers (Slack would not list the groups)', async () => {
    await saveWorkspaceSettings(db(), TEAM, { ...EMPTY_SETTINGS, staffUsergroupIds: ['S0STAFF'] }, 'U0ADMIN');
    await submit(settingsState({ staff: undefined, leaders: undefined }));
    expect(await settingsRows()).toEqual([expect.objectContaining({ staff_usergroup_ids: ['S0STAFF'], leader_usergroup_ids: [] })]);
    await t().slack.waitFor('response_url');
  });

  it('sends the confirmation as a DM when there is no response_url to answer on', async () => {
    await submit(settingsState(), { responseUrl: null });
    const [dm] = await t().slack.waitFor('chat.postMessage');
    expect(dm?.args.channel).toBe('U0ADMIN');
    expect(String(dm?.args.text)).toContain('Groundwork settings saved');
  });
});

describe('a settings form with a problem', () => {
  const cases: [name: string, input: SettingsInput, fixture: WorkspaceFixture, blockId: string, says: string][] = [
    ['an unknown time zone', { timeZone: 'Mars/Olympus' }, {}, 'time_zone', '"Mars/Olympus" is not a time zone I know'],
    ['an abbreviation for a time zone', { timeZone: 'EST' }, {}, 'time_zone', 'like America/Chicago'],
    ['a city without its region', { timeZone: 'Chicago' }, {}, 'time_zone', 'did you mean America/Chicago'],
    ['an empty time zone', { timeZone: '' }, {}, 'time_zone', 'Enter the time zone'],
    ['no digest day', { day: null }, {}, 'digest_day', 'Choose the day'],
    ['no digest time', { time: null }, {}, 'digest_time', 'Choose the time'],
    ['a digest channel the app is not in', {}, { notMemberOf: ['C0DIGEST'] }, 'digest_channel', 'Invite me first: type /invite @Groundwork'],
    ['a private announcement channel the app cannot see', {}, { invisible: ['C0ANNOUNCE'] }, 'announcement_channel', 'Invite me first'],
    ['an archived digest channel', {}, { archived: ['C0DIGEST'] }, 'digest_channel', 'archived'],
    ['two emoji for stories', { emoji: ':star: :tada:' }, {}, 'story_emoji', "one emoji's name"],
    ['a group that is both staff and leaders', { leaders: ['S0STAFF'] }, {}, 'leader_groups', 'either staff or leaders'],
  ];

  it.each(cases)('refuses %s on its field and stores nothing', async (_name, input, fixture, blockId, says) => {
    useWorkspace(t().slack, { ...WORKSPACE, ...fixture });
    const reply = await submit(settingsState(input));
    expect(reply.status).toBe(200);
    expect(reply.json?.response_action).toBe('errors');
    expect(Object.keys(reply.json?.errors ?? {})).toEqual([blockId]);
    expect(reply.json?.errors[blockId]).toContain(says);
    expect(await settingsRows()).toEqual([]);
    expect(await memberRows()).toEqual([]);
    expect(t().slack.callsTo('response_url')).toHaveLength(0);
    expect(t().slack.callsTo('usergroups.users.list')).toHaveLength(0);
  });

  it('names every problem at once', async () => {
    useWorkspace(t().slack, { ...WORKSPACE, notMemberOf: ['C0ANNOUNCE'] });
    const reply = await submit(settingsState({ timeZone: 'nowhere', emoji: '', time: null }));
    expect(Object.keys(reply.json?.errors ?? {}).sort()).toEqual(['announcement_channel', 'digest_time', 'story_emoji', 'time_zone']);
    expect(await settingsRows()).toEqual([]);
  });

  it('asks to save again when Slack cannot say whether the app is in a channel', async () => {
    t().slack.on('conversations.info', () => ({ ok: false, error: 'internal_error' }));
    const reply = await submit(settingsState());
    expect(reply.json?.errors).toEqual({
      digest_channel: expect.stringContaining("couldn't check that channel"),
      announcement_channel: expect.stringContaining("couldn't check that channel"),
    });
    expect(await settingsRows()).toEqual([]);
  });
});

describe('a settings submission of a shape Slack never sends', () => {
  /** Well under the 3 s after which Slack gives up on an answer (and Bolt's own timeout answers 404). */
  const ANSWERED_WITHIN_MS = 1500;
  type Values = Record<string, unknown>;
  const element = (type: string, fields: Record<string, unknown>) => ({ value: { type, ...fields } });
  const option = (value: unknown) => ({ value, text: { type: 'plain_text', text: String(value) } });

  /** A good form with `change` applied, submitted by an admin. */
  async function submitHostile(change: { values?: (values: Values) => void; state?: unknown; metadata?: unknown }) {
    const values: Values = settingsState();
    change.values?.(values);
    const started = performance.now();
    const reply = await t().interact(
      viewSubmission({
        callbackId: 'workspace_settings',
        viewId: 'V0SETTINGS',
        values,
        privateMetadata: 'metadata' in change ? change.metadata : JSON.stringify({ responseUrl: t().slack.responseUrl('settings') }),
        userId: 'U0ADMIN',
        ...('state' in change ? { state: change.state } : {}),
      }),
    );
    return { reply, elapsed: performance.now() - started };
  }

  async function expectNothingSaved() {
    await t().settle();
    expect(await settingsRows()).toEqual([]);
    expect(await memberRows()).toEqual([]);
    expect(t().slack.callsTo('response_url')).toHaveLength(0);
    expect(t().slack.callsTo('chat.postMessage')).toHaveLength(0);
    expect(t().logs.join('\n')).not.toContain('Unhandled listener error');
  }

  const unreadable = "couldn't read this field";
  const fieldCases: [name: string, change: (values: Values) => void, blockId: string, says: string][] = [
    ['the digest channel as a number', (v) => void (v.digest_channel = element('conversations_select', { selected_conversation: 42 })), 'digest_channel', unreadable],
    ['a digest channel that is no channel id', (v) => void (v.digest_channel = element('conversations_select', { selected_conversation: 'general' })), 'digest_channel', unreadable],
    ['a digest channel as an object', (v) => void (v.digest_channel = element('conversations_select', { selected_conversation: { id: 'C0DIGEST' } })), 'digest_channel', unreadable],
    ['no digest channel block', (v) => void delete v.digest_channel, 'digest_channel', unreadable],
    ['a digest day never offered', (v) => void (v.digest_day = element('static_select', { selected_option: option('7') })), 'digest_day', 'from the list'],
    ['the digest day "1.0"', (v) => void (v.digest_day = element('static_select', { selected_option: option('1.0') })), 'digest_day', 'from the list'],
    ['the digest day as a number', (v) => void (v.digest_day = element('static_select', { selected_option: option(1) })), 'digest_day', 'from the list'],
    ['the digest day as a bare string', (v) => void (v.digest_day = element('static_select', { selected_option: 'monday' })), 'digest_day', 'from the list'],
    ['no digest day block', (v) => void delete v.digest_day, 'digest_day', unreadable],
    ['the digest time "9:00"', (v) => void (v.digest_time = element('timepicker', { selected_time: '9:00' })), 'digest_time', unreadable],
    ['the digest time "24:00"', (v) => void (v.digest_time = element('timepicker', { selected_time: '24:00' })), 'digest_time', unreadable],
    ['the digest time as a number', (v) => void (v.digest_time = element('timepicker', { selected_time: 900 })), 'digest_time', unreadable],
    ['the time zone as a number', (v) => void (v.time_zone = element('plain_text_input', { value: 42 })), 'time_zone', unreadable],
    ['the time zone as an array', (v) => void (v.time_zone = element('plain_text_input', { value: ['America/Chicago'] })), 'time_zone', unreadable],
    ['no time zone block', (v) => void delete v.time_zone, 'time_zone', unreadable],
    ['the staff groups as a string', (v) => void (v.staff_groups = element('multi_static_select', { selected_options: 'S0STAFF' })), 'staff_groups', unreadable],
    ['a staff group that is no group id', (v) => void (v.staff_groups = element('multi_static_select', { selected_options: [option('C0DIGEST')] })), 'staff_groups', unreadable],
    ['the leader groups block as a string', (v) => void (v.leader_groups = 'S0LEADS'), 'leader_groups', unreadable],
    ['the leader groups block as null', (v) => void (v.leader_groups = null), 'leader_groups', unreadable],
    ['the story emoji as an object', (v) => void (v.story_emoji = element('plain_text_input', { value: { name: 'star' } })), 'story_emoji', unreadable],
    ['the announcement channel from another kind of element', (v) => void (v.announcement_channel = element('channels_select', { selected_channel: 'C0ANNOUNCE' })), 'announcement_channel', unreadable],
  ];

  it.each(fieldCases)('answers %s at once with an error on that field, and saves nothing', async (_name, change, blockId, says) => {
    const { reply, elapsed } = await submitHostile({ values: change });
    expect(elapsed).toBeLessThan(ANSWERED_WITHIN_MS);
    expect(reply.status).toBe(200);
    expect(reply.json?.response_action).toBe('errors');
    expect(Object.keys(reply.json?.errors ?? {})).toEqual([blockId]);
    expect(reply.json?.errors[blockId]).toContain(says);
    await expectNothingSaved();
  });

  const refusals: [name: string, change: Parameters<typeof submitHostile>[0]][] = [
    ['no state at all', { state: undefined }],
    ['values as an array', { state: { values: [] } }],
    ['values as null', { state: { values: null } }],
    ['private_metadata that is not JSON', { metadata: '{responseUrl:' }],
    ['private_metadata that is JSON but not ours', { metadata: '"settings"' }],
    ['a response_url that is a number', { metadata: '{"responseUrl":5}' }],
    ['a response_url that is not a web address', { metadata: '{"responseUrl":"file:///etc/passwd"}' }],
    ['no private_metadata', { metadata: undefined }],
  ];

  it.each(refusals)('refuses %s at once, saying nothing was saved', async (_name, change) => {
    const { reply, elapsed } = await submitHostile(change);
    expect(elapsed).toBeLessThan(ANSWERED_WITHIN_MS);
    expect(reply.status).toBe(200);
    expect(reply.json?.response_action).toBe('update');
    expect(JSON.stringify(reply.json?.view.blocks)).toContain("couldn't read this form, so nothing was saved. Close it and start again with /groundwork settings");
    await expectNothingSaved();
  });
});
