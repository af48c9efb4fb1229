/** Reads a window's facts and composes its digest: what preview, post and the benchmark all run. */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { composeDigest, type Digest } from './compose-digest.js';
import { upcomingOpportunities } from './next-up.js';
import { weekStories } from './queries/stories.js';
import { weekPeople, weeklyTacticTotals } from './queries/week.js';
import type { DigestWindow } from './schedule.js';
import { climbersOfWeek } from '../engagement/climbers.js';

export async function buildDigest(db: Kysely<DB>, teamId: string, window: DigestWindow, timeZone: string): Promise<Digest> {
  const [weeks, people, stories, nextUp, climbers] = await Promise.all([
    weeklyTacticTotals(db, teamId, window),
    weekPeople(db, teamId, window),
    weekStories(db, teamId, window, timeZone),
    upcomingOpportunities(db, teamId, window),
    climbersOfWeek(db, teamId, window.to, timeZone),
  ]);
  return composeDigest({ window, weeks, people, stories, nextUp, climbers });
}

/** Everyone the digest names, so their display names can be looked up once. */
export function peopleNamed(digest: Digest): string[] {
  return [
    ...new Set([...digest.wins.map((win) => win.story.authorId), ...digest.people.newcomers.map((n) => n.userId), ...digest.people.bothChannels, ...digest.people.climbers.map((c) => c.userId)]),
  ];
}
