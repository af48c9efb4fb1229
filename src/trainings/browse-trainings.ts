/** Builds the /trainings modal for one person: upcoming trainings, theirs first. */
import type { ModalView } from '@slack/types';
import { listOpportunities } from '../signups/queries/opportunities.js';
import type { SignupDeps } from '../signups/deliver-outbox.js';
import { displayTimeZone } from '../team/time-zone.js';
import { trainingDetailsOf } from './queries/trainings.js';
import { BROWSE_DAYS, LISTED, trainingsBrowseModal, type BrowseItem } from './views/browse-modal.js';

export async function browseTrainingsView(deps: SignupDeps, options: { teamId: string; userId: string; now: Date; notice?: string }): Promise<ModalView> {
  const { db } = deps;
  const { teamId, userId, now, notice } = options;
  const to = new Date(now.getTime() + BROWSE_DAYS * 86_400_000);
  // Trainings are open to everyone, so nothing is left out for a volunteer.
  const [listed, timeZone] = await Promise.all([
    listOpportunities(db, { teamId, kind: 'training', userId, from: now, to, includeLeadersOnly: true, limit: LISTED, offset: 0 }),
    displayTimeZone(db, teamId),
  ]);
  const details = await trainingDetailsOf(db, listed.rows.map((row) => row.id));
  const items: BrowseItem[] = listed.rows.flatMap((opportunity) => {
    const training = details.get(opportunity.id);
    return training ? [{ opportunity, details: training }] : [];
  });
  return trainingsBrowseModal({ items, total: listed.total, timeZone, ...(notice ? { notice } : {}) });
}
