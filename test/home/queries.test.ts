import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { recordReport } from '../../src/logging/queries.js';
import { personHome, staffWithHomeTabs, teamWeek } from '../../src/home/queries.js';
import { addDays, type IsoDate } from '../../src/domain/dates.js';
import type { LogDraft } from '../../src/logging/log-entry.js';
import type { TacticId } from '../../src/domain/tactics.js';
import { seedHistory } from '../support/seed-actions.js';
import { openTestDatabase, type TestDatabase } from '../support/test-database.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
});
afterAll(async () => {
  await t?.close();
});
beforeEach(async () => {
  await t.reset();
});

const TEAM = 'T0GROUND';
const MONDAY = '2026-03-02';
let seq = 0;

function draft(tacticId: TacticId, occurredOn: IsoDate, counts: LogDraft['counts'], story: string | null = null): LogDraft {
  return { tacticId, counts, occurredOn, place: null, note: null, story, storyConsent: false };
}

async function log(userId: string, d: LogDraft) {
  const outcome = await recordReport(t.database.db, d, { teamId: TEAM, userId, source: 'command', idempotencyKey: `k${++seq}` }, { thisWeek: MONDAY, checkRepeats: false });
  if (outcome.kind !== 'recorded') throw new Error(`not recorded: ${outcome.kind}`);
  return outcome.report;
}

describe('personHome', () => {
  it('counts weeks in a row back from this week, or from last week when this week is still empty', async () => {
    for (const day of [addDays(MONDAY, -1), addDays(MONDAY, -7), addDays(MONDAY, -8), addDays(MONDAY, -15), addDays(MONDAY, -35)]) {
      await log('U0A', draft('social_media', day, { posts: 1 }));
    }
    // Weeks of 23 Feb, 16 Feb and 9 Feb in a row; 2 Feb has nothing, so 26 Jan does not count.
    expect((await personHome(t.database.db, TEAM, 'U0A', MONDAY)).recognition.streak).toEqual({ weeks: 3, lastWeek: addDays(MONDAY, -7) });
    await log('U0A', draft('social_media', MONDAY, { posts: 1 }));
    expect((await personHome(t.database.db, TEAM, 'U0A', MONDAY)).recognition.streak).toEqual({ weeks: 4, lastWeek: MONDAY });
    // Two weeks without an action end a streak.
    expect((await personHome(t.database.db, TEAM, 'U0A', addDays(MONDAY, 14))).recognition.streak).toEqual({ weeks: 0, lastWeek: null });
  });

  it('finds firsts and the day of the n-th action from the index', async () => {
    await log('U0A', draft('phone_bank', '2025-12-01', { calls: 10 }));
    await log('U0A', draft('letter_to_editor', '2026-01-05', { letters: 1 }, 'It ran on Sunday.'));
    await seedHistory(t.database.db, { userId: 'U0A', count: 60, lastDay: MONDAY, spanDays: 30, storyEvery: 0 });
    const { recognition, allTime, week } = await personHome(t.database.db, TEAM, 'U0A', MONDAY);
    expect(recognition).toMatchObject({
      totalActions: 62,
      firstActionOn: '2025-12-01',
      firstOn: { offline: '2025-12-01', online: '2026-01-05' },
      firstStoryOn: '2026-01-05',
    });
    expect(Object.keys(recognition.nthActionOn)).toEqual(['10', '50']);
    expect(allTime.reduce((sum, c) => sum + c.actions, 0)).toBe(62);
    expect(week.length).toBeGreaterThan(0);
    expect(week.every((c) => c.actions > 0)).toBe(true);
  });

  it("counts the team's people once each, offline, online and overall", async () => {
    await log('U0A', draft('door_knocking', MONDAY, { doors: 4 }));
    await log('U0A', draft('petition', MONDAY, { signatures: 4 }));
    await log('U0B', draft('petition', addDays(MONDAY, 6), { signatures: 1 }));
    await log('U0C', draft('petition', addDays(MONDAY, 7), { signatures: 1 }));
    const team = await teamWeek(t.database.db, TEAM, MONDAY);
    expect(team.people).toEqual({ offline: 1, online: 2, all: 2 });
    expect(team.cells.reduce((sum, c) => sum + c.actions, 0)).toBe(3);
  });
});

describe('staffWithHomeTabs: whose staff Home to refresh after a schedule change', () => {
  it('finds staff and admins from every source who opened the Home tab, and no one else', async () => {
    const db = t.database.db;
    const team = 'T0STAFFHOMES';
    const opened = ['U0FLAGADMIN', 'U0OWNER', 'U0GRANTSTAFF', 'U0GRANTADMIN', 'U0INGROUP', 'U0LEADER', 'U0VOLUNTEER', 'U0NOTADMIN'];
    for (const userId of [...opened, 'U0STAFFNOHOME']) {
      if (userId !== 'U0STAFFNOHOME') await db.insertInto('home_tabs').values({ team_id: team, user_id: userId }).execute();
    }
    await db.insertInto('people').values([
      { team_id: team, user_id: 'U0FLAGADMIN', time_zone: 'UTC', is_admin: true, is_owner: false },
      { team_id: team, user_id: 'U0OWNER', time_zone: 'UTC', is_admin: false, is_owner: true },
      { team_id: team, user_id: 'U0NOTADMIN', time_zone: 'UTC', is_admin: false, is_owner: false },
    ]).execute();
    await db.insertInto('role_grants').values([
      { team_id: team, user_id: 'U0GRANTSTAFF', role: 'staff', granted_by: 'U0FLAGADMIN' },
      { team_id: team, user_id: 'U0GRANTADMIN', role: 'admin', granted_by: 'U0FLAGADMIN' },
      { team_id: team, user_id: 'U0LEADER', role: 'leader', granted_by: 'U0FLAGADMIN' },
      { team_id: team, user_id: 'U0STAFFNOHOME', role: 'staff', granted_by: 'U0FLAGADMIN' },
    ]).execute();
    await db.insertInto('workspace_settings').values({ team_id: team, staff_usergroup_ids: ['S0STAFF'], leader_usergroup_ids: ['S0LEAD'] }).execute();
    await db.insertInto('usergroup_members').values([
      { team_id: team, usergroup_id: 'S0STAFF', user_id: 'U0INGROUP' },
      { team_id: team, usergroup_id: 'S0LEAD', user_id: 'U0VOLUNTEER' },
    ]).execute();
    expect(await staffWithHomeTabs(db, team, 50)).toEqual(['U0FLAGADMIN', 'U0GRANTADMIN', 'U0GRANTSTAFF', 'U0INGROUP', 'U0OWNER']);
    expect(await staffWithHomeTabs(db, team, 2)).toEqual(['U0FLAGADMIN', 'U0GRANTADMIN']);
    expect(await staffWithHomeTabs(db, 'T0OTHER', 50)).toEqual([]);
  });
});
