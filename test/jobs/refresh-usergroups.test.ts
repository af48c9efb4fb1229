import { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { roleOf } from '../../src/db/roles.js';
import { saveWorkspaceSettings } from '../../src/db/settings.js';
import { EMPTY_SETTINGS } from '../../src/domain/settings.js';
import { refreshUsergroupsJob } from '../../src/jobs/refresh-usergroups.js';
import { runJob, type JobDeps } from '../../src/jobs/scheduler.js';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.js';
import { capturingLogger } from '../support/harness.js';
import { openTestDatabase, type TestDatabase } from '../support/test-database.js';
import { useWorkspace } from '../support/workspace.js';

let testDb: TestDatabase;
let slack: FakeSlack;
let deps: JobDeps;
const logs: string[] = [];

beforeAll(async () => {
  [testDb, slack] = await Promise.all([openTestDatabase(), startFakeSlack()]);
  deps = { db: testDb.database.db, client: new WebClient('xoxb-test', { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } }), logger: capturingLogger(logs) };
});
afterAll(async () => {
  await testDb?.close();
  await slack?.close();
});
beforeEach(async () => {
  await testDb.reset();
  slack.reset();
  logs.length = 0;
});

const TEAM = 'T0GROUND';
const db = () => testDb.database.db;
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
    useWorkspace(slack, {
      usergroups: { S0STAFF: { handle: 'organizers', members: ['U0MARIA', 'U0SAM'] }, S0LEADS: { handle: 'team-leads', members: ['U0LEE'] } },
    });

    expect(await runJob(refreshUsergroupsJob, deps)).toBe('ran');
    expect(await memberRows()).toEqual([
      { usergroup_id: 'S0LEADS', user_id: 'U0LEE' },
      { usergroup_id: 'S0STAFF', user_id: 'U0MARIA' },
      { usergroup_id: 'S0STAFF', user_id: 'U0SAM' },
    ]);
    expect(await roleOf(db(), TEAM, 'U0LEFT')).toBe('volunteer');
    expect(await roleOf(db(), TEAM, 'U0LEE')).toBe('leader');
    // Once per 5-minute period, however many instances fire.
    expect(await runJob(refreshUsergroupsJob, deps)).toBe('claimed elsewhere');
    expect(slack.callsTo('usergroups.users.list')).toHaveLength(2);
  });

  it('keeps a group’s cache when Slack fails for it, and still refreshes the others', async () => {
    await saveWorkspaceSettings(db(), TEAM, { ...EMPTY_SETTINGS, staffUsergroupIds: ['S0STAFF'], leaderUsergroupIds: ['S0LEADS'] }, 'U0ADMIN');
    await db().insertInto('usergroup_members').values({ team_id: TEAM, usergroup_id: 'S0STAFF', user_id: 'U0MARIA' }).execute();
    slack.on('usergroups.users.list', (args) => (args.usergroup === 'S0STAFF' ? { ok: false, error: 'ratelimited' } : { ok: true, users: ['U0LEE'] }));
    expect(await runJob(refreshUsergroupsJob, deps)).toBe('ran');
    expect(await memberRows()).toEqual([
      { usergroup_id: 'S0LEADS', user_id: 'U0LEE' },
      { usergroup_id: 'S0STAFF', user_id: 'U0MARIA' },
    ]);
    expect(logs.some((line) => line.includes('Could not refresh the members of user group S0STAFF'))).toBe(true);
  });

  it('does nothing in Slack for a workspace without groups', async () => {
    await saveWorkspaceSettings(db(), TEAM, EMPTY_SETTINGS, 'U0ADMIN');
    expect(await runJob(refreshUsergroupsJob, deps)).toBe('ran');
    expect(slack.calls).toEqual([]);
  });
});
