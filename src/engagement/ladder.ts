/**
 * The engagement ladder, as data: the rungs a person climbs, each with the facts of their record it
 * requires, and the leader signals. Pure: facts in, a rung and what would move them up out.
 *
 * Every count is over the ladder window: the LADDER_WINDOW_WEEKS Monday-weeks ending with the week in
 * question (this week included); skills count however long ago they were earned. A rung's
 * requirements are complete (not added to the rung below); a person is on the highest rung whose
 * requirements and those of every rung below all hold, so the ladder is climbed in order.
 */

export const LADDER_WINDOW_WEEKS = 8;

/** What the ladder reads from a person's record. */
export interface LadderFacts {
  /** Actions logged (any tactic), in the window. */
  actions: number;
  /** Weeks of the window with at least one action. */
  activeWeeks: number;
  /** One-on-one conversations logged (tactic one_on_one), in the window. */
  oneOnOnes: number;
  /** House parties organized (tactic house_party), in the window. */
  houseParties: number;
  /** Skills held (person_skills): trained at a training, or recorded by staff. */
  skills: number;
  /** Seats of shifts and trainings in the window they were marked as having come to. */
  attended: number;
  /** …and marked as not having come to. */
  noShows: number;
}

export const NO_FACTS: LadderFacts = { actions: 0, activeWeeks: 0, oneOnOnes: 0, houseParties: 0, skills: 0, attended: 0, noShows: 0 };

export type SignalId = 'one_on_ones' | 'house_party' | 'trained' | 'reliable_shifts';

export interface LeaderSignal {
  id: SignalId;
  /** Said of the person: "held 3 one-on-ones". */
  label: string;
  holds(facts: LadderFacts): boolean;
}

/** What suggests someone could lead: the things organizers look for, read from the record. */
export const LEADER_SIGNALS: readonly LeaderSignal[] = [
  { id: 'one_on_ones', label: `held ${3} or more one-on-ones in ${LADDER_WINDOW_WEEKS} weeks`, holds: (f) => f.oneOnOnes >= 3 },
  { id: 'house_party', label: `hosted a house party in ${LADDER_WINDOW_WEEKS} weeks`, holds: (f) => f.houseParties >= 1 },
  { id: 'trained', label: 'trained in a skill', holds: (f) => f.skills >= 1 },
  { id: 'reliable_shifts', label: `came to ${3} or more shifts in ${LADDER_WINDOW_WEEKS} weeks with no no-shows`, holds: (f) => f.attended >= 3 && f.noShows === 0 },
];

export function signalsOf(facts: LadderFacts): SignalId[] {
  return LEADER_SIGNALS.filter((signal) => signal.holds(facts)).map((signal) => signal.id);
}

/** What a requirement counts: a fact, or the number of leader signals that hold. */
export type Metric = keyof LadderFacts | 'signals';

export interface Requirement {
  metric: Metric;
  atLeast: number;
  /** "{n} more week(s) with an action": how far they are, in a person's words. */
  toGo(missing: number): string;
}

export const RUNG_IDS = ['supporter', 'volunteer', 'regular', 'emerging_leader', 'leader'] as const;
export type RungId = (typeof RUNG_IDS)[number];

export interface Rung {
  id: RungId;
  label: string;
  /** What the rung means, for the README and the Home tab. */
  meaning: string;
  requires: readonly Requirement[];
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const weeksActive = (atLeast: number): Requirement => ({
  metric: 'activeWeeks',
  atLeast,
  toGo: (n) => `act in ${plural(n, 'more week', 'more weeks')} of the last ${LADDER_WINDOW_WEEKS}`,
});
const signals = (atLeast: number): Requirement => ({
  metric: 'signals',
  atLeast,
  toGo: (n) => `${plural(n, 'more leader signal', 'more leader signals')}: ${LEADER_SIGNALS.map((s) => s.label).join('; or ')}`,
});

export const LADDER: readonly Rung[] = [
  { id: 'supporter', label: 'Supporter', meaning: 'on the team, nothing logged lately', requires: [] },
  {
    id: 'volunteer',
    label: 'Volunteer',
    meaning: `logged an action in the last ${LADDER_WINDOW_WEEKS} weeks`,
    requires: [{ metric: 'actions', atLeast: 1, toGo: () => 'log one action, offline or online' }],
  },
  { id: 'regular', label: 'Regular', meaning: `acted in 4 of the last ${LADDER_WINDOW_WEEKS} weeks`, requires: [weeksActive(4)] },
  {
    id: 'emerging_leader',
    label: 'Emerging leader',
    meaning: `acted in 4 of the last ${LADDER_WINDOW_WEEKS} weeks and shows a leader signal`,
    requires: [weeksActive(4), signals(1)],
  },
  { id: 'leader', label: 'Leader', meaning: `acted in 6 of the last ${LADDER_WINDOW_WEEKS} weeks and shows two leader signals`, requires: [weeksActive(6), signals(2)] },
];

function valueOf(facts: LadderFacts, metric: Metric): number {
  return metric === 'signals' ? signalsOf(facts).length : facts[metric];
}

function meets(facts: LadderFacts, rung: Rung): boolean {
  return rung.requires.every((requirement) => valueOf(facts, requirement.metric) >= requirement.atLeast);
}

/** The index in LADDER of the highest rung reached, climbing in order. */
export function rungIndexOf(facts: LadderFacts): number {
  let reached = 0;
  for (let i = 1; i < LADDER.length && meets(facts, LADDER[i]!); i++) reached = i;
  return reached;
}

export function rungOf(facts: LadderFacts): Rung {
  return LADDER[rungIndexOf(facts)]!;
}

export interface NextStep {
  rung: Rung;
  /** What is still missing, in a person's words; each requirement not yet met. */
  missing: string[];
}

/** What would move a person up one rung; undefined on the top rung. */
export function nextStepOf(facts: LadderFacts): NextStep | undefined {
  const next = LADDER[rungIndexOf(facts) + 1];
  if (!next) return undefined;
  const missing = next.requires
    .map((requirement) => ({ requirement, short: requirement.atLeast - valueOf(facts, requirement.metric) }))
    .filter(({ short }) => short > 0)
    .map(({ requirement, short }) => requirement.toGo(short));
  return { rung: next, missing };
}

/** True when `after` is a higher rung than `before`. */
export function climbed(before: LadderFacts, after: LadderFacts): boolean {
  return rungIndexOf(after) > rungIndexOf(before);
}
