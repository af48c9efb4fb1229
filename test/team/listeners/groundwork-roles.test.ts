import { beforeEach, describe, expect, it } from 'vitest';
import { savePerson } from '../../../src/team/queries/people.js';
import { roleOf } from '../../../src/team/queries/roles.js';
import { saveWorkspaceSettings } from '../../../src/team/queries/settings.js';
import { EMPTY_SETTINGS } from '../../../src/team/settings.js';
import { useTestApp } from '../../support/harness.js';
import { useWorkspace } from '../../support/workspace.js';

const t = useTestApp();

beforeEach(async () => {
  useWorkspace(t().slack, { admins: ['U0ADMIN', 'U0OTHERADMIN'] });
  await savePerson(db(), TEAM, 'U0ADMIN', { timeZone: 'America/Chicago', isAdmin: true, isOwner: false });
});

const TEAM = 'T0GROUND';
const db = () => t().db.database.db;
const grants = () => db().selectFrom('role_grants').select(['user_id', 'role', 'granted_by']).orderBy('user_id').execute();
const asAdmin = (text: string) => t().command('/groundwork', text, { userId: 'U0ADMIN' });

describe('/groundwork grant', () => {
  it('gives a person picked from the autocomplete a role, answers privately, and tells them', async () => {
    const reply = await asAdmin('grant <@U0MARIA|maria> staff');
    expect(reply.status).toBe(200);
    expect(reply.json?.response_type).toBe('ephemeral');
    expect(reply.json?.text).toContain('<@U0MARIA> now has the *staff* role');
    expect(await grants()).toEqual([{ user_id: 'U0MARIA', role: 'staff', granted_by: 'U0ADMIN' }]);
    expect(await roleOf(db(), TEAM, 'U0MARIA')).toBe('staff');

    const [dm] = await t().slack.waitFor('chat.postMessage');
    expect(dm?.args.channel).toBe('U0MARIA');
    expect(String(dm?.args.text)).toContain('<@U0ADMIN> gave you the *staff* role');
    expect(String(dm?.args.text)).toContain('/groundwork help');
  });

  it('accepts a mention without a name, a capitalised or plural role, and the role before the person', async () => {
    await asAdmin('grant <@U0A> Leaders');
    await asAdmin('grant admin <@U0B|bea lopez>');
    // Each hears about it after the ack; wait, so no DM lands in the next test.
    await t().slack.waitFor('chat.postMessage', 2);
    expect(await grants()).toEqual([
      { user_id: 'U0A', role: 'leader', granted_by: 'U0ADMIN' },
      { user_id: 'U0B', role: 'admin', granted_by: 'U0ADMIN' },
    ]);
  });

  it('is fine with granting the same role twice, and says nothing changed', async () => {
    await asAdmin('grant <@U0MARIA|maria> leader');
    await t().slack.waitFor('chat.postMessage');
    const again = await asAdmin('grant <@U0MARIA|maria> leader');
    expect(again.json?.text).toContain('<@U0MARIA> already had the *leader* role, so nothing changed');
    expect(await grants()).toHaveLength(1);
    // Told once, not twice.
    expect(t().slack.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('replaces an earlier grant with the new role', async () => {
    await asAdmin('grant <@U0MARIA|maria> leader');
    const reply = await asAdmin('grant <@U0MARIA|maria> staff');
    expect(reply.json?.text).toContain('now has the *staff* role (it was leader)');
    await t().slack.waitFor('chat.postMessage', 2);
    expect(await grants()).toEqual([{ user_id: 'U0MARIA', role: 'staff', granted_by: 'U0ADMIN' }]);
  });

  it('says when the person holds a higher role anyway', async () => {
    await savePerson(db(), TEAM, 'U0OTHERADMIN', { timeZone: 'America/Chicago', isAdmin: true, isOwner: false });
    const reply = await asAdmin('grant <@U0OTHERADMIN|sam> leader');
    expect(reply.json?.text).toContain('They are an admin all the same, as a workspace admin or owner');
    await t().slack.waitFor('chat.postMessage');
  });

  it.each([
    ['grant @maria staff', "I couldn't tell who @maria is. Pick the person from the list"],
    ['grant staff', 'Who should I grant?'],
    ['grant <@U0MARIA|maria>', 'Which role?'],
    ['grant <@U0MARIA|maria> boss', '"boss" is not a role'],
    ['grant <@U0MARIA|maria> volunteer', 'Everyone is a volunteer already'],
    ['grant <@U0A> <@U0B> staff', 'One person at a time'],
  ])('explains %j and changes nothing', async (text, says) => {
    const reply = await asAdmin(text);
    expect(reply.json?.response_type).toBe('ephemeral');
    expect(reply.json?.text).toContain(says);
    expect(reply.json?.text).toContain('Nothing was changed');
    expect(reply.json?.text).toContain('Try: `/groundwork grant @maria staff`');
    expect(await grants()).toEqual([]);
    expect(t().slack.callsTo('chat.postMessage')).toHaveLength(0);
  });
});

describe('/groundwork revoke', () => {
  it('takes back a granted role and tells the person', async () => {
    await asAdmin('grant <@U0MARIA|maria> staff');
    const reply = await asAdmin('revoke <@U0MARIA|maria>');
    expect(reply.json?.text).toContain('Took back the *staff* role from <@U0MARIA>');
    expect(reply.json?.text).toContain('They are a volunteer now');
    expect(await grants()).toEqual([]);
    expect(await roleOf(db(), TEAM, 'U0MARIA')).toBe('volunteer');
    const dms = await t().slack.waitFor('chat.postMessage', 2);
    expect(String(dms[1]?.args.text)).toContain('<@U0ADMIN> took back the *staff* role');
  });

  it('is fine with revoking twice, and says nothing changed', async () => {
    const reply = await asAdmin('revoke <@U0MARIA|maria>');
    expect(reply.json?.text).toContain('<@U0MARIA> had no role given with `/groundwork grant`, so nothing changed');
    expect(t().slack.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('says which role the person keeps from a user group', async () => {
    await saveWorkspaceSettings(db(), TEAM, { ...EMPTY_SETTINGS, leaderUsergroupIds: ['S0LEADS'] }, 'U0ADMIN');
    await db().insertInto('usergroup_members').values({ team_id: TEAM, usergroup_id: 'S0LEADS', user_id: 'U0MARIA' }).execute();
    await asAdmin('grant <@U0MARIA|maria> staff');
    const reply = await asAdmin('revoke <@U0MARIA|maria>');
    expect(reply.json?.text).toContain('They are still a leader, through a leader user group');
    expect(await roleOf(db(), TEAM, 'U0MARIA')).toBe('leader');
    await t().slack.waitFor('chat.postMessage', 2);
  });

  it('lets an admin by grant revoke, and asks for a picked person', async () => {
    await asAdmin('grant <@U0DEPUTY|deputy> admin');
    const reply = await t().command('/groundwork', 'revoke @maria', { userId: 'U0DEPUTY' });
    expect(reply.json?.text).toContain("I couldn't tell who @maria is");
    expect(reply.json?.text).toContain('Try: `/groundwork revoke @maria`');
    await t().slack.waitFor('chat.postMessage');
  });
});
