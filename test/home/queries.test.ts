import { Migrator, sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { migrations } from '../../migrations/index.js';
import { allTimeCellTotals, cellTotals, deleteOwnAction, recordAction, type CellTotals } from '../../src/logging/queries.js';
import { openDatabase } from '../../src/db/database.js';
import { personHome, teamWeek } from '../../src/home/queries.js';
import { addDays, type IsoDate } from '../../src/domain/dates.js';
import type { LogDraft } from '../../src/logging/log-entry.js';
import { allTactics, type TacticId } from '../../src/domain/tactics.js';
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
  return (await recordAction(t.database.db, d, { teamId: TEAM, userId, source: 'command', idempotencyKey: `k${++seq}` })).action;
}

const sorted = (cells: CellTotals[]) => [...cells].sort((a, b) => `${a.goal}${a.channel}`.localeCompare(`${b.goal}${b.channel}`));

describe('action_totals', () => {
  it('follows every insert and delete, matching a full recount', async () => {
    const ids: number[] = [];
    const tactics = allTactics();
    for (let i = 0; i < 60; i++) {
      const tactic = tactics[(i * 7) % tactics.length]!;
      const counts = Object.fromEntries(tactic.units.map((unit, k) => [unit, (i + k) % 4]));
      ids.push((await log(i % 3 === 0 ? 'U0B' : 'U0A', draft(tactic.id, addDays(MONDAY, -(i % 20)), counts))).id);
    }
    for (const id of ids.filter((_, i) => i % 4 === 1)) {
      const row = await t.database.db.selectFrom('actions').select('user_id').where('id', '=', id).executeTakeFirstOrThrow();
      expect(await deleteOwnAction(t.database.db, TEAM, row.user_id, id)).toBeDefined();
    }
    for (const userId of ['U0A', 'U0B']) {
      const recount = (await cellTotals(t.database.db, { teamId: TEAM, userId })).map((cell) => ({
        ...cell,
        // A recount lists a unit that was only ever 0; the totals leave it out.
        counts: Object.fromEntries(Object.entries(cell.counts).filter(([, amount]) => amount !== 0)),
      }));
      expect(sorted(await allTimeCellTotals(t.database.db, TEAM, userId))).toEqual(sorted(recount));
    }
  });

  it('drops a cell from the totals once its last action is undone', async () => {
    const action = await log('U0A', draft('petition', MONDAY, { signatures: 5 }));
    await deleteOwnAction(t.database.db, TEAM, 'U0A', action.id);
    expect(await allTimeCellTotals(t.database.db, TEAM, 'U0A')).toEqual([]);
  });

  it('is filled from existing actions by the migration', async () => {
    const migrator = new Migrator({ db: t.database.db, provider: { getMigrations: async () => migrations } });
    expect((await migrator.migrateTo('0002_roles_and_settings')).error).toBeUndefined();
    await seedHistory(t.database.db, { userId: 'U0OLD', count: 50, lastDay: MONDAY, spanDays: 100 });
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    expect(sorted(await allTimeCellTotals(t.database.db, TEAM, 'U0OLD'))).toEqual(sorted(await cellTotals(t.database.db, { teamId: TEAM, userId: 'U0OLD' })));
  });

  it('stays exact under many concurrent reports from one person (PostgreSQL only)', async (context) => {
    if (t.engine !== 'postgres' || !t.url) context.skip();
    const second = await openDatabase({ databaseUrl: t.url, dataDir: '', poolSize: 10 });
    try {
      await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          recordAction(i % 2 === 0 ? t.database.db : second.db, draft('door_knocking', MONDAY, { doors: 3, conversations: 1 }), {
            teamId: TEAM,
            userId: 'U0BUSY',
            source: 'command',
            idempotencyKey: `busy${i}`,
          }),
        ),
      );
    } finally {
      await second.close();
    }
    expect(await allTimeCellTotals(t.database.db, TEAM, 'U0BUSY')).toEqual([
      { goal: 'recruit', channel: 'offline', actions: 40, counts: { doors: 120, conversations: 40 } },
    ]);
  });
});

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

describe('home queries on a long history', () => {
  it('read the (team, user, day) index and the totals table, never every action (PostgreSQL only)', async (context) => {
    if (t.engine !== 'postgres') context.skip();
    await seedHistory(t.database.db, { userId: 'U0LONG', count: 3000, lastDay: MONDAY, spanDays: 730 });
    await seedHistory(t.database.db, { userId: 'U0PEER', count: 3000, lastDay: MONDAY, spanDays: 730 });
    await sql`analyze actions`.execute(t.database.db);
    const plans: string[] = [];
    const explain = async (query: string) => {
      const { rows } = await sql.raw<{ 'QUERY PLAN': string }>(`explain ${query}`).execute(t.database.db);
      plans.push(rows.map((r) => r['QUERY PLAN']).join('\n'));
    };
    // The shapes personHome runs (see src/home/queries.ts and cellTotals in src/logging/queries.ts).
    await explain(`select occurred_on from actions where team_id = '${TEAM}' and user_id = 'U0LONG' order by occurred_on limit 1 offset 999`);
    await explain(`select 1 from actions where team_id = '${TEAM}' and user_id = 'U0LONG' and occurred_on >= '${MONDAY}' and occurred_on < date '${MONDAY}' + 7`);
    await explain(`select goal, channel, count(*) from actions where team_id = '${TEAM}' and user_id = 'U0LONG' and occurred_on >= '${MONDAY}' and occurred_on <= '${addDays(MONDAY, 6)}' group by goal, channel`);
    for (const plan of plans) {
      expect(plan).toContain('actions_person_day');
      expect(plan).not.toMatch(/Seq Scan/);
    }
  });
});
