/** A person's next shifts for their Home tab: seats, offers and waitlist places, soonest first. */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { upcomingClaimsOf } from '../signups/queries/claims.js';
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
