/**
 * The numbers a digest is made of. The eight-week totals come from team_day_totals (a few hundred
 * summary rows however long the history); the people of the week from the week's own actions,
 * through the (team, day) index, plus one index probe per person to tell a newcomer.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { addDays } from '../../domain/dates.js';
import { UNIT_IDS, type TacticId, type UnitId } from '../../domain/tactics.js';
import type { Counts } from '../../logging/log-entry.js';
import { SERIES_WEEKS, type PeopleFacts, type WeekTotals } from '../compose-digest.js';
import type { DigestWindow } from '../schedule.js';
import { isForgottenId } from '../../privacy/personal-data.js';

/** Each of the SERIES_WEEKS seven-day weeks ending on `window.to`, per tactic (weeksAgo 0 is the window itself). */
export async function weeklyTacticTotals(db: Kysely<DB>, teamId: string, window: DigestWindow): Promise<WeekTotals[]> {
  const first = addDays(window.to, -(7 * SERIES_WEEKS - 1));
  const rows = await db
    .selectFrom('team_day_totals')
    .select([
      sql<number>`((${window.to}::date - day) / 7)::int`.as('weeks_ago'),
      'tactic_id',
      sql<number>`sum(actions)::int`.as('actions'),
      ...UNIT_IDS.map((unit) => sql<number>`sum(${sql.ref(unit)})::bigint`.as(unit)),
    ])
    .where('team_id', '=', teamId)
    .where('day', '>=', first)
    .where('day', '<=', window.to)
    .groupBy(['weeks_ago', 'tactic_id'])
    .having(sql<number>`sum(actions)`, '<>', 0)
    .execute();
  const weeks = new Map<number, WeekTotals & { tactics: { tacticId: TacticId; actions: number; counts: Counts }[] }>();
  for (const row of rows) {
    const week = weeks.get(row.weeks_ago) ?? { weeksAgo: row.weeks_ago, tactics: [] };
    const counts: Counts = {};
    for (const unit of UNIT_IDS) {
      const amount = Number((row as Record<UnitId, unknown>)[unit]);
      if (amount !== 0) counts[unit] = amount;
    }
    week.tactics.push({ tacticId: row.tactic_id, actions: row.actions, counts });
    weeks.set(row.weeks_ago, week);
  }
  return [...weeks.values()].sort((a, b) => a.weeksAgo - b.weeksAgo);
}

/** Who took part in the window: newcomers with their first action, and everyone who did both offline and online work. */
export async function weekPeople(db: Kysely<DB>, teamId: string, window: DigestWindow): Promise<PeopleFacts> {
  const { rows } = await sql<{ user_id: string; offline: boolean; online: boolean; newcomer: boolean; first_tactic: TacticId; first_on: string }>`
    select a.user_id,
           bool_or(a.channel = 'offline') as offline,
           bool_or(a.channel = 'online') as online,
           (array_agg(a.tactic_id order by a.occurred_on, a.id))[1] as first_tactic,
           min(a.occurred_on) as first_on,
           not exists (
             select 1 from actions as before
             where before.team_id = ${teamId} and before.user_id = a.user_id and before.occurred_on < ${window.from}
           ) as newcomer
    from actions as a
    where a.team_id = ${teamId} and a.occurred_on >= ${window.from} and a.occurred_on <= ${window.to}
    group by a.user_id`.execute(db);
  return {
    // A forgotten person's actions still count, but there is no one to name.
    newcomers: rows.filter((r) => r.newcomer && !isForgottenId(r.user_id)).map((r) => ({ userId: r.user_id, firstTacticId: r.first_tactic, firstOn: r.first_on })),
    bothChannels: rows.filter((r) => r.offline && r.online && !isForgottenId(r.user_id)).map((r) => r.user_id),
    active: rows.length,
  };
}

/**
 * Folds the slices of a team's days before `before` into one row per day and tactic. Slices exist so
 * that people reporting at the same moment do not queue on one row; days that are over rarely get a
 * report, so after each digest their slices are merged and the next digest reads a quarter of the rows.
 * One statement: a report landing meanwhile writes a slice again, and the sums stay right.
 */
export async function mergeDaySlices(db: Kysely<DB>, teamId: string, before: string): Promise<void> {
  const units = UNIT_IDS.map((unit) => sql.ref(unit));
  await sql`
    with moved as (
      delete from team_day_totals
      where team_id = ${teamId} and day < ${before} and slice <> 0
      returning *
    )
    insert into team_day_totals as t (team_id, day, tactic_id, slice, goal, channel, actions, ${sql.join(units)})
    select team_id, day, tactic_id, 0, min(goal), min(channel), sum(actions), ${sql.join(UNIT_IDS.map((unit) => sql`sum(${sql.ref(unit)})`))}
    from moved group by team_id, day, tactic_id
    on conflict (team_id, day, tactic_id, slice) do update set
      actions = t.actions + excluded.actions,
      ${sql.join(UNIT_IDS.map((unit) => sql`${sql.ref(unit)} = t.${sql.ref(unit)} + excluded.${sql.ref(unit)}`))}`.execute(db);
}
