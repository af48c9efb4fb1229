/** Trainings for the Home tab: a person's next RSVPs (seats, offers, waitlist places) and the skills they have earned. */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { upcomingClaimsOf } from '../signups/queries/claims.js';
import { skillsOf, type EarnedSkill } from './queries/skills.js';
import { trainingDetailsOf, trainingsFrom } from './queries/trainings.js';

export interface NextTraining {
  opportunityId: number;
  title: string;
  startsAt: Date;
  status: 'seated' | 'offered' | 'waiting';
}

/** How many the Home tab lists; /trainings shows them all. */
export const HOME_TRAININGS = 5;

export async function nextTrainingsOf(db: Kysely<DB>, teamId: string, userId: string, now: Date): Promise<NextTraining[]> {
  const claims = await upcomingClaimsOf(db, teamId, userId, 'training', now, HOME_TRAININGS);
  const details = await trainingDetailsOf(db, claims.map((claim) => claim.opportunityId));
  return claims.flatMap((claim) => {
    const training = details.get(claim.opportunityId);
    if (!training || claim.status === 'left') return [];
    return [{ opportunityId: claim.opportunityId, title: training.title, startsAt: claim.starts_at, status: claim.status }];
  });
}

export type { EarnedSkill };

/** The person's upcoming trainings and earned skills, together, as the Home tab reads them. */
export async function trainingsHomeOf(db: Kysely<DB>, teamId: string, userId: string, now: Date): Promise<{ trainings: NextTraining[]; skills: EarnedSkill[] }> {
  const [trainings, skills] = await Promise.all([nextTrainingsOf(db, teamId, userId, now), skillsOf(db, teamId, userId)]);
  return { trainings, skills };
}

/** One of the team's trainings on the staff Home tab, with Edit and Cancel. */
export interface TeamTraining {
  opportunityId: number;
  title: string;
  startsAt: Date;
  filled: number;
  /** Null: no seat limit. */
  capacity: number | null;
}

/** The team's trainings that have not started (so can still be edited or cancelled), soonest first. */
export async function teamUpcomingTrainings(db: Kysely<DB>, teamId: string, now: Date): Promise<TeamTraining[]> {
  // trainingsFrom lists trainings under way too (it looks at the end); they can no longer change.
  const trainings = await trainingsFrom(db, teamId, now, HOME_TRAININGS * 2);
  return trainings
    .filter(({ opportunity }) => opportunity.starts_at.getTime() > now.getTime())
    .slice(0, HOME_TRAININGS)
    .map(({ opportunity, details }) => ({ opportunityId: opportunity.id, title: details.title, startsAt: opportunity.starts_at, filled: opportunity.filled, capacity: details.unlimited ? null : opportunity.capacity }));
}
