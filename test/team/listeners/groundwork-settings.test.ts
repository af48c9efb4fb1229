import { beforeEach, describe, expect, it } from 'vitest';
import { savePerson } from '../../../src/team/queries/people.js';
import { saveWorkspaceSettings } from '../../../src/team/queries/settings.js';
import { useTestApp } from '../../support/harness.js';
import { useWorkspace, type WorkspaceFixture } from '../../support/workspace.js';

const t = useTestApp();

beforeEach(async () => {
  useWorkspace(t().slack, WORKSPACE);
});

const TEAM = 'T0GROUND';
const WORKSPACE: WorkspaceFixture = {
  admins: ['U0ADMIN'],
  usergroups: {
    S0STAFF: { handle: 'organizers', name: 'Organizers', members: ['U0STAFF1'] },
    S0LEADS: { handle: 'team-leads', name: 'Team leads', members: ['U0LEAD'] },
  },
};

const db = () => t().db.database.db;

interface Block {
  type: string;
  block_id?: string;
  element?: Record<string, any>;
  elements?: { text: string }[];
}

async function openedSettings(): Promise<{ open: Record<string, any>; view: { callback_id: string; blocks: Block[]; private_metadata: string } }> {
  const [open] = await t().slack.waitFor('views.open');
  const [update] = await t().slack.waitFor('views.update');
  return { open: JSON.parse(String(open?.args.view)), view: JSON.parse(String(update?.args.view)) };
}

const block = (blocks: Block[], blockId: string) => blocks.find((b) => b.block_id === blockId);

