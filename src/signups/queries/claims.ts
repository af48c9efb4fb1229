/**
 * Seats, waitlists and offers: the one place that changes who holds a seat. Every change runs in one
 * transaction — a claim that takes a seat in the autocommit call of one plpgsql function
 * (signup_take_seat, migrations 0011, 0018 and 0019), everything else in inTransaction (which retries serialization
 * failures and deadlocks) — and keeps, per opportunity, `filled` equal to its claims that hold a seat
 * (seated or offered):
 *  - a seat is taken with one conditional UPDATE … SET filled = filled + 1 WHERE filled < capacity,
 *    which PostgreSQL applies under the opportunity's row lock, so concurrent claims never overbook
 *    (and CHECK (filled <= capacity) would refuse a bug that tried);
 *  - a person's own changes are serialized by a transaction-scoped advisory lock on (team, person),
 *    so a double click is one claim and two overlapping claims at once cannot both pass the clash check;
 *  - a freed seat is offered to the first person waiting in the same transaction that freed it.
 * The DMs a change owes at once (offers, notices) are queued in the same transaction (./outbox.ts). A
 * seat's reminders and report-back ask are not: becoming seated records reminders_from (the reminders
 * due after it are owed), and the drain derives them when they come due.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { keptStatement } from '../../db/kept-statements.js';
import { isRetryable } from '../../db/errors.js';
import { inTransaction } from '../../db/transaction.js';
import type { ClaimRow, DB, OpportunityRow } from '../../db/schema.js';
import { isBeforeStart, overlaps, promotionDeadline, type ClaimStatus, type OpportunityKind } from '../signup-rules.js';
import { lockOpportunity } from './opportunities.js';
import { queueNotice, queueOffer } from './outbox.js';

type Db = Kysely<DB> | Transaction<DB>;

/** Another seat the person holds at an overlapping time. */
export interface Clash {
  opportunityId: number;
  kind: OpportunityKind;
  startsAt: Date;
  endsAt: Date;
}

export type TakeSeatOutcome =
  | { kind: 'seated'; claimId: number }
  | { kind: 'waiting'; claimId: number; position: number }
  | { kind: 'already'; status: Exclude<ClaimStatus, 'left'>; claimId: number; position: number | null; offerExpiresAt: Date | null }
  /** No seat free; the caller may offer the waitlist. */
  | { kind: 'full'; waiting: number }
  | { kind: 'clash'; clash: Clash }
  | { kind: 'cancelled' | 'started' | 'not_found' };

export interface TakeSeatRequest {
  teamId: string;
  userId: string;
  opportunityId: number;
  now: Date;
  /** 'seat' takes a free seat or answers 'full'; 'seat_or_wait' joins the waitlist when none is free. */
  mode: 'seat' | 'seat_or_wait';
}

/**
 * Serializes one person's own claims for the rest of the transaction: the same lock (and key) that
 * signup_take_seat takes.
 */
