import { beforeEach, describe, expect, it } from 'vitest';
import { roleOf } from '../../../src/team/queries/roles.js';
import { saveWorkspaceSettings } from '../../../src/team/queries/settings.js';
import { EMPTY_SETTINGS } from '../../../src/team/settings.js';
import { useTestApp } from '../../support/harness.js';
import { eventBody, eventHeaders } from '../../support/slack-request.js';
import { useWorkspace, type WorkspaceFixture } from '../../support/workspace.js';

const t = useTestApp();

beforeEach(async () => {
  await saveWorkspaceSettings(db(), TEAM, { ...EMPTY_SETTINGS, staffUsergroupIds: ['S0STAFF'], leaderUsergroupIds: ['S0LEADS'] }, 'U0ADMIN');
});

const TEAM = 'T0GROUND';
const db = () => t().db.database.db;
const members = (usergroupId: string) =>
  db().selectFrom('usergroup_members').select('user_id').where('usergroup_id', '=', usergroupId).orderBy('user_id').execute().then((rows) => rows.map((r) => r.user_id));

function workspace(staff: string[], leads: string[] = []): WorkspaceFixture {
  return { usergroups: { S0STAFF: { handle: 'organizers', members: staff }, S0LEADS: { handle: 'team-leads', members: leads }, S0BAKERS: { handle: 'bakers', members: ['U0BAKER'] } } };
}

async function send(event: Record<string, unknown> & { type: string }, options: { retryNum?: number } = {}) {
  const body = eventBody(event);
  const reply = await t().post(body, eventHeaders(body, options));
  expect(reply.status).toBe(200);
}

function membersChanged(subteamId: string, added: string[] = [], removed: string[] = []) {
  return { type: 'subteam_members_changed', subteam_id: subteamId, team_id: TEAM, date_previous_update: 1, date_update: 2, added_users: added, added_users_count: added.length, removed_users: removed, removed_users_count: removed.length, event_ts: '1700000000.000100' };
}

async function eventually<T>(read: () => Promise<T>, expected: T, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    try {
      expect(value).toEqual(expected);
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}

describe('a staff or leader user group changes in Slack', () => {
  it('re-reads the group, so someone added to @organizers is staff and shown so in help', async () => {
    useWorkspace(t().slack, workspace(['U0MARIA']));
    expect(await roleOf(db(), TEAM, 'U0MARIA')).toBe('volunteer');
    await send(membersChanged('S0STAFF', ['U0MARIA']));
    await eventually(() => members('S0STAFF'), ['U0MARIA']);
    expect(t().slack.callsTo('usergroups.users.list').map((c) => c.args.usergroup)).toEqual(['S0STAFF']);
    expect(await roleOf(db(), TEAM, 'U0MARIA')).toBe('staff');

    const help = await t().command('/groundwork', 'help', { userId: 'U0MARIA' });
    expect(help.json?.text).toContain("you're staff");
  });

  it('drops someone removed from the group back to their other roles', async () => {
    useWorkspace(t().slack, workspace(['U0MARIA'], ['U0MARIA']));
    await send(membersChanged('S0STAFF', ['U0MARIA']));
    await send(membersChanged('S0LEADS', ['U0MARIA']));
    await eventually(() => members('S0LEADS'), ['U0MARIA']);
    await eventually(() => members('S0STAFF'), ['U0MARIA']);
    expect(await roleOf(db(), TEAM, 'U0MARIA')).toBe('staff');

    useWorkspace(t().slack, workspace([], ['U0MARIA']));
    await send(membersChanged('S0STAFF', [], ['U0MARIA']));
    await eventually(() => members('S0STAFF'), []);
    expect(await roleOf(db(), TEAM, 'U0MARIA')).toBe('leader');
  });

  it('takes a redelivered event in its stride', async () => {
    useWorkspace(t().slack, workspace(['U0A', 'U0B']));
    await send(membersChanged('S0STAFF', ['U0A', 'U0B']));
    await send(membersChanged('S0STAFF', ['U0A', 'U0B']), { retryNum: 1 });
    await t().slack.waitFor('usergroups.users.list', 2);
    await eventually(() => members('S0STAFF'), ['U0A', 'U0B']);
  });

  it('ignores groups the workspace does not use for a role', async () => {
    useWorkspace(t().slack, workspace([]));
    await send(membersChanged('S0BAKERS', ['U0BAKER']));
    // A used group's event afterwards proves the first one was handled (and skipped) by then.
    await send(membersChanged('S0STAFF'));
    await t().slack.waitFor('usergroups.users.list');
    await t().settle();
    expect(t().slack.callsTo('usergroups.users.list').map((c) => c.args.usergroup)).toEqual(['S0STAFF']);
    expect(await members('S0BAKERS')).toEqual([]);
    expect(await roleOf(db(), TEAM, 'U0BAKER')).toBe('volunteer');
  });

  it('forgets the members of a group that was deleted (subteam_updated)', async () => {
    await db().insertInto('usergroup_members').values({ team_id: TEAM, usergroup_id: 'S0STAFF', user_id: 'U0MARIA' }).execute();
    useWorkspace(t().slack, { usergroups: {} });
    await send({ type: 'subteam_updated', subteam: { id: 'S0STAFF', team_id: TEAM, is_usergroup: true, name: 'Organizers', handle: 'organizers', date_delete: 1700000000 }, event_ts: '1700000000.000200' });
    await eventually(() => members('S0STAFF'), []);
    expect(await roleOf(db(), TEAM, 'U0MARIA')).toBe('volunteer');
  });

  it('keeps the cached members when Slack fails to answer, and logs why', async () => {
    await db().insertInto('usergroup_members').values({ team_id: TEAM, usergroup_id: 'S0STAFF', user_id: 'U0MARIA' }).execute();
    t().slack.on('usergroups.users.list', () => ({ ok: false, error: 'ratelimited' }));
    await send(membersChanged('S0STAFF', ['U0NEW']));
    await t().slack.waitFor('usergroups.users.list');
    await eventually(async () => t().logs.some((line) => line.includes('Could not refresh user group S0STAFF')), true);
    expect(await members('S0STAFF')).toEqual(['U0MARIA']);
  });
});