describe('/groundwork settings', () => {
  it('lets a workspace admin who never used Groundwork in, with a loading modal at once and the form once read', async () => {
    const reply = await t().command('/groundwork', 'settings', { userId: 'U0ADMIN', triggerId: 'trigger.first' });
    expect(reply.status).toBe(200);
    expect(reply.text).toBe('');

    const { open, view } = await openedSettings();
    expect(t().slack.callsTo('views.open')[0]?.args.trigger_id).toBe('trigger.first');
    expect(JSON.stringify(open.blocks)).toContain('Loading');
    expect(t().slack.callsTo('views.update')[0]?.args.view_id).toBe('V1');
    expect(view.callback_id).toBe('workspace_settings');

    // Nothing saved yet: the admin's own time zone, a Monday-morning digest and a star are offered.
    expect(block(view.blocks, 'time_zone')?.element?.initial_value).toBe('America/Chicago');
    expect(block(view.blocks, 'digest_day')?.element?.initial_option.value).toBe('1');
    expect(block(view.blocks, 'digest_time')?.element?.initial_time).toBe('09:00');
    expect(block(view.blocks, 'story_emoji')?.element?.initial_value).toBe(':star:');
    const digest = block(view.blocks, 'digest_channel')?.element;
    expect(digest?.type).toBe('conversations_select');
    expect(digest?.filter).toEqual({ include: ['public', 'private'], exclude_bot_users: true });
    expect(digest?.initial_conversation).toBeUndefined();
    const staff = block(view.blocks, 'staff_groups')?.element;
    expect(staff?.type).toBe('multi_static_select');
    expect(staff?.options.map((o: { text: { text: string } }) => o.text.text)).toEqual(['@organizers', '@team-leads']);
    expect(staff?.initial_options).toBeUndefined();

    // Slack was asked who they are once, and the answer cached with their time zone.
    expect(await db().selectFrom('people').select(['user_id', 'time_zone', 'is_admin', 'is_owner']).execute()).toEqual([
      { user_id: 'U0ADMIN', time_zone: 'America/Chicago', is_admin: true, is_owner: false },
    ]);
    expect(t().slack.callsTo('users.info')).toHaveLength(1);
  });

  it('shows what is saved', async () => {
    await saveWorkspaceSettings(
      db(),
      TEAM,
      {
        digestChannelId: 'C0DIGEST',
        digestDay: 5,
        digestTime: '16:30',
        timeZone: 'Europe/London',
        staffUsergroupIds: ['S0STAFF'],
        leaderUsergroupIds: ['S0LEADS'],
        storyEmoji: 'tada',
        announcementChannelId: 'C0ANNOUNCE',
      },
      'U0ADMIN',
    );
    await t().command('/groundwork', 'settings', { userId: 'U0ADMIN' });
    const { view } = await openedSettings();
    expect(block(view.blocks, 'digest_channel')?.element?.initial_conversation).toBe('C0DIGEST');
    expect(block(view.blocks, 'digest_day')?.element?.initial_option).toEqual({ text: { type: 'plain_text', text: 'Friday' }, value: '5' });
    expect(block(view.blocks, 'digest_time')?.element?.initial_time).toBe('16:30');
    expect(block(view.blocks, 'time_zone')?.element?.initial_value).toBe('Europe/London');
    expect(block(view.blocks, 'staff_groups')?.element?.initial_options.map((o: { value: string }) => o.value)).toEqual(['S0STAFF']);
    expect(block(view.blocks, 'leader_groups')?.element?.initial_options.map((o: { value: string }) => o.value)).toEqual(['S0LEADS']);
    expect(block(view.blocks, 'story_emoji')?.element?.initial_value).toBe(':tada:');
    expect(block(view.blocks, 'announcement_channel')?.element?.initial_conversation).toBe('C0ANNOUNCE');
  });

  it('explains that a workspace without user groups grants roles one person at a time', async () => {
    useWorkspace(t().slack, { admins: ['U0ADMIN'], usergroups: {} });
    await t().command('/groundwork', 'settings', { userId: 'U0ADMIN' });
    const { view } = await openedSettings();
    expect(block(view.blocks, 'staff_groups')).toBeUndefined();
    expect(JSON.stringify(view.blocks)).toContain('no user groups yet');
    expect(JSON.stringify(view.blocks)).toContain('/groundwork grant @person staff');
  });

  it('leaves the group pickers out, and the saved groups alone, when Slack will not list the groups', async () => {
    t().slack.on('usergroups.list', () => ({ ok: false, error: 'missing_scope' }));
    await t().command('/groundwork', 'settings', { userId: 'U0ADMIN' });
    const { view } = await openedSettings();
    expect(block(view.blocks, 'staff_groups')).toBeUndefined();
    expect(JSON.stringify(view.blocks)).toContain("couldn't read this workspace's user groups");
  });

  it('refuses a member who is not an admin, asking Slack once and then trusting the cache', async () => {
    const first = await t().command('/groundwork', 'settings', { userId: 'U0MEMBER' });
    expect(first.json?.response_type).toBe('ephemeral');
    expect(first.json?.text).toContain(':lock: Changing settings needs the *admin* role');
    expect(first.json?.text).toContain('/groundwork grant @you admin');
    const again = await t().command('/groundwork', 'settings', { userId: 'U0MEMBER' });
    expect(again.json?.text).toContain(':lock:');
    expect(t().slack.callsTo('users.info')).toHaveLength(1);
    expect(t().slack.callsTo('views.open')).toHaveLength(0);
  });

  it('asks Slack again before refusing someone whose cached profile is older than ten minutes (they may have just been made admin)', async () => {
    await savePerson(db(), TEAM, 'U0PROMOTED', { timeZone: 'America/Chicago', isAdmin: false, isOwner: false });
    await db().updateTable('people').set({ refreshed_at: new Date(Date.now() - 20 * 60_000) }).execute();
    useWorkspace(t().slack, { ...WORKSPACE, owners: ['U0PROMOTED'] });
    const reply = await t().command('/groundwork', 'settings', { userId: 'U0PROMOTED' });
    expect(reply.text).toBe('');
    await openedSettings();
    expect(await db().selectFrom('people').select(['is_admin', 'is_owner']).where('user_id', '=', 'U0PROMOTED').executeTakeFirst()).toEqual({
      is_admin: true,
      is_owner: true,
    });
  });

  it('never asks Slack about someone whose cached profile is recent', async () => {
    await savePerson(db(), TEAM, 'U0MEMBER', { timeZone: 'America/Chicago', isAdmin: false, isOwner: false });
    const reply = await t().command('/groundwork', 'settings', { userId: 'U0MEMBER' });
    expect(reply.json?.text).toContain(':lock:');
    expect(t().slack.callsTo('users.info')).toHaveLength(0);
  });

  it('names the admins it knows when refusing', async () => {
    await savePerson(db(), TEAM, 'U0ADMIN', { timeZone: 'America/Chicago', isAdmin: true, isOwner: false });
    await db().insertInto('role_grants').values({ team_id: TEAM, user_id: 'U0GRANTED', role: 'admin', granted_by: 'U0ADMIN' }).execute();
    const reply = await t().command('/groundwork', 'settings', { userId: 'U0MEMBER' });
    expect(reply.json?.text).toContain('Ask <@U0ADMIN>, <@U0GRANTED>.');
  });

  it('says so when the modal cannot be opened', async () => {
    t().slack.on('views.open', () => ({ ok: false, error: 'expired_trigger_id' }));
    const reply = await t().command('/groundwork', 'settings', { userId: 'U0ADMIN' });
    expect(reply.text).toBe('');
    const [answer] = await t().slack.waitFor('response_url');
    expect(String(answer?.args.text)).toContain('I could not open the *Groundwork settings* form');
  });
});
