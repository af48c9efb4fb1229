import { beforeEach, describe, expect, it } from 'vitest';
import { savePerson } from '../../../src/team/queries/people.js';
import { saveWorkspaceSettings } from '../../../src/team/queries/settings.js';
import { EMPTY_SETTINGS } from '../../../src/team/settings.js';
import { useTestApp } from '../../support/harness.js';
import { useWorkspace } from '../../support/workspace.js';

const t = useTestApp();

beforeEach(async () => {
  useWorkspace(t().slack, { admins: ['U0ADMIN'] });
});

const TEAM = 'T0GROUND';
const db = () => t().db.database.db;
const help = async (userId: string, text = 'help') => {
  const reply = await t().command('/groundwork', text, { userId });
  expect(reply.status).toBe(200);
  expect(reply.json?.response_type).toBe('ephemeral');
  return { text: String(reply.json?.text), blocks: JSON.stringify(reply.json?.blocks) };
};

const VOLUNTEER_COMMANDS = ['/log-knock', '/log-action', '/groundwork help'];
const ADMIN_COMMANDS = ['/groundwork settings', '/groundwork grant @person leader|staff|admin', '/groundwork revoke @person'];

describe('/groundwork help', () => {
  it('shows a volunteer their commands, each with an example, and nothing they cannot do', async () => {
    const { text, blocks } = await help('U0VOLUNTEER');
    expect(text).toContain("you're a volunteer");
    for (const command of VOLUNTEER_COMMANDS) expect(text).toContain(`${command}:`);
    expect(text).toContain('Example: /log-knock 40 doors');
    expect(text).toContain('Example: /log-action phone bank');
    for (const command of ADMIN_COMMANDS) expect(text).not.toContain(command);
    expect(blocks).toContain('Roles: volunteer, leader, staff, admin');
    expect(await db().selectFrom('role_grants').selectAll().execute()).toEqual([]);
  });

  it('answers bare /groundwork with the same help', async () => {
    const { text } = await help('U0VOLUNTEER', '');
    expect(text).toContain('/log-knock:');
  });

  it('shows staff (from a user group) that they are staff; settings stay with admins', async () => {
    await saveWorkspaceSettings(db(), TEAM, { ...EMPTY_SETTINGS, staffUsergroupIds: ['S0STAFF'] }, 'U0ADMIN');
    await db().insertInto('usergroup_members').values({ team_id: TEAM, usergroup_id: 'S0STAFF', user_id: 'U0STAFF' }).execute();
    const { text } = await help('U0STAFF');
    expect(text).toContain("you're staff");
    expect(text).not.toContain('/groundwork settings');
  });

  it('shows an admin every command with an example, and where to start when nothing is set up', async () => {
    const { text, blocks } = await help('U0ADMIN');
    expect(text).toContain("you're an admin");
    for (const command of [...VOLUNTEER_COMMANDS, ...ADMIN_COMMANDS]) expect(text).toContain(`${command}:`);
    expect(text).toContain('Example: /groundwork grant @maria staff');
    expect(text).toContain('Example: /groundwork revoke @maria');
    expect(blocks).toContain('Nothing is set up yet: start with `/groundwork settings`');
    // A first-time admin is recognised with one users.info call.
    expect(t().slack.callsTo('users.info')).toHaveLength(1);
  });

  it('stops pointing an admin at setup once settings are saved', async () => {
    await saveWorkspaceSettings(db(), TEAM, EMPTY_SETTINGS, 'U0ADMIN');
    await savePerson(db(), TEAM, 'U0ADMIN', { timeZone: 'America/Chicago', isAdmin: true, isOwner: false });
    const { blocks } = await help('U0ADMIN');
    expect(blocks).not.toContain('Nothing is set up yet');
  });

  it('names an unknown subcommand and lists what the person can do instead', async () => {
    const { text } = await help('U0VOLUNTEER', 'frobnicate now');
    expect(text).toContain("I don't know `/groundwork frobnicate`");
    expect(text).toContain('/log-knock:');
  });
});
