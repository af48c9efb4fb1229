/**
 * What the weekly digest says, as the article advises: the end goal ahead of the process (outcomes
 * before activity counts), offline and online side by side, success stories from both, and which
 * tactics converted best. Pure: a week's facts in, the digest's content out; views/ words it.
 */
import type { Climber } from '../engagement/climbers.js';
import type { Counts } from '../logging/log-entry.js';
import { CHANNELS, GOALS, TACTICS, type Channel, type Goal, type TacticId, type UnitId } from '../domain/tactics.js';
import { addDays, type IsoDate } from '../domain/dates.js';
import type { DigestWindow } from './schedule.js';
import type { Opportunity } from './next-up.js';

/** What counts as an outcome, most telling first; everything else a tactic counts is activity. */
export const OUTCOME_UNITS: readonly UnitId[] = ['signups', 'conversations', 'signatures', 'allies', 'organizations', 'press_hits'];

/** A tactic is compared only with at least this many reports and this much reach in the period. */
export const COMPARE_MIN_REPORTS = 3;
export const COMPARE_MIN_REACH = 50;
/** How many weeks the chart and the longer comparison look back, this week included. */
export const SERIES_WEEKS = 8;
export const MAX_WINS = 4;
/** Listed by name; beyond these the digest says how many more. */
export const MAX_NEWCOMERS_LISTED = 15;
export const MAX_BOTH_LISTED = 20;
export const MAX_CLIMBERS_LISTED = 20;

/** One tactic's actions and unit sums in one week. */
export interface TacticTotals {
  tacticId: TacticId;
  actions: number;
  counts: Counts;
}

/** `weeksAgo` 0 is the digest's own seven days, 1 the seven before, and so on. */
export interface WeekTotals {
  weeksAgo: number;
  tactics: readonly TacticTotals[];
}

export interface StoryCandidate {
  /** A story written with a logged action (its author allowed featuring), or a nominated message (its author allowed quoting). */
  source: 'logged' | 'nominated';
  authorId: string;
  /** Exactly what the person wrote: views escape it. */
  text: string;
  on: IsoDate;
  tacticId?: TacticId;
  counts?: Counts;
  /** The original message, for nominated stories. */
  permalink?: string;
}

export interface Newcomer {
  userId: string;
  firstTacticId: TacticId;
  firstOn: IsoDate;
}

export interface PeopleFacts {
  /** People whose first action ever falls in the window. */
  newcomers: readonly Newcomer[];
  /** People with at least one offline and one online action in the window. */
  bothChannels: readonly string[];
  /** People with any action in the window. */
  active: number;
}

export interface DigestFacts {
  window: DigestWindow;
  weeks: readonly WeekTotals[];
  people: PeopleFacts;
  stories: readonly StoryCandidate[];
  nextUp: readonly Opportunity[];
  /** People who climbed a rung of the engagement ladder this week (src/engagement/climbers.ts). */
  climbers?: readonly Climber[];
}

export interface UnitAmount {
  unit: UnitId;
  amount: number;
}

export interface CellSummary {
  actions: number;
  previousActions: number;
  outcomes: UnitAmount[];
  activity: UnitAmount[];
}

export interface GoalLine {
  goal: Goal;
  cells: Record<Channel, CellSummary>;
}

export interface Win {
  story: StoryCandidate;
  channel: Channel | null;
}

export interface Conversion {
  tacticId: TacticId;
  channel: Channel;
  reachUnit: UnitId;
  reach: number;
  signups: number;
  reports: number;
  per100: number;
}

export interface HourRate {
  tacticId: TacticId;
  hours: number;
  signups: number;
  perHour: number;
}

export interface ConversionPeriod {
  /** Tactics that met the threshold, best conversion first. */
  qualifying: Conversion[];
  /** At least two tactics met the threshold, so there is something to compare. */
  enough: boolean;
}

export interface Comparison {
  thisWeek: ConversionPeriod;
  eightWeeks: ConversionPeriod;
  /** Sign-ups per volunteer-hour, for tactics whose reports logged both in the eight weeks. */
  perHour: HourRate[];
}

export interface ChartPoint {
  /** The last day of the week the bar stands for. */
  weekEnding: IsoDate;
  goal: Goal;
  channel: Channel;
  actions: number;
}

