/** What shifts give the signup engine: the words of each DM about a shift, and its announcement. */
import type { SignupFeature } from '../signups/deliver-outbox.js';
import { refreshAnnouncement } from './announce-shift.js';
import { shiftDetailsOf } from './queries.js';
import { displayTimeZone } from '../team/time-zone.js';
import { shiftDm } from './views/dms.js';

export const shiftSignupFeature: SignupFeature = {
  async render(db, item) {
    const details = (await shiftDetailsOf(db, [item.opportunity.id])).get(item.opportunity.id);
    if (!details) throw new Error(`shift ${item.opportunity.id} has no details`);
    return shiftDm(item.row, { opportunity: item.opportunity, details }, await displayTimeZone(db, item.opportunity.team_id));
  },
  refreshAnnouncement,
};

/** The features the listeners hand to deliverOutbox (the job gets the same list in src/jobs/index.ts). */
export const SHIFT_FEATURES = { shift: shiftSignupFeature } as const;
