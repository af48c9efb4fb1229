import { describe, expect, it } from 'vitest';
import { mergeDaySlices, weekPeople, weeklyTacticTotals } from '../../../src/digest/queries/week.js';
import { windowEndingOn } from '../../../src/digest/schedule.js';
import { FAKE_TEAM_ID } from '../../support/fake-slack.js';
import { A_WEEK, seedActions } from '../../support/digest-week.js';
import { useJobDeps } from '../../support/job-deps.js';

const ctx = useJobDeps();
const window = windowEndingOn('2026-11-29');

describe('the digest queries', () => {
  it('add up each seven-day week per tactic from the per-day summary, which follows inserts and undos', async () => {
    const db = ctx().testDb.database.db;
    await seedActions(db, [...A_WEEK, ...A_WEEK]);
    const weeks = await weeklyTacticTotals(db, FAKE_TEAM_ID, window);
    expect(weeks.map((w) => w.weeksAgo)).toEqual([0, 1]);
    expect(weeks[0]?.tactics.find((t) => t.tacticId === 'door_knocking')).toEqual({ tacticId: 'door_knocking', actions: 2, counts: { doors: 120, conversations: 40, signups: 12 } });

    // An undo takes the action back out of the summary.
    const [one] = await db.selectFrom('actions').select('id').where('tactic_id', '=', 'phone_bank').limit(1).execute();
    await db.deleteFrom('actions').where('id', '=', one!.id).execute();
    const after = await weeklyTacticTotals(db, FAKE_TEAM_ID, window);
    expect(after[0]?.tactics.find((t) => t.tacticId === 'phone_bank')).toEqual({ tacticId: 'phone_bank', actions: 1, counts: { calls: 80, conversations: 15, signups: 3 } });
  });

  it('keeps the same sums after merging the slices of past days, in fewer rows', async () => {
    const db = ctx().testDb.database.db;
    await seedActions(db, Array.from({ length: 12 }, () => A_WEEK).flat());
    const rows = async () => (await db.selectFrom('team_day_totals').select('slice').execute()).length;
    const before = await weeklyTacticTotals(db, FAKE_TEAM_ID, window);
    const rowsBefore = await rows();
    await mergeDaySlices(db, FAKE_TEAM_ID, '2026-11-30');
    expect(await weeklyTacticTotals(db, FAKE_TEAM_ID, window)).toEqual(before);
    expect(await rows()).toBeLessThan(rowsBefore);
    await seedActions(db, A_WEEK);
    expect((await weeklyTacticTotals(db, FAKE_TEAM_ID, window))[0]?.tactics.find((t) => t.tacticId === 'petition')?.actions).toBe(13);
  });

  it('tells newcomers (first action ever in the window) and people who worked both offline and online', async () => {
    const db = ctx().testDb.database.db;
    await seedActions(db, A_WEEK);
    expect(await weekPeople(db, FAKE_TEAM_ID, window)).toEqual({
      newcomers: expect.arrayContaining([
        { userId: 'U0MARIA', firstTacticId: 'door_knocking', firstOn: '2026-11-24' },
        { userId: 'U0AISHA', firstTacticId: 'phone_bank', firstOn: '2026-11-29' },
      ]),
      bothChannels: ['U0MARIA'],
      active: 3,
    });
    expect((await weekPeople(db, FAKE_TEAM_ID, window)).newcomers).toHaveLength(2);
  });
});
