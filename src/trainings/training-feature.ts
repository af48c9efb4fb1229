/** What trainings give the signup engine: the words of each DM about a training, and its announcement. */
import type { SignupFeature } from '../signups/deliver-outbox.js';
import { displayTimeZone } from '../team/time-zone.js';
import { refreshTrainingAnnouncement } from './announce-training.js';
import { trainingDetailsOf } from './queries/trainings.js';
import { trainingDm } from './views/dms.js';

export const trainingSignupFeature: SignupFeature = {
  async render(db, item) {
    const details = (await trainingDetailsOf(db, [item.opportunity.id])).get(item.opportunity.id);
    if (!details) throw new Error(`training ${item.opportunity.id} has no details`);
    return trainingDm(item.row, { opportunity: item.opportunity, details }, await displayTimeZone(db, item.opportunity.team_id));
  },
  refreshAnnouncement: refreshTrainingAnnouncement,
  // Attendance, marked by staff, records what a training earns: nobody is asked to report back.
  sends: ['reminder', 'offer', 'changed', 'cancelled', 'removed'],
};

/** The features the training listeners hand to deliverOutbox (the job gets every feature in src/jobs/index.ts). */
export const TRAINING_FEATURES = { training: trainingSignupFeature } as const;
