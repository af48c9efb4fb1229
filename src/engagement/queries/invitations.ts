/**
 * Batch invitations: what can be invited to, who would get one, the invitation and its recipients
 * written in one transaction, and the leased sending of recipient rows (as the signup outbox does:
 * a row with a lease is never claimed again; a lease that ran out with no ts means "may have gone out").
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB, InvitationRecipientStatus } from '../../db/schema.js';
import { inTransaction } from '../../db/transaction.js';
import type { OpportunityKind } from '../../signups/signup-rules.js';
import type { Conversion } from '../invitation-rules.js';

type Db = Kysely<DB> | Transaction<DB>;

export interface InvitableOpportunity {
  id: number;
  kind: OpportunityKind;
  /** The shift's or training's title. */
  title: string;
  startsAt: Date;
  /** Null for a training without a seat limit. */
  seatsLeft: number | null;
}

/** Open opportunities everyone may claim that have not started, soonest first. */
export async function invitableOpportunities(db: Db, teamId: string, now: Date, limit: number): Promise<InvitableOpportunity[]> {
  const rows = await db
    .selectFrom('signup_opportunities as o')
    .leftJoin('shifts as s', 's.opportunity_id', 'o.id')
    .leftJoin('trainings as t', 't.opportunity_id', 'o.id')
    .select(['o.id', 'o.kind', 'o.starts_at', 't.unlimited', sql<string | null>`coalesce(s.title, t.title)`.as('title'), sql<number>`o.capacity - o.filled`.as('seats_left')])
    .where('o.team_id', '=', teamId)
    .where('o.status', '=', 'open')
    .where('o.min_role', '=', 'volunteer')
    .where('o.starts_at', '>', now)
    .orderBy('o.starts_at')
    .limit(limit)
    .execute();
  return rows.map((row) => ({ id: Number(row.id), kind: row.kind, title: row.title ?? `#${row.id}`, startsAt: row.starts_at, seatsLeft: row.unlimited ? null : Number(row.seats_left) }));
}

export async function findInvitable(db: Db, teamId: string, opportunityId: number, now: Date): Promise<InvitableOpportunity | undefined> {
  return (await invitableOpportunities(db, teamId, now, 1000)).find((o) => o.id === opportunityId);
}

/** The facts recipientsOf needs besides the members. */
export async function recipientFacts(db: Db, teamId: string, opportunityId: number, members: readonly string[]) {
  if (members.length === 0) return { optedOut: new Set<string>(), holding: new Set<string>(), alreadyInvited: new Set<string>() };
  const ids = [...members];
  const [optedOut, holding, invited] = await Promise.all([
    db.selectFrom('invitation_opt_outs').select('user_id').where('team_id', '=', teamId).where('user_id', '=', sql<string>`any(${ids})`).execute(),
    db.selectFrom('signup_claims').select('user_id').where('opportunity_id', '=', opportunityId).where('status', 'in', ['seated', 'offered', 'waiting']).where('user_id', '=', sql<string>`any(${ids})`).execute(),
    db
      .selectFrom('invitation_recipients as r')
      .innerJoin('invitations as i', 'i.id', 'r.invitation_id')
      .select('r.user_id')
      .where('i.opportunity_id', '=', opportunityId)
      .where('r.user_id', '=', sql<string>`any(${ids})`)
      .execute(),
  ]);
  const set = (rows: { user_id: string }[]) => new Set(rows.map((r) => r.user_id));
  return { optedOut: set(optedOut), holding: set(holding), alreadyInvited: set(invited) };
}

export interface NewInvitation {
  teamId: string;
  opportunityId: number;
  segment: string;
  createdBy: string;
  /** The preview modal's view id: a second submit of the same preview finds the first invitation. */
  idempotencyKey: string;
  recipients: readonly string[];
}

