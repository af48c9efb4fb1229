import { describe, expect, it } from 'vitest';
import { roleOf } from '../../src/team/queries/roles.js';
import { saveWorkspaceSettings } from '../../src/team/queries/settings.js';
import { EMPTY_SETTINGS } from '../../src/team/settings.js';
import { refreshUsergroupsJob } from '../../src/team/refresh-usergroups-job.js';
import { runJob } from '../../src/jobs/scheduler.js';
import { useJobDeps } from '../support/job-deps.js';
import { useWorkspace } from '../support/workspace.js';

const ctx = useJobDeps();

const TEAM = 'T0GROUND';
const db = () => ctx().testDb.database.db;
const memberRows = () => db().selectFrom('usergroup_members').select(['usergroup_id', 'user_id']).orderBy('usergroup_id').orderBy('user_id').execute();

describe('the periodic user group refresh', () => {
  it('re-reads every group a workspace uses for a role and forgets groups it no longer uses', async () => {
    await saveWorkspaceSettings(db(), TEAM, { ...EMPTY_SETTINGS, staffUsergroupIds: ['S0STAFF'], leaderUsergroupIds: ['S0LEADS'] }, 'U0ADMIN');
    await db()
      .insertInto('usergroup_members')
      .values([
        { team_id: TEAM, usergroup_id: 'S0STAFF', user_id: 'U0LEFT' },
        { team_id: TEAM, usergroup_id: 'S0RETIRED', user_id: 'U0OLD' },
      ])
      .execute();
    useWorkspace(ctx().slack, {
      usergroups: { S0STAFF: { handle: 'organizers', members: ['U0MARIA', 'U0SAM'] }, S0LEADS: { handle: 'team-leads', members: ['U0LEE'] } },
    });

    expect(await runJob(refreshUsergroupsJob, ctx().deps)).toBe('ran');
    expect(await memberRows()).toEqual([
      { usergroup_id: 'S0LEADS', user_id: 'U0LEE' },
      { usergroup_id: 'S0STAFF', user_id: 'U0MARIA' },
      { usergroup_id: 'S0STAFF', user_id: 'U0SAM' },
    ]);
    expect(await roleOf(db(), TEAM, 'U0LEFT')).toBe('volunteer');
    expect(await roleOf(db(), TEAM, 'U0LEE')).toBe('leader');
    // Once per 5-minute period, however many instances fire.
    expect(await runJob(refreshUsergroupsJob, ctx().deps)).toBe('claimed elsewhere');
    expect(ctx().slack.callsTo('usergroups.users.list')).toHaveLength(2);
  });

  it('keeps a group’s cache when Slack fails for it, and still refreshes the others', async () => {
    await saveWorkspaceSettings(db(), TEAM, { ...EMPTY_SETTINGS, staffUsergroupIds: ['S0STAFF'], leaderUsergroupIds: ['S0LEADS'] }, 'U0ADMIN');
    await db().insertInto('usergroup_members').values({ team_id: TEAM, usergroup_id: 'S0STAFF', user_id: 'U0MARIA' }).execute();
    ctx().slack.on('usergroups.users.list', (args) => (args.usergroup === 'S0STAFF' ? { ok: false, error: 'ratelimited' } : { ok: true, users: ['U0LEE'] }));
    expect(await runJob(refreshUsergroupsJob, ctx().deps)).toBe('ran');
    expect(await memberRows()).toEqual([
      { usergroup_id: 'S0LEADS', user_id: 'U0LEE' },
      { usergroup_id: 'S0STAFF', user_id: 'U0MARIA' },
    ]);
    expect(ctx().logs.some((line) => line.includes('Could not refresh the members of user group S0STAFF'))).toBe(true);
  });

  it('does nothing in Slack for a workspace without groups', async () => {
    await saveWorkspaceSettings(db(), TEAM, EMPTY_SETTINGS, 'U0ADMIN');
    expect(await runJob(refreshUsergroupsJob, ctx().deps)).toBe('ran');
    expect(ctx().slack.calls).toEqual([]);
  });
});
