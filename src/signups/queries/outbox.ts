/**
 * The outbox of DMs the signup engine owes people. A change queues its DMs in its own transaction,
 * so a message is owed exactly when the change committed; the signups job (and the listener that
 * made the change, right after it) sends what is due. See deliverOutbox for the exactly-once rules.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB, OutboxRow } from '../../db/schema.js';
import { REMINDER_LEADS, type OutboxKind } from '../signup-rules.js';

type Db = Kysely<DB> | Transaction<DB>;

export interface SeatHolder {
  claimId: number;
  teamId: string;
  userId: string;
  opportunityId: number;
  startsAt: Date;
  endsAt: Date;
}

/** REMINDER_LEADS as the arrays signup_queue_seat_messages and signup_take_seat take. */
export const REMINDER_LEAD_ARGS = {
  ids: REMINDER_LEADS.map((lead) => lead.id),
  ms: REMINDER_LEADS.map((lead) => lead.ms),
};

/**
 * A seat taken (or moved by an edit) owes its holder the reminders still ahead and a report-back ask
 * after the end. Reminder keys name the start they count down to, so an edit that moves the start
 * queues new ones and the old ones are dropped unsent; a key dropped earlier (the person left) is
 * owed again when they come back; a key sent or perhaps sent is never owed twice. One statement for
 * every holder, through the same SQL function a claim uses (migration 0011).
 */
export async function queueSeatMessages(trx: Db, holders: readonly SeatHolder[], now: Date): Promise<void> {
  if (holders.length === 0) return;
  await sql`
    select signup_queue_seat_messages(h.claim_id, h.team_id, h.user_id, h.opportunity_id, h.starts_at, h.ends_at,
      ${now.toISOString()}::timestamptz, ${REMINDER_LEAD_ARGS.ids}::text[], ${REMINDER_LEAD_ARGS.ms}::bigint[])
    from unnest(
      ${holders.map((h) => h.claimId)}::bigint[], ${holders.map((h) => h.teamId)}::text[], ${holders.map((h) => h.userId)}::text[],
      ${holders.map((h) => h.opportunityId)}::bigint[], ${holders.map((h) => h.startsAt.toISOString())}::timestamptz[],
      ${holders.map((h) => h.endsAt.toISOString())}::timestamptz[]
    ) as h(claim_id, team_id, user_id, opportunity_id, starts_at, ends_at)`.execute(trx);
}

/** The DM offering a freed seat, due now. */
export async function queueOffer(trx: Db, offer: { teamId: string; opportunityId: number; claimId: number; userId: string; expiresAt: Date }, now: Date): Promise<void> {
  await trx
    .insertInto('signup_outbox')
    .values({
      team_id: offer.teamId,
      opportunity_id: offer.opportunityId,
      claim_id: offer.claimId,
      user_id: offer.userId,
      kind: 'offer',
      dedupe_key: `offer:${offer.claimId}:${offer.expiresAt.getTime()}`,
      due_at: now,
      details: JSON.stringify({ expiresAt: offer.expiresAt.toISOString() }),
    })
    .onConflict((oc) => oc.columns(['team_id', 'dedupe_key']).doNothing())
    .execute();
}

/** A notice that something happened (an edit, a cancellation, a removal), due now, owed once per key. */
export async function queueNotice(
  trx: Db,
  notice: { teamId: string; opportunityId: number; userId: string; claimId: number | null; kind: Extract<OutboxKind, 'changed' | 'cancelled' | 'removed'>; key: string },
  now: Date,
): Promise<void> {
  await trx
    .insertInto('signup_outbox')
    .values({
      team_id: notice.teamId,
      opportunity_id: notice.opportunityId,
      claim_id: notice.claimId,
      user_id: notice.userId,
      kind: notice.kind,
      dedupe_key: notice.key,
      due_at: now,
    })
    .onConflict((oc) => oc.columns(['team_id', 'dedupe_key']).doNothing())
    .execute();
}

/**
 * Rows whose lease ran out with no message ts recorded: the instance sending them died, or its send
 * outlived the lease. Slack may have delivered the message, so they are marked uncertain, never sent again.
 */
export async function markLapsedLeasesUncertain(db: Db, now: Date): Promise<OutboxRow[]> {
  return db
    .updateTable('signup_outbox')
    .set({ status: 'uncertain', finished_at: now, note: 'lease ran out with no message ts recorded: it may have been sent, so it is not sent again' })
    .where('status', '=', 'pending')
    .where('claimed_until', 'is not', null)
    .where('claimed_until', '<=', now)
    .returningAll()
    .execute();
}

/**
 * Claims up to `limit` due rows for this caller until `now + leaseMs`. SKIP LOCKED lets several
 * instances claim different rows at the same moment; a row with a lease is never claimed again.
 */
export async function claimDueMessages(db: Db, options: { now: Date; leaseMs: number; limit: number; opportunityId?: number }): Promise<OutboxRow[]> {
  const { now, leaseMs, limit, opportunityId } = options;
  return db
    .updateTable('signup_outbox')
    .set((eb) => ({ claimed_until: new Date(now.getTime() + leaseMs), attempts: eb('attempts', '+', 1) }))
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('signup_outbox')
        .select('id')
        .where('status', '=', 'pending')
        .where('claimed_until', 'is', null)
        .where('due_at', '<=', now)
        .$if(opportunityId !== undefined, (qb) => qb.where('opportunity_id', '=', opportunityId!))
        .orderBy('due_at')
        .orderBy('id')
        .limit(limit)
        .forUpdate()
        .skipLocked(),
    )
    .where('status', '=', 'pending')
    .where('claimed_until', 'is', null)
    .returningAll()
    .execute();
}

/** Records a delivered message's ts: the proof it went out. */
export async function markSent(db: Db, id: number, messageTs: string, now: Date): Promise<void> {
  await db
    .updateTable('signup_outbox')
    .set({ status: 'sent', message_ts: messageTs, finished_at: now, claimed_until: null })
    .where('id', '=', id)
    .where('status', 'in', ['pending', 'uncertain'])
    .execute();
}

/** Ends a claimed row without sending: dropped (no longer owed), failed (Slack refused it), or uncertain (the send's outcome is unknown). */
export async function finishUnsent(db: Db, id: number, status: 'dropped' | 'failed' | 'uncertain', note: string, now: Date): Promise<void> {
  await db.updateTable('signup_outbox').set({ status, note, finished_at: now, claimed_until: null }).where('id', '=', id).where('status', '=', 'pending').execute();
}

/** Drops pending notices that no longer make sense, e.g. reminders of an opportunity just cancelled. */
export async function dropPending(db: Db, opportunityId: number, kinds: readonly OutboxKind[], now: Date): Promise<void> {
  await db
    .updateTable('signup_outbox')
    .set({ status: 'dropped', finished_at: now, note: sql<string>`'no longer owed'` })
    .where('opportunity_id', '=', opportunityId)
    .where('status', '=', 'pending')
    .where('claimed_until', 'is', null)
    .where('kind', 'in', kinds)
    .execute();
}

/** Gives a claimed row back unsent (building its message failed before anything reached Slack), so a later drain sends it. */
export async function releaseClaim(db: Db, id: number): Promise<void> {
  await db.updateTable('signup_outbox').set({ claimed_until: null }).where('id', '=', id).where('status', '=', 'pending').execute();
}
