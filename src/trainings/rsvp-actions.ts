/**
 * RSVP, Join waitlist, Cancel RSVP, Confirm and Pass on a training, wherever the button was pressed:
 * asks the signup engine (the same takeSeat, leave and confirmOffer as shifts) and says what happened
 * in a person's words. After a change, the announcement is brought up to date, any seat offer it
 * caused is sent, and the person's Home tab refreshed.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { refreshHome } from '../home/publish-home.js';
import { deliverOutbox, type SignupDeps } from '../signups/deliver-outbox.js';
import { confirmOffer, findClaim, leave, takeSeat, type Clash } from '../signups/queries/claims.js';
import { refreshTrainingAnnouncement } from './announce-training.js';
import { findTraining, type Training } from './queries/trainings.js';
import { TRAINING_FEATURES } from './training-feature.js';
import type { RsvpReply } from './views/rsvp-replies.js';

export type RsvpVerb = 'rsvp' | 'wait' | 'cancel' | 'confirm' | 'pass';

export interface RsvpChange {
  reply: RsvpReply;
  training: Training | undefined;
  /** Set when the database changed, so the announcement and outbox need attention. */
  changedOpportunityId: number | null;
}

export interface RsvpRequest {
  teamId: string;
  userId: string;
  verb: RsvpVerb;
  /** The training's number for rsvp, wait and cancel; the claim's for confirm and pass. */
  id: number;
  now: Date;
}

export async function changeRsvp(deps: SignupDeps, request: RsvpRequest): Promise<RsvpChange> {
  const { db } = deps;
  const { teamId, userId, verb, id, now } = request;
  if (verb === 'confirm' || verb === 'pass') return answerOffer(db, request);
  const training = await findTraining(db, teamId, id);
  if (!training) return { reply: { kind: 'not_found' }, training: undefined, changedOpportunityId: null };
  const unchanged = (reply: RsvpReply): RsvpChange => ({ reply, training, changedOpportunityId: null });

  if (verb === 'cancel') {
    const outcome = await leave(db, { teamId, userId, opportunityId: id, now });
    return outcome.kind === 'left' ? { reply: { kind: 'left', previous: outcome.previous }, training, changedOpportunityId: id } : unchanged({ kind: outcome.kind });
  }
  const outcome = await takeSeat(db, { teamId, userId, opportunityId: id, now, mode: verb === 'wait' ? 'seat_or_wait' : 'seat' });
  switch (outcome.kind) {
    case 'seated':
      return { reply: { kind: 'seated' }, training, changedOpportunityId: id };
    case 'waiting':
      return { reply: { kind: 'waiting', position: outcome.position }, training, changedOpportunityId: id };
    case 'already':
      return unchanged({ kind: 'already', status: outcome.status, position: outcome.position, offerExpiresAt: outcome.offerExpiresAt });
    case 'full':
      return unchanged({ kind: 'full', waiting: outcome.waiting });
    case 'clash':
      return unchanged({ kind: 'clash', clash: outcome.clash, otherTitle: await titleOfSession(db, outcome.clash) });
    default:
      return unchanged({ kind: outcome.kind });
  }
}

async function answerOffer(db: Kysely<DB>, request: RsvpRequest): Promise<RsvpChange> {
  const { teamId, userId, id, now } = request;
  const claim = await findClaim(db, teamId, id);
  const training = claim ? await findTraining(db, teamId, claim.opportunity_id) : undefined;
  if (!claim || claim.user_id !== userId || !training) return { reply: { kind: 'not_offered' }, training, changedOpportunityId: null };
  if (request.verb === 'pass') {
    const outcome = await leave(db, { teamId, userId, opportunityId: claim.opportunity_id, now, from: ['offered'] });
    if (outcome.kind === 'left') return { reply: { kind: 'passed' }, training, changedOpportunityId: claim.opportunity_id };
    return { reply: { kind: outcome.kind === 'not_holding' ? 'not_offered' : outcome.kind }, training, changedOpportunityId: null };
  }
  const outcome = await confirmOffer(db, { teamId, userId, claimId: id, now });
  switch (outcome.kind) {
    case 'confirmed':
      return { reply: { kind: 'confirmed' }, training, changedOpportunityId: claim.opportunity_id };
    case 'clash':
      return { reply: { kind: 'clash', clash: outcome.clash, otherTitle: await titleOfSession(db, outcome.clash) }, training, changedOpportunityId: null };
    default:
      return { reply: { kind: outcome.kind }, training, changedOpportunityId: null };
  }
}

/** The title of the shift or training a clash names. */
async function titleOfSession(db: Kysely<DB>, clash: Clash): Promise<string | null> {
  const table = clash.kind === 'training' ? 'trainings' : 'shifts';
  const row = await db.selectFrom(table).select('title').where('opportunity_id', '=', clash.opportunityId).executeTakeFirst();
  return row?.title ?? null;
}

/** After a change: the announcement, the DMs it owes (a seat offer goes out now), the person's home. */
export async function afterRsvpChange(deps: SignupDeps, options: { teamId: string; userId: string; opportunityId: number; now: Date }): Promise<void> {
  const { teamId, userId, opportunityId, now } = options;
  await refreshTrainingAnnouncement(deps, opportunityId, now);
  await deliverOutbox({ ...deps, features: TRAINING_FEATURES, now, opportunityId }).catch((error: unknown) => deps.logger.warn(`Could not send the DMs for training ${opportunityId} now (the job will): ${String(error)}`));
  await refreshHome({ ...deps, teamId, userId });
}
