/**
 * "Next up" in the digest: shifts and trainings of the coming week that still have seats, each with
 * the button that claims a seat or RSVPs. Shifts and trainings are being built on their own branch;
 * until they exist this returns nothing and the digest leaves the section out. The seam: return
 * the week's open opportunities here, with the action id their own listener already handles, and
 * the digest shows them with working buttons.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { DigestWindow } from './schedule.js';

export interface Opportunity {
  kind: 'shift' | 'training';
  title: string;
  startsAt: Date;
  seatsLeft: number;
  /** The action_id of the Claim / RSVP button, routed by the shifts feature's own listener. */
  actionId: string;
  /** The button's value: which opportunity it claims. */
  value: string;
}

/** Open opportunities in the days after `window` (the coming week). */
export async function upcomingOpportunities(_db: Kysely<DB>, _teamId: string, _window: DigestWindow): Promise<Opportunity[]> {
  return [];
}
