/**
 * Attendance on an opportunity, as staff mark it after the start: each person holding a seat came
 * or was a no-show. Pure: the seated claims in, the turnout out.
 */
import type { ClaimRow } from '../db/schema.js';

/** Who came and who did not, among the seats staff have marked. */
export interface Turnout {
  /** Seats whose attendance is marked. */
  marked: number;
  came: number;
  noShows: number;
  /** noShows / marked, 0 to 1; null until something is marked. */
  noShowRate: number | null;
}

/** Attendance can be marked once the opportunity has started, and not if it was cancelled. */
export function canMarkAttendance(opportunity: { starts_at: Date; status: string }, now: Date): boolean {
  return opportunity.status === 'open' && now.getTime() >= opportunity.starts_at.getTime();
}

export function turnoutOf(seated: readonly Pick<ClaimRow, 'attended'>[]): Turnout {
  const came = seated.filter((claim) => claim.attended === true).length;
  const noShows = seated.filter((claim) => claim.attended === false).length;
  const marked = came + noShows;
  return { marked, came, noShows, noShowRate: marked === 0 ? null : noShows / marked };
}
