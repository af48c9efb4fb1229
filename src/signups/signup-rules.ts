/**
 * The rules of the signup engine, for anything people take a seat at (a phone-bank shift, a
 * training). Pure: no Slack, no SQL; the queries in ./queries apply them inside transactions.
 *
 * A claim's life: a person takes a free seat (seated), or joins the waitlist of a full opportunity
 * (waiting). When a seated person leaves, the first person waiting is offered the seat (offered):
 * it is held for them until a deadline, and Confirm makes it theirs; Pass or the deadline passing
 * offers it to the next person, and a seat nobody confirms is open to all again. Leaving is possible
 * until the start; so is claiming.
 */
import { hasRole, type Role } from '../team/roles.js';

export const OPPORTUNITY_KINDS = ['shift', 'training'] as const;
export type OpportunityKind = (typeof OPPORTUNITY_KINDS)[number];
export type OpportunityStatus = 'open' | 'cancelled';

/** Who may claim a seat: everyone, or leaders and up. */
export type MinRole = 'volunteer' | 'leader';

export const CLAIM_STATUSES = ['seated', 'offered', 'waiting', 'left'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];
/** Statuses that hold one of the opportunity's seats (counted in `filled`). */
export const SEAT_HOLDING: readonly ClaimStatus[] = ['seated', 'offered'];
/** Statuses of someone still taking part: holding a seat or waiting for one. */
export const ACTIVE: readonly ClaimStatus[] = ['seated', 'offered', 'waiting'];

export type OutboxKind = 'reminder' | 'offer' | 'changed' | 'cancelled' | 'removed' | 'report_back';
/**
 * pending: owed, not yet sent; sent: Slack took it (its ts is recorded); dropped: no longer owed (the
 * person left, the opportunity was cancelled or started); uncertain: a send began and its outcome was
 * never recorded, so it may have gone out and is not sent again; failed: Slack refused it.
 */
export type OutboxStatus = 'pending' | 'sent' | 'dropped' | 'uncertain' | 'failed';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** How long the first person waiting has to confirm a freed seat, at most. */
export const OFFER_WINDOW_MS = 2 * HOUR;
/** An offer never runs closer to the start than this: the seat must be settled before the shift. */
export const OFFER_CLOSES_BEFORE_START_MS = 1 * HOUR;
/**
 * Reminders go out exactly this long before the start (real hours, across a DST change too). A seat
 * owes the ones still ahead when it was taken or the start last moved (signup_claims.reminders_from):
 * someone claiming 30 minutes before the start knows already. Nothing is written when the seat is
 * taken; the drain derives what is owed when it comes due (seatMessageWindows).
 */
export const REMINDER_LEADS = [
  { id: '24h', ms: 24 * HOUR },
  { id: '1h', ms: 1 * HOUR },
] as const;
export type ReminderLead = (typeof REMINDER_LEADS)[number]['id'];

/** The reminders a seat taken at `now` is owed: those that come due after it (the drain's rule). */
export function remindersAhead(startsAt: Date, now: Date): ReminderLead[] {
  return REMINDER_LEADS.filter((lead) => startsAt.getTime() - lead.ms > now.getTime()).map((lead) => lead.id);
}

/** Whether someone with `role` may claim a seat on an opportunity open to `minRole` and up. */
export function mayClaim(role: Role, minRole: MinRole): boolean {
  return hasRole(role, minRole);
}

export interface TimeSpan {
  startsAt: Date;
  endsAt: Date;
}

/** Two spans overlap when each starts before the other ends (back-to-back shifts do not clash). */
export function overlaps(a: TimeSpan, b: TimeSpan): boolean {
  return a.startsAt.getTime() < b.endsAt.getTime() && b.startsAt.getTime() < a.endsAt.getTime();
}

/** Claiming and leaving are possible until the start. */
export function isBeforeStart(now: Date, startsAt: Date): boolean {
  return now.getTime() < startsAt.getTime();
}

/**
 * Until when a freed seat is held for the person offered it: two hours, or one hour before the start
 * if sooner. Null when that moment has already passed: too close to the start to hold a seat for
 * anyone, so the seat is open to all at once.
 */
export function promotionDeadline(now: Date, startsAt: Date): Date | null {
  const deadline = Math.min(now.getTime() + OFFER_WINDOW_MS, startsAt.getTime() - OFFER_CLOSES_BEFORE_START_MS);
  return deadline > now.getTime() ? new Date(deadline) : null;
}

