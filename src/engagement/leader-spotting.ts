/**
 * Leader spotting: whom staff hear about in their weekly DM, and the next ask suggested for each. Pure.
 * Someone is spotted when they climbed a rung this week (Regular and up) or show a leader signal
 * (ladder.ts), unless staff snoozed them. Listed by Slack id, never ranked.
 */
import type { LeaderAsk } from '../db/schema.js';
import type { Climber } from './climbers.js';
import { LADDER, rungOf, signalsOf, type LadderFacts, type RungId, type SignalId } from './ladder.js';

/** How long "Snooze" keeps someone out of the DM. */
export const SNOOZE_WEEKS = 4;
/** Two blocks each, within a message's 50. */
export const SPOTTED_LISTED_MAX = 20;

export const ASK_LABELS: Record<LeaderAsk, string> = {
  lead_training: 'Invite to lead a training',
  host: 'Ask to host',
};

export interface Spotted {
  userId: string;
  rung: RungId;
  /** The rung reached this week, when they climbed. */
  climbedTo: RungId | undefined;
  signals: SignalId[];
  suggested: LeaderAsk;
}

/** Someone trained, or reliable at shifts, can teach; anyone else showing promise can host. */
export function suggestedAsk(signals: readonly SignalId[]): LeaderAsk {
  return signals.includes('trained') || signals.includes('reliable_shifts') ? 'lead_training' : 'host';
}

export function spotLeaders(input: { facts: ReadonlyMap<string, LadderFacts>; climbers: readonly Climber[]; snoozed: ReadonlySet<string> }): Spotted[] {
  const climbedTo = new Map(input.climbers.map((c) => [c.userId, c.rung]));
  const spotted: Spotted[] = [];
  for (const [userId, facts] of input.facts) {
    if (input.snoozed.has(userId)) continue;
    const signals = signalsOf(facts);
    if (signals.length === 0 && !climbedTo.has(userId)) continue;
    spotted.push({ userId, rung: rungOf(facts).id, climbedTo: climbedTo.get(userId), signals, suggested: suggestedAsk(signals) });
  }
  return spotted.sort((a, b) => a.userId.localeCompare(b.userId));
}

export function rungLabel(id: RungId): string {
  return LADDER.find((rung) => rung.id === id)!.label;
}
