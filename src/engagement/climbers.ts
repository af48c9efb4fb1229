/**
 * Who climbed the ladder in a week: their rung as of the week before against as of this one, both
 * read from the record (nothing stored, so a re-run of the digest names the same people). Reaching
 * Volunteer is a first action, which the digest already welcomes; the digest celebrates Regular and up.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { addDays, weekStart, type IsoDate } from '../domain/dates.js';
import { LADDER, NO_FACTS, rungIndexOf, type LadderFacts, type RungId } from './ladder.js';
import { ladderFacts } from './queries/ladder.js';

export interface Climber {
  userId: string;
  rung: RungId;
}

const CELEBRATED_FROM = LADDER.findIndex((rung) => rung.id === 'regular');

/** Pure: who went up, with the rung reached, in id order (never ranked). */
export function climbersBetween(before: ReadonlyMap<string, LadderFacts>, after: ReadonlyMap<string, LadderFacts>, celebratedFrom = CELEBRATED_FROM): Climber[] {
  const climbers: Climber[] = [];
  for (const [userId, facts] of after) {
    const now = rungIndexOf(facts);
    if (now >= celebratedFrom && now > rungIndexOf(before.get(userId) ?? NO_FACTS)) climbers.push({ userId, rung: LADDER[now]!.id });
  }
  return climbers.sort((a, b) => a.userId.localeCompare(b.userId));
}

/** The people who climbed in the week ending on `lastDay`. */
export async function climbersOfWeek(db: Kysely<DB>, teamId: string, lastDay: IsoDate, timeZone: string, celebratedFrom = CELEBRATED_FROM): Promise<Climber[]> {
  const week = weekStart(lastDay);
  const [before, after] = await Promise.all([
    ladderFacts(db, { teamId, week: addDays(week, -7), timeZone }),
    ladderFacts(db, { teamId, week, timeZone }),
  ]);
  return climbersBetween(before, after, celebratedFrom);
}
