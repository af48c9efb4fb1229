/**
 * Claim, Join waitlist, Leave, Confirm and Pass on a shift, wherever the button was pressed: checks
 * who may claim (their role, and the skill the shift requires, if any), asks the signup engine, and says what happened in a person's words. After a change,
 * the announcement is brought up to date, any seat offer it caused is sent, and the person's Home
 * tab refreshed.
 */
import { refreshHome } from '../home/publish-home.js';
import { deliverOutbox, type SignupDeps } from '../signups/deliver-outbox.js';
import { confirmOffer, findClaim, leave, takeSeat } from '../signups/queries/claims.js';
import { mayClaim } from '../signups/signup-rules.js';
import { knownAdmins } from '../team/queries/roles.js';
import { resolveRole } from '../team/permissions.js';
import { hasSkill } from '../trainings/queries/skills.js';
import { nextTrainingFor } from '../trainings/queries/trainings.js';
import { refreshAnnouncement } from './announce-shift.js';
import { findShift, type Shift } from './queries.js';
import { SHIFT_FEATURES } from './shift-feature.js';
import type { SeatReply } from './views/seat-replies.js';

export type SeatVerb = 'claim' | 'wait' | 'leave' | 'confirm' | 'pass';

export interface SeatChange {
  reply: SeatReply;
  shift: Shift | undefined;
  /** Set when the database changed, so the announcement and outbox need attention. */
  changedOpportunityId: number | null;
}

export interface SeatRequest {
  teamId: string;
  userId: string;
  verb: SeatVerb;
  /** The shift's number for claim, wait and leave; the claim's for confirm and pass. */
  id: number;
  now: Date;
}

export async function changeSeat(deps: SignupDeps, request: SeatRequest): Promise<SeatChange> {
  const { db } = deps;
  const { teamId, userId, verb, id, now } = request;
  if (verb === 'confirm' || verb === 'pass') return answerOffer(deps, request);
  const shift = await findShift(db, teamId, id);
  if (!shift) return { reply: { kind: 'not_found' }, shift: undefined, changedOpportunityId: null };
  const unchanged = (reply: SeatReply): SeatChange => ({ reply, shift, changedOpportunityId: null });

  if (verb === 'leave') {
    const outcome = await leave(db, { teamId, userId, opportunityId: id, now });
    return outcome.kind === 'left' ? { reply: { kind: 'left', previous: outcome.previous }, shift, changedOpportunityId: id } : unchanged({ kind: outcome.kind });
  }

  if (shift.opportunity.min_role !== 'volunteer') {
    const role = await resolveRole({ ...deps, teamId, userId });
    if (!mayClaim(role, shift.opportunity.min_role)) {
      const admins = await knownAdmins(db, teamId, 2);
      return unchanged({ kind: 'not_allowed', role, askUserIds: [...new Set([shift.opportunity.created_by, ...admins])] });
    }
  }
  // A skill prerequisite is checked here, before the engine (which knows nothing of skills) is asked.
  const required = shift.details.required_skill;
  if (required !== null && !(await hasSkill(db, teamId, userId, required))) {
    const [next, admins] = await Promise.all([nextTrainingFor(db, teamId, required, now), knownAdmins(db, teamId, 2)]);
    return unchanged({ kind: 'needs_skill', skill: required, next, askUserIds: [...new Set([shift.opportunity.created_by, ...admins])] });
  }
  const outcome = await takeSeat(db, { teamId, userId, opportunityId: id, now, mode: verb === 'wait' ? 'seat_or_wait' : 'seat' });
  switch (outcome.kind) {
    case 'seated':
      return { reply: { kind: 'seated' }, shift, changedOpportunityId: id };
    case 'waiting':
      return { reply: { kind: 'waiting', position: outcome.position }, shift, changedOpportunityId: id };
    case 'already':
      return unchanged({ kind: 'already', status: outcome.status, position: outcome.position, offerExpiresAt: outcome.offerExpiresAt });
    case 'full':
      return unchanged({ kind: 'full', waiting: outcome.waiting });
    case 'clash':
      return unchanged({ kind: 'clash', clash: outcome.clash, other: await findShift(db, teamId, outcome.clash.opportunityId) });
    default:
      return unchanged({ kind: outcome.kind });
  }
}

async function answerOffer(deps: SignupDeps, request: SeatRequest): Promise<SeatChange> {
  const { db } = deps;
  const { teamId, userId, id, now } = request;
  const claim = await findClaim(db, teamId, id);
  const shift = claim ? await findShift(db, teamId, claim.opportunity_id) : undefined;
  if (!claim || claim.user_id !== userId || !shift) return { reply: { kind: 'not_offered' }, shift, changedOpportunityId: null };
  if (request.verb === 'pass') {
    const outcome = await leave(db, { teamId, userId, opportunityId: claim.opportunity_id, now, from: ['offered'] });
    if (outcome.kind === 'left') return { reply: { kind: 'passed' }, shift, changedOpportunityId: claim.opportunity_id };
    return { reply: { kind: outcome.kind === 'not_holding' ? 'not_offered' : outcome.kind }, shift, changedOpportunityId: null };
  }
  const outcome = await confirmOffer(db, { teamId, userId, claimId: id, now });
  switch (outcome.kind) {
    case 'confirmed':
      return { reply: { kind: 'confirmed' }, shift, changedOpportunityId: claim.opportunity_id };
    case 'clash':
      return { reply: { kind: 'clash', clash: outcome.clash, other: await findShift(db, teamId, outcome.clash.opportunityId) }, shift, changedOpportunityId: null };
    default:
      return { reply: { kind: outcome.kind }, shift, changedOpportunityId: null };
  }
}

/** After a change: the announcement, the DMs it owes (a seat offer goes out now, not at the next minute), the person's home. */
export async function afterSeatChange(deps: SignupDeps, options: { teamId: string; userId: string; opportunityId: number; now: Date }): Promise<void> {
  const { teamId, userId, opportunityId, now } = options;
  await refreshAnnouncement(deps, opportunityId, now);
  await deliverOutbox({ ...deps, features: SHIFT_FEATURES, now, opportunityId }).catch((error: unknown) => deps.logger.warn(`Could not send the DMs for shift ${opportunityId} now (the job will): ${String(error)}`));
  await refreshHome({ ...deps, teamId, userId });
}