export interface Digest {
  window: DigestWindow;
  /** Nothing was logged and no story told: the digest says so kindly instead of listing zeros. */
  quiet: boolean;
  totals: Record<Channel, { actions: number; previousActions: number }>;
  headline: GoalLine[];
  wins: Win[];
  compare: Comparison;
  people: { newcomers: Newcomer[]; moreNewcomers: number; bothChannels: string[]; moreBoth: number; active: number; climbers: Climber[]; moreClimbers: number };
  nextUp: readonly Opportunity[];
  chart: ChartPoint[];
}

export function composeDigest(facts: DigestFacts): Digest {
  const thisWeek = weekOf(facts.weeks, 0);
  const lastWeek = weekOf(facts.weeks, 1);
  const actionsNow = thisWeek.reduce((sum, t) => sum + t.actions, 0);
  const totals = Object.fromEntries(
    CHANNELS.map((channel) => [channel, { actions: channelActions(thisWeek, channel), previousActions: channelActions(lastWeek, channel) }]),
  ) as Digest['totals'];
  const newcomers = [...facts.people.newcomers].sort((a, b) => a.userId.localeCompare(b.userId));
  const both = [...facts.people.bothChannels].sort();
  const climbers = [...(facts.climbers ?? [])].sort((a, b) => a.userId.localeCompare(b.userId));
  return {
    window: facts.window,
    quiet: actionsNow === 0 && facts.stories.length === 0,
    totals,
    headline: GOALS.map((goal) => ({
      goal,
      cells: Object.fromEntries(CHANNELS.map((channel) => [channel, cellSummary(thisWeek, lastWeek, goal, channel)])) as Record<Channel, CellSummary>,
    })),
    wins: chooseWins(facts.stories),
    compare: {
      thisWeek: conversions(thisWeek),
      eightWeeks: conversions(facts.weeks.filter((w) => w.weeksAgo < SERIES_WEEKS).flatMap((w) => w.tactics)),
      perHour: hourRates(facts.weeks.filter((w) => w.weeksAgo < SERIES_WEEKS).flatMap((w) => w.tactics)),
    },
    people: {
      newcomers: newcomers.slice(0, MAX_NEWCOMERS_LISTED),
      moreNewcomers: Math.max(0, newcomers.length - MAX_NEWCOMERS_LISTED),
      bothChannels: both.slice(0, MAX_BOTH_LISTED),
      moreBoth: Math.max(0, both.length - MAX_BOTH_LISTED),
      active: facts.people.active,
      climbers: climbers.slice(0, MAX_CLIMBERS_LISTED),
      moreClimbers: Math.max(0, climbers.length - MAX_CLIMBERS_LISTED),
    },
    nextUp: facts.nextUp,
    chart: chartSeries(facts),
  };
}

function weekOf(weeks: readonly WeekTotals[], weeksAgo: number): readonly TacticTotals[] {
  return weeks.filter((w) => w.weeksAgo === weeksAgo).flatMap((w) => w.tactics);
}

function channelActions(tactics: readonly TacticTotals[], channel: Channel): number {
  return tactics.filter((t) => TACTICS[t.tacticId].channel === channel).reduce((sum, t) => sum + t.actions, 0);
}

function cellSummary(thisWeek: readonly TacticTotals[], lastWeek: readonly TacticTotals[], goal: Goal, channel: Channel): CellSummary {
  const inCell = (t: TacticTotals) => TACTICS[t.tacticId].goal === goal && TACTICS[t.tacticId].channel === channel;
  const now = thisWeek.filter(inCell);
  const counts = addCounts(now.map((t) => t.counts));
  const amounts = (Object.entries(counts) as [UnitId, number][]).filter(([, amount]) => amount > 0);
  const byOutcomeOrder = (a: [UnitId, number], b: [UnitId, number]) => OUTCOME_UNITS.indexOf(a[0]) - OUTCOME_UNITS.indexOf(b[0]);
  return {
    actions: now.reduce((sum, t) => sum + t.actions, 0),
    previousActions: lastWeek.filter(inCell).reduce((sum, t) => sum + t.actions, 0),
    outcomes: amounts.filter(([unit]) => OUTCOME_UNITS.includes(unit)).sort(byOutcomeOrder).map(([unit, amount]) => ({ unit, amount })),
    activity: amounts.filter(([unit]) => !OUTCOME_UNITS.includes(unit)).map(([unit, amount]) => ({ unit, amount })),
  };
}

function addCounts(all: readonly Counts[]): Counts {
  const sum: Counts = {};
  for (const counts of all) {
    for (const [unit, amount] of Object.entries(counts) as [UnitId, number][]) sum[unit] = (sum[unit] ?? 0) + amount;
  }
  return sum;
}

