/**
 * What the App Home shows, read as aggregates only: however long a person's history, each query
 * reads a bounded number of index entries or summary rows, never every action.
 */
import { sql, type Kysely } from 'kysely';
import type { IsoDate } from '../domain/dates.js';
import { ACTION_COUNT_MILESTONES, type RecognitionFacts } from './recognition.js';
import type { Channel } from '../domain/tactics.js';
import { personAllTimeCells, personWeekCells, teamWeekCells } from '../logging/queries.js';
import type { CellTotals } from '../logging/totals.js';
import type { DB } from '../db/schema.js';

export interface PersonHome {
  week: CellTotals[];
  allTime: CellTotals[];
  recognition: RecognitionFacts;
}

/** A person's week (Monday `thisWeek` to Sunday), all-time totals, streak and milestones. */
export async function personHome(db: Kysely<DB>, teamId: string, userId: string, thisWeek: IsoDate): Promise<PersonHome> {
  const [week, allTime, milestones] = await Promise.all([
    personWeekCells(db, teamId, userId, thisWeek),
    personAllTimeCells(db, teamId, userId),
    streakAndFirsts(db, teamId, userId, thisWeek),
  ]);
  return {
    week,
    allTime,
    recognition: { thisWeek, totalActions: allTime.reduce((sum, cell) => sum + cell.actions, 0), ...milestones },
  };
}

type StreakAndFirsts = Pick<RecognitionFacts, 'streak' | 'firstActionOn' | 'firstOn' | 'firstStoryOn' | 'nthActionOn'>;

/**
 * One statement for the recognition facts, each an ordered walk of the (team, user, day) index:
 *  - the streak: consecutive Monday-weeks with an action, ending this week, or last week when this
 *    week has nothing yet (a streak stays alive until a whole week passes without an action). It
 *    walks back one week at a time with one index probe each and stops at the first empty week, so
 *    it costs the streak's length in weeks, not the number of actions;
 *  - the day of each first (action, offline, online, story), which stops at its first match;
 *  - the day of the n-th action for each milestone count, which stops after n index entries.
 */
async function streakAndFirsts(db: Kysely<DB>, teamId: string, userId: string, thisWeek: IsoDate): Promise<StreakAndFirsts> {
  const mine = sql`from actions where team_id = ${teamId} and user_id = ${userId}`;
  const firstDay = (condition = sql``) => sql`(select occurred_on ${mine} ${condition} order by occurred_on limit 1)`;
  const nthDays = ACTION_COUNT_MILESTONES.map((n) => sql`(select occurred_on ${mine} order by occurred_on limit 1 offset ${n - 1}) as ${sql.ref(`action_${n}`)}`);
  const { rows } = await sql<Record<string, IsoDate | number | null>>`
    with recursive streak(monday) as (
      (
        select candidate
        from (values (${thisWeek}::date), (${thisWeek}::date - 7)) as candidates(candidate)
        where exists (select 1 ${mine} and occurred_on >= candidate and occurred_on < candidate + 7)
        order by candidate desc
        limit 1
      )
      union all
      select (monday - 7)::date from streak
      where exists (select 1 ${mine} and occurred_on >= monday - 7 and occurred_on < monday)
    )
    select
      (select count(*)::int from streak) as streak_weeks,
      (select max(monday) from streak) as streak_last_week,
      ${firstDay()} as first_action,
      ${firstDay(sql`and channel = 'offline'`)} as first_offline,
      ${firstDay(sql`and channel = 'online'`)} as first_online,
      ${firstDay(sql`and story is not null`)} as first_story,
      ${sql.join(nthDays)}`.execute(db);
  const row = rows[0] ?? {};
  const day = (key: string): IsoDate | null => (typeof row[key] === 'string' ? (row[key] as IsoDate) : null);
  const nthActionOn: StreakAndFirsts['nthActionOn'] = {};
  for (const n of ACTION_COUNT_MILESTONES) {
    const reachedOn = day(`action_${n}`);
    if (reachedOn) nthActionOn[n] = reachedOn;
  }
  return {
    streak: { weeks: Number(row.streak_weeks ?? 0), lastWeek: day('streak_last_week') },
    firstActionOn: day('first_action'),
    firstOn: { offline: day('first_offline'), online: day('first_online') },
    firstStoryOn: day('first_story'),
    nthActionOn,
  };
}

export interface TeamWeek {
  cells: CellTotals[];
  /** People with at least one action this week, per channel and overall (someone in both counts once overall). */
  people: Record<Channel | 'all', number>;
}

/** The whole team's week at a glance, for staff: actions and people, offline and online, by goal. */
export async function teamWeek(db: Kysely<DB>, teamId: string, thisWeek: IsoDate): Promise<TeamWeek> {
  const [cells, peopleRows] = await Promise.all([
    teamWeekCells(db, teamId, thisWeek),
    db
      .selectFrom('person_week_totals')
      .select(['channel', (eb) => eb.fn.count<number>('user_id').distinct().as('people')])
      .where('team_id', '=', teamId)
      .where('week_start', '=', thisWeek)
      .where('actions', '>', 0)
      // One row per channel plus one (channel null) for everyone, each person counted once.
      .groupBy(sql`grouping sets ((channel), ())`)
      .execute(),
  ]);
  const people: TeamWeek['people'] = { offline: 0, online: 0, all: 0 };
  for (const row of peopleRows) people[(row.channel as Channel | null) ?? 'all'] = Number(row.people);
  return { cells, people };
}

/** Notes that this person has opened the Home tab (once; opening it again writes nothing). */
export async function rememberHomeOpened(db: Kysely<DB>, teamId: string, userId: string): Promise<void> {
  await db.insertInto('home_tabs').values({ team_id: teamId, user_id: userId }).onConflict((oc) => oc.doNothing()).execute();
}

/** Whether this person has a Home tab to keep fresh. */
export async function hasOpenedHome(db: Kysely<DB>, teamId: string, userId: string): Promise<boolean> {
  const row = await db.selectFrom('home_tabs').select('user_id').where('team_id', '=', teamId).where('user_id', '=', userId).executeTakeFirst();
  return row !== undefined;
}

/**
 * Staff and admins of the team who have a Home tab (its staff part lists the team's upcoming shifts and
 * trainings), at most `limit`: a Slack admin or owner, a staff or admin grant, or a member of a staff user
 * group — the sources roleFromSources ranks at staff and above.
 */
export async function staffWithHomeTabs(db: Kysely<DB>, teamId: string, limit: number): Promise<string[]> {
  const { rows } = await sql<{ user_id: string }>`
    select h.user_id from home_tabs h
    where h.team_id = ${teamId} and (
      exists (select 1 from people p where p.team_id = h.team_id and p.user_id = h.user_id and (p.is_admin or p.is_owner))
      or exists (select 1 from role_grants g where g.team_id = h.team_id and g.user_id = h.user_id and g.role in ('staff', 'admin'))
      or exists (
        select 1 from usergroup_members m join workspace_settings s on s.team_id = m.team_id
        where m.team_id = h.team_id and m.user_id = h.user_id and m.usergroup_id = any(s.staff_usergroup_ids)
      )
    )
    order by h.user_id
    limit ${limit}`.execute(db);
  return rows.map((row) => row.user_id);
}