/**
 * A reminder is still worth sending while the person holds a seat, the opportunity is open and has
 * not started, and it is still counting down to the same start (after an edit moves the start, the
 * reminders owed for the new one are derived under new keys). Late is fine — a reminder due while
 * every instance was down goes out once when one is back — but never after the start.
 */
export function reminderStillOwed(facts: { now: Date; startsAt: Date; remindedStart: Date; claim: ClaimStatus; opportunity: OpportunityStatus }): boolean {
  return (
    facts.claim === 'seated' &&
    facts.opportunity === 'open' &&
    facts.remindedStart.getTime() === facts.startsAt.getTime() &&
    isBeforeStart(facts.now, facts.startsAt)
  );
}

/** How long after the end a report-back ask is still worth sending (a week later nobody remembers the numbers). */
export const REPORT_BACK_WITHIN_MS = 7 * 24 * HOUR;

/**
 * What seats owe at `now`, derived by the drain (queueOwedSeatMessages) instead of written when each
 * seat is taken. A seated claim of an open opportunity owes:
 *  - for each lead, a reminder once its moment (start − lead) has come and until the start, if that
 *    moment is after the seat's reminders_from: still ahead when the seat was taken or the start last
 *    moved, so a shift moved to start in 30 minutes sends no late 1-hour reminder;
 *  - a report-back ask from the end for REPORT_BACK_WITHIN_MS (stillOwed's window).
 * Each has the dedupe key its message always had, so a key sent, perhaps sent, dropped or pending is
 * never owed twice, and a reminder that came due while every instance was down is derived once, late,
 * by the next drain — never after the start. These bounds let the query reach only the opportunities
 * that can owe something now: starting within the longest lead, or ended within the window.
 */
export function seatMessageWindows(now: Date): { startsAfter: Date; startsBy: Date; endedAfter: Date; endedBy: Date } {
  const longestLead = Math.max(...REMINDER_LEADS.map((lead) => lead.ms));
  return {
    startsAfter: now,
    startsBy: new Date(now.getTime() + longestLead),
    endedAfter: new Date(now.getTime() - REPORT_BACK_WITHIN_MS),
    endedBy: now,
  };
}

/** A seat count can go down only to the seats already held: shrinking below them would drop people silently. */
export function capacityProblem(newCapacity: number, held: number): string | null {
  if (newCapacity >= held) return null;
  return `${held} ${held === 1 ? 'person holds a seat' : 'people hold seats'} already, so seats can't go below ${held}. Remove people from the roster first if you need fewer.`;
}

/** The facts a queued DM is checked against just before it is sent. */
export interface OwedFacts {
  now: Date;
  kind: OutboxKind;
  opportunity: { status: OpportunityStatus; startsAt: Date; endsAt: Date };
  claim: { status: ClaimStatus; offerExpiresAt: Date | null } | null;
  /** The start a reminder counts down to, and the deadline an offer names, as they were when queued. */
  details: { startsAt?: string; expiresAt?: string };
}

/**
 * Whether a queued DM is still owed now; one that is not is dropped, never sent. Notices of an edit,
 * a cancellation or a removal are always owed: they say what happened.
 */
export function stillOwed(facts: OwedFacts): boolean {
  const { now, kind, opportunity, claim, details } = facts;
  switch (kind) {
    case 'reminder':
      return (
        claim !== null &&
        details.startsAt !== undefined &&
        reminderStillOwed({ now, startsAt: opportunity.startsAt, remindedStart: new Date(details.startsAt), claim: claim.status, opportunity: opportunity.status })
      );
    case 'offer':
      return (
        opportunity.status === 'open' &&
        claim?.status === 'offered' &&
        claim.offerExpiresAt !== null &&
        claim.offerExpiresAt.toISOString() === details.expiresAt &&
        now.getTime() < claim.offerExpiresAt.getTime()
      );
    case 'report_back':
      return (
        opportunity.status === 'open' &&
        claim?.status === 'seated' &&
        now.getTime() >= opportunity.endsAt.getTime() &&
        now.getTime() - opportunity.endsAt.getTime() < REPORT_BACK_WITHIN_MS
      );
    case 'changed':
    case 'cancelled':
    case 'removed':
      return true;
  }
}