/**
 * Up to MAX_WINS stories: the strongest offline one and the strongest online one first when both
 * exist (the article: share success stories about both), then a nominated message, then the rest; one per person before
 * anyone gets a second, so the wins celebrate the team rather than its most prolific writer.
 */
export function chooseWins(stories: readonly StoryCandidate[]): Win[] {
  const ordered = [...stories].sort((a, b) => weight(b) - weight(a) || b.on.localeCompare(a.on));
  const channelOf = (story: StoryCandidate): Channel | null => (story.tacticId ? TACTICS[story.tacticId].channel : null);
  const chosen: StoryCandidate[] = [];
  const take = (story: StoryCandidate | undefined) => {
    if (story && !chosen.includes(story) && chosen.length < MAX_WINS) chosen.push(story);
  };
  for (const channel of CHANNELS) take(ordered.find((story) => channelOf(story) === channel));
  // A message teammates nominated was picked by people, not by counts: the best one gets a place too.
  take(ordered.find((story) => story.source === 'nominated'));
  for (const story of ordered) if (!chosen.some((c) => c.authorId === story.authorId)) take(story);
  for (const story of ordered) take(story);
  return chosen.map((story) => ({ story, channel: channelOf(story) }));
}

/** Stories with outcomes behind them first. */
function weight(story: StoryCandidate): number {
  return OUTCOME_UNITS.reduce((sum, unit) => sum + (story.counts?.[unit] ?? 0), 0);
}

/** What a tactic reaches people with before they sign up: doors, calls, emails… (the first unit it counts that is not sign-ups). */
export function reachUnitOf(tacticId: TacticId): UnitId | null {
  const units = TACTICS[tacticId].units;
  return units.includes('signups') ? (units.find((unit) => unit !== 'signups') ?? null) : null;
}

function conversions(tactics: readonly TacticTotals[]): ConversionPeriod {
  const byTactic = new Map<TacticId, { reports: number; counts: Counts[] }>();
  for (const t of tactics) {
    const entry = byTactic.get(t.tacticId) ?? { reports: 0, counts: [] };
    entry.reports += t.actions;
    entry.counts.push(t.counts);
    byTactic.set(t.tacticId, entry);
  }
  const qualifying: Conversion[] = [];
  for (const [tacticId, entry] of byTactic) {
    const reachUnit = reachUnitOf(tacticId);
    if (!reachUnit) continue;
    const counts = addCounts(entry.counts);
    const reach = counts[reachUnit] ?? 0;
    if (entry.reports < COMPARE_MIN_REPORTS || reach < COMPARE_MIN_REACH) continue;
    const signups = counts.signups ?? 0;
    qualifying.push({ tacticId, channel: TACTICS[tacticId].channel, reachUnit, reach, signups, reports: entry.reports, per100: (signups * 100) / reach });
  }
  qualifying.sort((a, b) => b.per100 - a.per100 || a.tacticId.localeCompare(b.tacticId));
  return { qualifying, enough: qualifying.length >= 2 };
}

function hourRates(tactics: readonly TacticTotals[]): HourRate[] {
  const sums = new Map<TacticId, { hours: number; signups: number }>();
  for (const t of tactics) {
    const hours = t.counts.hours ?? 0;
    const signups = t.counts.signups ?? 0;
    if (hours <= 0 || signups <= 0) continue;
    const entry = sums.get(t.tacticId) ?? { hours: 0, signups: 0 };
    sums.set(t.tacticId, { hours: entry.hours + hours, signups: entry.signups + signups });
  }
  return [...sums].map(([tacticId, s]) => ({ tacticId, ...s, perHour: s.signups / s.hours })).sort((a, b) => b.perHour - a.perHour);
}

function chartSeries(facts: DigestFacts): ChartPoint[] {
  const points: ChartPoint[] = [];
  for (let weeksAgo = SERIES_WEEKS - 1; weeksAgo >= 0; weeksAgo -= 1) {
    const tactics = weekOf(facts.weeks, weeksAgo);
    const weekEnding = addDays(facts.window.to, -7 * weeksAgo);
    for (const goal of GOALS) {
      for (const channel of CHANNELS) {
        const actions = tactics.filter((t) => TACTICS[t.tacticId].goal === goal && TACTICS[t.tacticId].channel === channel).reduce((sum, t) => sum + t.actions, 0);
        points.push({ weekEnding, goal, channel, actions });
      }
    }
  }
  return points;
}
