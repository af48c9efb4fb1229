/**
 * The facts the ladder reads (see ladder.ts), for one person or a whole team, as of one Monday-week:
 * actions from the weekly summaries (person_week_totals), skills, and seats marked attended or not.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { addDays, type IsoDate } from '../../domain/dates.js';
import { isForgottenId } from '../../privacy/personal-data.js';
import { LADDER_WINDOW_WEEKS, NO_FACTS, type LadderFacts } from '../ladder.js';

export interface LadderQuery {
  teamId: string;
  /** The Monday of the last week of the window. */
  week: IsoDate;
  /** The team's zone: which calendar day a seat's start falls on. */
  timeZone: string;
  /** Only these people; everyone with a fact in the window when absent. */
  userIds?: readonly string[];
}

/** The first Monday of the window ending with `week`. */
export function windowStart(week: IsoDate): IsoDate {
  return addDays(week, -7 * (LADDER_WINDOW_WEEKS - 1));
}

export async function ladderFacts(db: Kysely<DB>, query: LadderQuery): Promise<Map<string, LadderFacts>> {
  const { teamId, week, timeZone, userIds } = query;
  const from = windowStart(week);
  const until = addDays(week, 7);
  if (userIds && userIds.length === 0) return new Map();
  const only = (column: string) => (userIds ? sql`and ${sql.ref(column)} = any(${[...userIds]})` : sql``);
  const [weeks, skills, seats] = await Promise.all([
    sql<{ user_id: string; actions: number; active_weeks: number; one_on_ones: number; house_parties: number }>`
      select user_id, sum(actions)::int as actions, count(distinct week_start)::int as active_weeks,
             coalesce(sum(actions) filter (where tactic_id = 'one_on_one'), 0)::int as one_on_ones,
             coalesce(sum(actions) filter (where tactic_id = 'house_party'), 0)::int as house_parties
      from person_week_totals
      where team_id = ${teamId} and week_start >= ${from} and week_start <= ${week} and actions > 0 ${only('user_id')}
      group by user_id`.execute(db),
    sql<{ user_id: string; skills: number }>`
      select user_id, count(*)::int as skills from person_skills
      where team_id = ${teamId} and (earned_at at time zone ${timeZone})::date < ${until} ${only('user_id')}
      group by user_id`.execute(db),
    sql<{ user_id: string; attended: number; no_shows: number }>`
      select c.user_id, count(*) filter (where c.attended)::int as attended, count(*) filter (where c.attended = false)::int as no_shows
      from signup_claims c join signup_opportunities o on o.id = c.opportunity_id
      where c.team_id = ${teamId} and c.attended is not null
        and (o.starts_at at time zone ${timeZone})::date >= ${from} and (o.starts_at at time zone ${timeZone})::date < ${until} ${only('c.user_id')}
      group by c.user_id`.execute(db),
  ]);
  const facts = new Map<string, LadderFacts>();
  const of = (userId: string) => {
    let found = facts.get(userId);
    if (!found) facts.set(userId, (found = { ...NO_FACTS }));
    return found;
  };
  for (const row of weeks.rows) Object.assign(of(row.user_id), { actions: row.actions, activeWeeks: row.active_weeks, oneOnOnes: row.one_on_ones, houseParties: row.house_parties });
  for (const row of skills.rows) of(row.user_id).skills = row.skills;
  for (const row of seats.rows) Object.assign(of(row.user_id), { attended: row.attended, noShows: row.no_shows });
  for (const userId of facts.keys()) if (isForgottenId(userId)) facts.delete(userId);
  return facts;
}

/** One person's facts (none at all reads as the bottom rung). */
export async function personLadderFacts(db: Kysely<DB>, teamId: string, userId: string, week: IsoDate, timeZone: string): Promise<LadderFacts> {
  return (await ladderFacts(db, { teamId, week, timeZone, userIds: [userId] })).get(userId) ?? { ...NO_FACTS };
}
