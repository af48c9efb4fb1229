/**
 * The outbox of DMs the signup engine owes people. A change queues the DMs it owes at once (offers,
 * notices of an edit, a cancellation or a removal) in its own transaction, so each is owed exactly when
 * the change committed. What a seat owes later — its reminders and the report-back ask — is not written
 * when the seat is taken: each drain first derives what seats owe by then (queueOwedSeatMessages). The
 * signups job (and the listener that made a change, right after it) drains it; see deliverOutbox for
 * the exactly-once rules.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB, OutboxRow } from '../../db/schema.js';
import { REMINDER_LEADS, seatMessageWindows, type OpportunityKind, type OutboxKind } from '../signup-rules.js';

type Db = Kysely<DB> | Transaction<DB>;

/** REMINDER_LEADS as the arrays SQL takes. */
const REMINDER_LEAD_ARGS = {
  ids: REMINDER_LEADS.map((lead) => lead.id),
  ms: REMINDER_LEADS.map((lead) => lead.ms),
};

/** ISO 8601 in UTC with milliseconds, as Date.toISOString() writes it: the form details.startsAt always had. */
const ISO_UTC = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

/**
 * Writes the reminders and report-back asks seats owe at `now` (seatMessageWindows), in one statement,
 * as due rows the drain then claims like any other. Only for opportunity kinds whose feature sends that
 * kind of DM, so no row is written just to be dropped. A key already in the outbox, whatever its status,
 * is skipped (and ON CONFLICT settles two drains deriving the same row at once), so each is owed once.
 * Reminder keys name the start they count down to: after an edit moves it, the new start's reminders
 * are new keys, and those of the old start, if any were written, are dropped unsent by stillOwed.
 */
export async function queueOwedSeatMessages(
  db: Db,
  options: { now: Date; reminderKinds: readonly OpportunityKind[]; reportBackKinds: readonly OpportunityKind[]; opportunityId?: number },
): Promise<number> {
  const { now, reminderKinds, reportBackKinds, opportunityId } = options;
  if (reminderKinds.length === 0 && reportBackKinds.length === 0) return 0;
  const window = seatMessageWindows(now);
  const at = (date: Date) => sql`${date.toISOString()}::timestamptz`;
  const onlyThat = opportunityId === undefined ? sql`` : sql`and o.id = ${opportunityId}`;
  const result = await sql`
    insert into signup_outbox (team_id, opportunity_id, claim_id, user_id, kind, dedupe_key, due_at, details)
    select owed.team_id, owed.opportunity_id, owed.claim_id, owed.user_id, owed.kind, owed.dedupe_key, owed.due_at, owed.details
    from (
      select o.team_id, o.id as opportunity_id, c.id as claim_id, c.user_id, 'reminder' as kind,
             -- The key names the start it counts down to, in ms since the epoch (as Date.getTime()).
             'reminder:' || lead.id || ':' || c.id || ':' || floor(extract(epoch from o.starts_at) * 1000)::bigint as dedupe_key,
             o.starts_at - lead.ms * interval '1 millisecond' as due_at,
             jsonb_build_object('lead', lead.id, 'startsAt', to_char(o.starts_at at time zone 'UTC', ${sql.raw(ISO_UTC)})) as details
      from signup_opportunities o
      join signup_claims c on c.opportunity_id = o.id and c.status = 'seated'
      cross join unnest(${REMINDER_LEAD_ARGS.ids}::text[], ${REMINDER_LEAD_ARGS.ms}::bigint[]) as lead(id, ms)
      where o.status = 'open' and o.kind = any(${[...reminderKinds]}::text[]) ${onlyThat}
        and o.starts_at > ${at(window.startsAfter)} and o.starts_at <= ${at(window.startsBy)}
        -- Come due, and still ahead when the seat was taken or the start last moved.
        and o.starts_at - lead.ms * interval '1 millisecond' <= ${at(now)}
        and o.starts_at - lead.ms * interval '1 millisecond' > c.reminders_from
      union all
      select o.team_id, o.id, c.id, c.user_id, 'report_back', 'report_back:' || c.id, o.ends_at, '{}'::jsonb
      from signup_opportunities o
      join signup_claims c on c.opportunity_id = o.id and c.status = 'seated' and c.reminders_from is not null
      where o.status = 'open' and o.kind = any(${[...reportBackKinds]}::text[]) ${onlyThat}
        and o.ends_at > ${at(window.endedAfter)} and o.ends_at <= ${at(window.endedBy)}
    ) as owed
    where not exists (select 1 from signup_outbox x where x.team_id = owed.team_id and x.dedupe_key = owed.dedupe_key)
    on conflict (team_id, dedupe_key) do nothing`.execute(db);
  return Number(result.numAffectedRows ?? 0n);
}

/**
 * Report-back asks queued when their seat was taken, before migration 0014, are due at the end as it
 * was then; an edit that moves the end moves them along (as queueing them again used to), or one due
 * at the old end would be dropped as early and its key never derived again.
 */
export async function retimeQueuedReportBacks(trx: Db, opportunityId: number, endsAt: Date): Promise<void> {
  await trx
    .updateTable('signup_outbox')
    .set({ due_at: endsAt })
    .where('opportunity_id', '=', opportunityId)
    .where('kind', '=', 'report_back')
    .where('status', '=', 'pending')
    .where('claimed_until', 'is', null)
    .execute();
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

/**
 * Gives claimed rows back unsent, so a later drain sends them: building a message failed before anything
 * reached Slack, or Slack is rate limiting (a 429 means it took nothing).
 */
export async function releaseClaim(db: Db, ids: number | readonly number[]): Promise<void> {
  const list = typeof ids === 'number' ? [ids] : ids;
  if (list.length === 0) return;
  await db.updateTable('signup_outbox').set({ claimed_until: null }).where('id', 'in', list).where('status', '=', 'pending').execute();
}
