/** Shifts for the Home tab: a person's next ones (seats, offers, waitlist places), and for staff the team's upcoming ones. */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { upcomingClaimsOf } from '../signups/queries/claims.js';
import { upcomingOpportunities } from '../signups/queries/opportunities.js';
import { shiftDetailsOf } from './queries.js';

export interface NextShift {
  opportunityId: number;
  title: string;
  startsAt: Date;
  status: 'seated' | 'offered' | 'waiting';
}

/** How many the Home tab lists; /shifts shows them all. */
export const HOME_SHIFTS = 5;

export async function nextShiftsOf(db: Kysely<DB>, teamId: string, userId: string, now: Date): Promise<NextShift[]> {
  const claims = await upcomingClaimsOf(db, teamId, userId, 'shift', now, HOME_SHIFTS);
  const details = await shiftDetailsOf(db, claims.map((claim) => claim.opportunityId));
  return claims.flatMap((claim) => {
    const shift = details.get(claim.opportunityId);
    if (!shift || claim.status === 'left') return [];
    return [{ opportunityId: claim.opportunityId, title: shift.title, startsAt: claim.starts_at, status: claim.status }];
  });
}

/** A shift staff can still edit or cancel from their Home tab. */
export interface TeamShift {
  opportunityId: number;
  title: string;
  startsAt: Date;
  filled: number;
  capacity: number;
}

/** How many of the team's shifts the staff Home tab lists; `/shift edit` and `/shift cancel` list them all. */
export const HOME_TEAM_SHIFTS = 5;

/** The team's shifts that have not started (so can still be edited or cancelled), soonest first. */
export async function teamUpcomingShifts(db: Kysely<DB>, teamId: string, now: Date): Promise<TeamShift[]> {
  // Shifts under way are listed by the query too (it looks at the end); they can no longer change.
  const upcoming = (await upcomingOpportunities(db, teamId, 'shift', now, HOME_TEAM_SHIFTS * 2)).filter((o) => o.starts_at.getTime() > now.getTime()).slice(0, HOME_TEAM_SHIFTS);
  const details = await shiftDetailsOf(db, upcoming.map((o) => o.id));
  return upcoming.flatMap((o) => {
    const shift = details.get(o.id);
    return shift ? [{ opportunityId: o.id, title: shift.title, startsAt: o.starts_at, filled: o.filled, capacity: o.capacity }] : [];
  });
}