/** Writes the invitation and one pending row per recipient; on a repeat, returns the first one unchanged. */
export async function createInvitation(db: Kysely<DB>, invitation: NewInvitation): Promise<{ id: number; created: boolean; recipients: number }> {
  return inTransaction(db, async (trx) => {
    const inserted = await trx
      .insertInto('invitations')
      .values({ team_id: invitation.teamId, opportunity_id: invitation.opportunityId, segment: invitation.segment, created_by: invitation.createdBy, idempotency_key: invitation.idempotencyKey })
      .onConflict((c) => c.columns(['team_id', 'idempotency_key']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) {
      const existing = await trx.selectFrom('invitations').select('id').where('team_id', '=', invitation.teamId).where('idempotency_key', '=', invitation.idempotencyKey).executeTakeFirstOrThrow();
      const { count } = await trx.selectFrom('invitation_recipients').select((eb) => eb.fn.countAll<string>().as('count')).where('invitation_id', '=', existing.id).executeTakeFirstOrThrow();
      return { id: Number(existing.id), created: false, recipients: Number(count) };
    }
    if (invitation.recipients.length > 0) {
      await trx
        .insertInto('invitation_recipients')
        .values(invitation.recipients.map((userId) => ({ invitation_id: inserted.id, team_id: invitation.teamId, user_id: userId })))
        .onConflict((c) => c.columns(['invitation_id', 'user_id']).doNothing())
        .execute();
    }
    return { id: Number(inserted.id), created: true, recipients: invitation.recipients.length };
  });
}

/** Rows whose lease ran out with no ts: they may have gone out, so they are never sent again. */
export async function markLapsedInvitesUncertain(db: Db, now: Date): Promise<number> {
  const rows = await db
    .updateTable('invitation_recipients')
    .set({ status: 'uncertain', finished_at: now, note: 'lease ran out with no message ts recorded: it may have been sent, so it is not sent again' })
    .where('status', '=', 'pending')
    .where('claimed_until', 'is not', null)
    .where('claimed_until', '<=', now)
    .returning('user_id')
    .execute();
  return rows.length;
}

export interface ClaimedRecipient {
  invitationId: number;
  teamId: string;
  userId: string;
}

/** Claims up to `limit` pending rows until `now + leaseMs`; SKIP LOCKED keeps two senders apart. */
export async function claimPendingInvites(db: Db, options: { now: Date; leaseMs: number; limit: number; invitationId?: number }): Promise<ClaimedRecipient[]> {
  const { now, leaseMs, limit, invitationId } = options;
  const { rows } = await sql<{ invitation_id: string; team_id: string; user_id: string }>`
    update invitation_recipients set claimed_until = ${new Date(now.getTime() + leaseMs)}
    where (invitation_id, user_id) in (
      select invitation_id, user_id from invitation_recipients
      where status = 'pending' and claimed_until is null ${invitationId !== undefined ? sql`and invitation_id = ${invitationId}` : sql``}
      order by invitation_id, user_id limit ${limit}
      for update skip locked)
    and status = 'pending' and claimed_until is null
    returning invitation_id, team_id, user_id`.execute(db);
  return rows
    .map((r) => ({ invitationId: Number(r.invitation_id), teamId: r.team_id, userId: r.user_id }))
    .sort((a, b) => a.invitationId - b.invitationId || a.userId.localeCompare(b.userId));
}

/** Gives a claimed row back unsent (Slack was rate limiting: it took nothing), for the next drain. */
export async function releaseInvite(db: Db, row: ClaimedRecipient): Promise<void> {
  await db
    .updateTable('invitation_recipients')
    .set({ claimed_until: null })
    .where('invitation_id', '=', row.invitationId)
    .where('user_id', '=', row.userId)
    .where('status', '=', 'pending')
    .execute();
}

export async function finishInvite(db: Db, row: ClaimedRecipient, status: Exclude<InvitationRecipientStatus, 'pending'>, now: Date, details: { ts?: string; note?: string }): Promise<void> {
  await db
    .updateTable('invitation_recipients')
    .set({ status, finished_at: now, claimed_until: null, message_ts: details.ts ?? null, note: details.note ?? null })
    .where('invitation_id', '=', row.invitationId)
    .where('user_id', '=', row.userId)
    // A send that outlived its lease and then got its ts still records it: the ts proves it went out.
    .where('status', 'in', status === 'sent' ? ['pending', 'uncertain'] : ['pending'])
    .execute();
}

export interface InvitationContext {
  opportunity: InvitableOpportunity | undefined;
  createdBy: string;
  optedOut: boolean;
  segment: string;
}

/** What a sender needs to know just before one DM: is the person still invitable, and to what. */
export async function invitationContext(db: Db, row: ClaimedRecipient, now: Date): Promise<InvitationContext | undefined> {
  const invitation = await db.selectFrom('invitations').select(['opportunity_id', 'created_by', 'segment']).where('id', '=', row.invitationId).executeTakeFirst();
  if (!invitation) return undefined;
  const [opportunity, optOut] = await Promise.all([
    findInvitable(db, row.teamId, Number(invitation.opportunity_id), now),
    db.selectFrom('invitation_opt_outs').select('user_id').where('team_id', '=', row.teamId).where('user_id', '=', row.userId).executeTakeFirst(),
  ]);
  return { opportunity, createdBy: invitation.created_by, optedOut: optOut !== undefined, segment: invitation.segment };
}

export interface InvitationSummary extends Conversion {
  id: number;
  segment: string;
  opportunityId: number;
  title: string;
  pending: number;
  skipped: number;
}

/**
 * The team's latest invitations with their conversions: recipients who were sent one and now hold a
 * seat, an offer or a waitlist place on its opportunity (they held none when it was sent, or they
 * would not have been invited).
 */
export async function invitationSummaries(db: Db, teamId: string, limit: number): Promise<InvitationSummary[]> {
  const { rows } = await sql<{ id: string; segment: string; opportunity_id: string; title: string | null; sent: number; converted: number; pending: number; skipped: number }>`
    select i.id, i.segment, i.opportunity_id, coalesce(s.title, t.title) as title,
           count(*) filter (where r.status = 'sent')::int as sent,
           count(*) filter (where r.status = 'sent' and exists (
             select 1 from signup_claims c where c.opportunity_id = i.opportunity_id and c.user_id = r.user_id and c.status in ('seated', 'offered', 'waiting')))::int as converted,
           count(*) filter (where r.status = 'pending')::int as pending,
           count(*) filter (where r.status not in ('sent', 'pending'))::int as skipped
    from invitations i
    left join shifts s on s.opportunity_id = i.opportunity_id
    left join trainings t on t.opportunity_id = i.opportunity_id
    left join invitation_recipients r on r.invitation_id = i.id
    where i.team_id = ${teamId}
    group by i.id, s.title, t.title
    order by i.id desc
    limit ${limit}`.execute(db);
  return rows.map((r) => ({
    id: Number(r.id),
    segment: r.segment,
    opportunityId: Number(r.opportunity_id),
    title: r.title ?? `#${r.opportunity_id}`,
    sent: r.sent,
    converted: r.converted,
    pending: r.pending,
    skipped: r.skipped,
  }));
}
