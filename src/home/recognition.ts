/**
 * Recognition without rankings: a person is measured only against their own history. Streaks of
 * weeks with an action, first-time milestones, and naming both kinds of contribution (offline and
 * online) — never a comparison with anyone else. Pure: aggregates in, facts to show out.
 */
import type { IsoDate } from '../domain/dates.js';
import type { Channel } from '../domain/tactics.js';

/** The n-th action is worth celebrating at these counts. */
export const ACTION_COUNT_MILESTONES = [10, 50, 100, 250, 500, 1000] as const;
export type ActionCountMilestone = (typeof ACTION_COUNT_MILESTONES)[number];

/** What the database knows about one person's history, all from aggregates. */
export interface RecognitionFacts {
  /** Monday of the person's current week. */
  thisWeek: IsoDate;
  totalActions: number;
  firstActionOn: IsoDate | null;
  firstOn: Record<Channel, IsoDate | null>;
  firstStoryOn: IsoDate | null;
  /** The day of the n-th action (counting by day) for each milestone count reached. */
  nthActionOn: Partial<Record<ActionCountMilestone, IsoDate>>;
  /** The run of consecutive weeks with an action that ends this week or last week (0 weeks when neither has one). */
  streak: { weeks: number; lastWeek: IsoDate | null };
}

export type MilestoneId = 'first_action' | 'first_offline' | 'first_online' | 'both_channels' | 'first_story' | `actions_${ActionCountMilestone}`;

export interface Milestone {
  id: MilestoneId;
  label: string;
  reachedOn: IsoDate;
  /** Reached during the current week: worth a special mention. */
  isNew: boolean;
}

/** Every milestone reached, most recent first (on the same day, in the order listed here). */
export function milestonesReached(facts: RecognitionFacts): Milestone[] {
  const { firstOn } = facts;
  const candidates: [MilestoneId, string, IsoDate | null | undefined][] = [
    ['first_action', 'Your first action', facts.firstActionOn],
    ['first_offline', 'Your first offline action', firstOn.offline],
    ['first_online', 'Your first online action', firstOn.online],
    ['both_channels', 'Organizing both offline and online', firstOn.offline && firstOn.online ? later(firstOn.offline, firstOn.online) : null],
    ['first_story', 'Your first story shared', facts.firstStoryOn],
    ...ACTION_COUNT_MILESTONES.map((n): [MilestoneId, string, IsoDate | undefined] => [`actions_${n}`, `Your ${ordinal(n)} action`, facts.nthActionOn[n]]),
  ];
  const reached = candidates
    .map(([id, label, reachedOn], order) => ({ id, label, reachedOn, order }))
    .filter((m): m is { id: MilestoneId; label: string; reachedOn: IsoDate; order: number } => typeof m.reachedOn === 'string');
  reached.sort((a, b) => (a.reachedOn === b.reachedOn ? a.order - b.order : a.reachedOn < b.reachedOn ? 1 : -1));
  return reached.map(({ id, label, reachedOn }) => ({ id, label, reachedOn, isNew: reachedOn >= facts.thisWeek }));
}

/** The next action count worth celebrating and how far off it is; null past the last one. */
export function nextMilestone(totalActions: number): { count: ActionCountMilestone; toGo: number } | null {
  const count = ACTION_COUNT_MILESTONES.find((n) => n > totalActions);
  return count === undefined ? null : { count, toGo: count - totalActions };
}

export interface Streak {
  weeks: number;
  /** This week already has an action; otherwise a streak is still alive through last week. */
  includesThisWeek: boolean;
}

export function streakOf(facts: RecognitionFacts): Streak {
  return { weeks: facts.streak.weeks, includesThisWeek: facts.streak.weeks > 0 && facts.streak.lastWeek === facts.thisWeek };
}

export type ContributionMix = 'none' | 'offline' | 'online' | 'both';

/** Which kinds of contribution a person has made; both kinds are named, neither ranks above the other. */
export function contributionMix(actions: Record<Channel, number>): ContributionMix {
  if (actions.offline > 0 && actions.online > 0) return 'both';
  if (actions.offline > 0) return 'offline';
  if (actions.online > 0) return 'online';
  return 'none';
}

/** 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 100th */
export function ordinal(n: number): string {
  const lastTwo = n % 100;
  const suffix = lastTwo >= 11 && lastTwo <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n.toLocaleString('en-US')}${suffix}`;
}

function later(a: IsoDate, b: IsoDate): IsoDate {
  return a > b ? a : b;
}