async function lockPerson(trx: Transaction<DB>, teamId: string, userId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`signup:${teamId}:${userId}`}, 0))`.execute(trx);
}

/** What signup_take_seat answers: the claim it took, or (none taken) what it read to say why. */
type SeatAttempt = { claimed_id: number } | SeatRefusal;

/** JSON from the database: times are ISO 8601 strings. */
interface SeatRefusal {
  claimed_id: null;
  target: { status: OpportunityRow['status']; starts_at: string; ends_at: string } | null;
  mine_id: number | null;
  mine_status: ClaimStatus | null;
  mine_offer_expires_at: string | null;
  clash_id: number | null;
  clash_kind: OpportunityKind | null;
  clash_starts_at: string | null;
  clash_ends_at: string | null;
}

/**
 * signup_take_seat (migrations 0011, 0014, 0018 and 0019), one round trip: takes the person's advisory lock,
 * then in one statement takes a seat with the conditional UPDATE when the opportunity is open and has room
 * and no open seat of theirs overlaps it (their own seat on it included), and records the claim with
 * reminders_from = now (answering only its id). When no seat was taken it reads, and answers with, the
 * opportunity, their claim and any clashing seat: one JSON value, which node-postgres parses. Called on the
 * pool it commits on its own; called in a transaction, the person's lock lasts until that transaction ends.
 */
/** The claim call is the same text every time: parsed once per connection (src/db/kept-statements.ts). */
const KEPT_TAKE_SEAT = sql.raw(keptStatement('signup_take_seat'));

async function attemptSeat(db: Db, request: TakeSeatRequest): Promise<SeatAttempt> {
  const { teamId, userId, opportunityId, now } = request;
  const { rows } = await sql<{ seat: SeatAttempt }>`${KEPT_TAKE_SEAT}
    select signup_take_seat(${teamId}, ${userId}, ${opportunityId}, ${now.toISOString()}::timestamptz) as seat`.execute(db);
  return rows[0]!.seat;
}

/** What an attempt settles by itself; the rest needs the opportunity's lock or a waitlist position. */
type Decision = TakeSeatOutcome | { kind: 'already_waiting'; claimId: number } | { kind: 'needs_lock' };

function decide(request: TakeSeatRequest, attempt: SeatAttempt): Decision {
  if (attempt.claimed_id !== null) return { kind: 'seated', claimId: Number(attempt.claimed_id) };
  const target = attempt.target;
  if (!target) return { kind: 'not_found' };
  const mine = attempt.mine_status;
  if (mine !== null && mine !== 'left' && attempt.mine_id !== null) {
    if (mine === 'waiting' && (request.mode === 'seat_or_wait' || target.status !== 'open')) return { kind: 'already_waiting', claimId: Number(attempt.mine_id) };
    if (mine !== 'waiting') {
      const offerExpiresAt = attempt.mine_offer_expires_at === null ? null : new Date(attempt.mine_offer_expires_at);
      return { kind: 'already', status: mine, claimId: Number(attempt.mine_id), position: null, offerExpiresAt };
    }
  }
  if (target.status === 'cancelled') return { kind: 'cancelled' };
  if (!isBeforeStart(request.now, new Date(target.starts_at))) return { kind: 'started' };
  if (attempt.clash_id !== null) {
    return {
      kind: 'clash',
      clash: { opportunityId: Number(attempt.clash_id), kind: attempt.clash_kind!, startsAt: new Date(attempt.clash_starts_at!), endsAt: new Date(attempt.clash_ends_at!) },
    };
  }
  return { kind: 'needs_lock' };
}

/**
 * Takes a free seat for a person, or (mode 'seat_or_wait') puts them on the waitlist. A seat taken, and
 * every answer the attempt settles alone, cost one round trip in autocommit; a full opportunity (or a
 * waitlist position to report) is decided again in a transaction, under the opportunity's lock.
 */
export async function takeSeat(db: Kysely<DB>, request: TakeSeatRequest): Promise<TakeSeatOutcome> {
  const decision = await attemptSeat(db, request).then(
    (attempt) => decide(request, attempt),
    // A deadlock or serialization failure undid the whole statement: the transaction path runs it again (and retries).
    (error: unknown): Decision => {
      if (isRetryable(error)) return { kind: 'needs_lock' };
      throw error;
    },
  );
  if (decision.kind !== 'needs_lock' && decision.kind !== 'already_waiting') return decision;
  return inTransaction(db, (trx) => takeSeatUnderLock(trx, request));
}

async function takeSeatUnderLock(trx: Transaction<DB>, request: TakeSeatRequest): Promise<TakeSeatOutcome> {
  const { teamId, userId, opportunityId, now } = request;
  let attempt = await attemptSeat(trx, request);
  const decision = decide(request, attempt);
  if (decision.kind === 'already_waiting') return alreadyWaiting(trx, opportunityId, decision.claimId);
  if (decision.kind !== 'needs_lock') return decision;
  // No seat was free when the statement ran. Hold the opportunity's lock, so no seat can free up
  // (and no offer be made) between deciding "full" and joining the waitlist.
  const locked = await lockOpportunity(trx, teamId, opportunityId);
  if (!locked) return { kind: 'not_found' };
  if (locked.filled < locked.capacity) {
    attempt = await attemptSeat(trx, request);
    if (attempt.claimed_id !== null) return { kind: 'seated', claimId: Number(attempt.claimed_id) };
  }
  // Every attempt that reaches here took no seat (claimed_id null); the check says so to the compiler too.
  if (attempt.claimed_id === null && attempt.mine_status === 'waiting' && attempt.mine_id !== null) return alreadyWaiting(trx, opportunityId, Number(attempt.mine_id));
  if (request.mode === 'seat') return { kind: 'full', waiting: await waitlistLength(trx, opportunityId) };
  const waiting = await trx
    .insertInto('signup_claims')
    .values({ opportunity_id: opportunityId, team_id: teamId, user_id: userId, status: 'waiting', waiting_since: now, updated_at: now })
    .onConflict((oc) =>
      oc.columns(['opportunity_id', 'user_id']).doUpdateSet({ status: 'waiting', waiting_since: now, offer_expires_at: null, removed_by: null, updated_at: now }),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
  return { kind: 'waiting', claimId: waiting.id, position: await waitlistPosition(trx, opportunityId, waiting.id) };
}

async function alreadyWaiting(trx: Db, opportunityId: number, claimId: number): Promise<TakeSeatOutcome> {
  return { kind: 'already', status: 'waiting', claimId, position: await waitlistPosition(trx, opportunityId, claimId), offerExpiresAt: null };
}

/** 1 for the first person waiting. */
async function waitlistPosition(trx: Db, opportunityId: number, claimId: number): Promise<number> {
  const row = await trx
    .selectFrom('signup_claims as w')
    .innerJoin('signup_claims as me', (join) => join.on('me.id', '=', claimId))
    .select(sql<number>`count(*)::int`.as('position'))
    .where('w.opportunity_id', '=', opportunityId)
    .where('w.status', '=', 'waiting')
    .where(sql<boolean>`(w.waiting_since, w.id) <= (me.waiting_since, me.id)`)
    .executeTakeFirstOrThrow();
  return row.position;
}

async function waitlistLength(trx: Db, opportunityId: number): Promise<number> {
  const row = await trx
    .selectFrom('signup_claims')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('opportunity_id', '=', opportunityId)
    .where('status', '=', 'waiting')
    .executeTakeFirstOrThrow();
  return row.n;
}

/** Someone offered a freed seat: who, until when. */
export interface Offer {
  claimId: number;
  userId: string;
  expiresAt: Date;
}

/**
 * Offers every free seat of a locked opportunity to the people waiting longest, each until the
 * promotion deadline; too close to the start for a deadline, the seats stay open to all.
 */
export async function offerFreeSeats(trx: Transaction<DB>, opportunity: OpportunityRow, now: Date): Promise<Offer[]> {
  const free = opportunity.capacity - opportunity.filled;
  const deadline = promotionDeadline(now, opportunity.starts_at);
  if (free <= 0 || deadline === null || opportunity.status !== 'open') return [];
  const offered = await trx
    .updateTable('signup_claims')
    .set({ status: 'offered', offer_expires_at: deadline, updated_at: now })
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('signup_claims')
        .select('id')
        .where('opportunity_id', '=', opportunity.id)
        .where('status', '=', 'waiting')
        .orderBy('waiting_since')
        .orderBy('id')
        .limit(free),
    )
    .returning(['id', 'user_id', 'team_id'])
    .execute();
  if (offered.length === 0) return [];
  await trx.updateTable('signup_opportunities').set((eb) => ({ filled: eb('filled', '+', offered.length) })).where('id', '=', opportunity.id).execute();
  const offers = offered.map((claim) => ({ claimId: claim.id, userId: claim.user_id, expiresAt: deadline }));
  for (const offer of offers) await queueOffer(trx, { teamId: opportunity.team_id, opportunityId: opportunity.id, ...offer }, now);
  return offers;
}

/** Gives back the seat a claim held (its status already changed) and offers it on. */
async function releaseSeat(trx: Transaction<DB>, opportunity: OpportunityRow, now: Date): Promise<Offer[]> {
  const updated = await trx
    .updateTable('signup_opportunities')
    .set((eb) => ({ filled: eb('filled', '-', 1) }))
    .where('id', '=', opportunity.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return offerFreeSeats(trx, updated, now);
}

export type LeaveOutcome =
  | { kind: 'left'; previous: Exclude<ClaimStatus, 'left'>; offers: Offer[] }
  | { kind: 'not_holding' | 'started' | 'not_found' };

export interface LeaveRequest {
  teamId: string;
  userId: string;
  opportunityId: number;
  now: Date;
  /** Only leave from these statuses (Pass leaves only an offer). */
  from?: readonly Exclude<ClaimStatus, 'left'>[];
  /** Set when staff removed the person; they are told by DM. */
  removedBy?: string;
}

/** Gives up a seat, an offer or a place on the waitlist, until the start; a freed seat is offered to the next person waiting. */
export async function leave(db: Kysely<DB>, request: LeaveRequest): Promise<LeaveOutcome> {
  const { teamId, userId, opportunityId, now } = request;
  return inTransaction(db, async (trx) => {
    const opportunity = await lockOpportunity(trx, teamId, opportunityId);
    if (!opportunity) return { kind: 'not_found' };
    if (!isBeforeStart(now, opportunity.starts_at)) return { kind: 'started' };
    const before = await trx
      .selectFrom('signup_claims')
      .select(['id', 'status'])
      .where('opportunity_id', '=', opportunityId)
      .where('user_id', '=', userId)
      .where('status', 'in', request.from ?? ['seated', 'offered', 'waiting'])
      .forUpdate()
      .executeTakeFirst();
    if (!before || before.status === 'left') return { kind: 'not_holding' };
    await trx
      .updateTable('signup_claims')
      .set({ status: 'left', offer_expires_at: null, waiting_since: null, removed_by: request.removedBy ?? null, updated_at: now })
      .where('id', '=', before.id)
      .execute();
    if (request.removedBy) await queueNotice(trx, { teamId, opportunityId, userId, claimId: before.id, kind: 'removed', key: `removed:${before.id}:${now.getTime()}` }, now);
    const offers = before.status === 'waiting' ? [] : await releaseSeat(trx, opportunity, now);
    return { kind: 'left', previous: before.status, offers };
  });
}

export type ConfirmOutcome =
  | { kind: 'confirmed'; opportunityId: number }
  | { kind: 'clash'; clash: Clash; opportunityId: number }
  | { kind: 'expired' | 'not_offered'; opportunityId: number | null };

/** Confirm on an offer: the held seat becomes the person's, if the deadline has not passed and nothing clashes. */
export async function confirmOffer(db: Kysely<DB>, request: { teamId: string; userId: string; claimId: number; now: Date }): Promise<ConfirmOutcome> {
  const { teamId, userId, claimId, now } = request;
  return inTransaction(db, async (trx) => {
    await lockPerson(trx, teamId, userId);
    const claim = await trx
      .selectFrom('signup_claims as c')
      .innerJoin('signup_opportunities as o', 'o.id', 'c.opportunity_id')
      .select(['c.id', 'c.status', 'c.offer_expires_at', 'o.id as opportunity_id', 'o.starts_at', 'o.ends_at', 'o.status as opportunity_status'])
      .where('c.id', '=', claimId)
      .where('c.team_id', '=', teamId)
      .where('c.user_id', '=', userId)
      .forUpdate('c')
      .executeTakeFirst();
    if (!claim) return { kind: 'not_offered', opportunityId: null };
    if (claim.status === 'seated') return { kind: 'confirmed', opportunityId: claim.opportunity_id };
    if (claim.status !== 'offered' || claim.opportunity_status !== 'open') return { kind: 'not_offered', opportunityId: claim.opportunity_id };
    if (claim.offer_expires_at === null || claim.offer_expires_at.getTime() <= now.getTime()) return { kind: 'expired', opportunityId: claim.opportunity_id };
    const clash = await clashingSeat(trx, teamId, userId, { id: claim.opportunity_id, startsAt: claim.starts_at, endsAt: claim.ends_at });
    if (clash) return { kind: 'clash', clash, opportunityId: claim.opportunity_id };
    // Owed the reminders still ahead now, like a seat claimed now.
    await trx.updateTable('signup_claims').set({ status: 'seated', offer_expires_at: null, updated_at: now, reminders_from: now }).where('id', '=', claim.id).execute();
    return { kind: 'confirmed', opportunityId: claim.opportunity_id };
  });
}

async function clashingSeat(trx: Db, teamId: string, userId: string, span: { id: number; startsAt: Date; endsAt: Date }): Promise<Clash | undefined> {
  const seats = await trx
    .selectFrom('signup_claims as c')
    .innerJoin('signup_opportunities as o', 'o.id', 'c.opportunity_id')
    .select(['o.id', 'o.kind', 'o.starts_at', 'o.ends_at'])
    .where('c.team_id', '=', teamId)
    .where('c.user_id', '=', userId)
    .where('c.status', '=', 'seated')
    .where('o.status', '=', 'open')
    .where('o.id', '<>', span.id)
    .where('o.starts_at', '<', span.endsAt)
    .where('o.ends_at', '>', span.startsAt)
    .execute();
  const clash = seats.find((seat) => overlaps({ startsAt: seat.starts_at, endsAt: seat.ends_at }, span));
  return clash && { opportunityId: clash.id, kind: clash.kind, startsAt: clash.starts_at, endsAt: clash.ends_at };
}

/** What an expired offer turned into. */
export interface ExpiredOffer {
  opportunityId: number;
  userId: string;
  offers: Offer[];
}

/** Offers whose deadline passed: the seat goes to the next person waiting, or back to everyone. One transaction per offer. */
export async function expireOffers(db: Kysely<DB>, now: Date, limit = 100): Promise<ExpiredOffer[]> {
  const due = await db
    .selectFrom('signup_claims')
    .select(['id', 'team_id', 'opportunity_id', 'user_id'])
    .where('status', '=', 'offered')
    .where('offer_expires_at', '<=', now)
    .orderBy('offer_expires_at')
    .limit(limit)
    .execute();
  const expired: ExpiredOffer[] = [];
  for (const claim of due) {
    const outcome = await inTransaction(db, async (trx) => {
      const opportunity = await lockOpportunity(trx, claim.team_id, claim.opportunity_id);
      if (!opportunity) return undefined;
      const passed = await trx
        .updateTable('signup_claims')
        .set({ status: 'left', offer_expires_at: null, updated_at: now })
        .where('id', '=', claim.id)
        .where('status', '=', 'offered')
        .where('offer_expires_at', '<=', now)
        .returning('id')
        .executeTakeFirst();
      if (!passed) return undefined;
      return { opportunityId: opportunity.id, userId: claim.user_id, offers: await releaseSeat(trx, opportunity, now) };
    });
    if (outcome) expired.push(outcome);
  }
  return expired;
}

/** An opportunity's people: seated, offered (with deadlines) and waiting (in order). */
export interface Roster {
  seated: ClaimRow[];
  offered: ClaimRow[];
  waiting: ClaimRow[];
}

export async function rosterOf(db: Db, opportunityId: number): Promise<Roster> {
  const claims = await db
    .selectFrom('signup_claims')
    .selectAll()
    .where('opportunity_id', '=', opportunityId)
    .where('status', 'in', ['seated', 'offered', 'waiting'])
    .orderBy('waiting_since')
    .orderBy('updated_at')
    .orderBy('id')
    .execute();
  return {
    seated: claims.filter((c) => c.status === 'seated'),
    offered: claims.filter((c) => c.status === 'offered'),
    waiting: claims.filter((c) => c.status === 'waiting'),
  };
}

export async function findClaim(db: Db, teamId: string, claimId: number): Promise<ClaimRow | undefined> {
  return db.selectFrom('signup_claims').selectAll().where('team_id', '=', teamId).where('id', '=', claimId).executeTakeFirst();
}

/** A person's seats, offers and waitlist places on opportunities that have not ended, soonest first. */
export async function upcomingClaimsOf(db: Db, teamId: string, userId: string, kind: OpportunityKind, now: Date, limit: number) {
  return db
    .selectFrom('signup_claims as c')
    .innerJoin('signup_opportunities as o', 'o.id', 'c.opportunity_id')
    .select(['c.id as claimId', 'c.status', 'c.offer_expires_at', 'o.id as opportunityId', 'o.starts_at', 'o.ends_at'])
    .where('c.team_id', '=', teamId)
    .where('c.user_id', '=', userId)
    .where('c.status', 'in', ['seated', 'offered', 'waiting'])
    .where('o.kind', '=', kind)
    .where('o.status', '=', 'open')
    .where('o.ends_at', '>', now)
    .orderBy('o.starts_at')
    .limit(limit)
    .execute();
}
