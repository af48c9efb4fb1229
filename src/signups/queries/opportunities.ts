/**
 * Opportunities: anything with seats and a start (a shift, a training). These queries know nothing
 * of what the seats are for; each feature keeps its own details in its own table, keyed by the id.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB, OpportunityRow } from '../../db/schema.js';
import type { MinRole, OpportunityKind } from '../signup-rules.js';

type Db = Kysely<DB> | Transaction<DB>;

export interface NewOpportunity {
  teamId: string;
  kind: OpportunityKind;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  minRole: MinRole;
  createdBy: string;
  /** Same key, same opportunity: a double-submitted modal schedules one. */
  idempotencyKey: string;
}

/** Creates an opportunity once per key; `created` is false when the key had already created it. */
export async function createOpportunity(trx: Db, input: NewOpportunity): Promise<{ opportunity: OpportunityRow; created: boolean }> {
  const inserted = await trx
    .insertInto('signup_opportunities')
    .values({
      team_id: input.teamId,
      kind: input.kind,
      starts_at: input.startsAt,
      ends_at: input.endsAt,
      capacity: input.capacity,
      min_role: input.minRole,
      created_by: input.createdBy,
      idempotency_key: input.idempotencyKey,
    })
    .onConflict((oc) => oc.columns(['team_id', 'idempotency_key']).doNothing())
    .returningAll()
    .executeTakeFirst();
  if (inserted) return { opportunity: inserted, created: true };
  const existing = await trx
    .selectFrom('signup_opportunities')
    .selectAll()
    .where('team_id', '=', input.teamId)
    .where('idempotency_key', '=', input.idempotencyKey)
    .executeTakeFirstOrThrow();
  return { opportunity: existing, created: false };
}

export async function findOpportunity(db: Db, teamId: string, id: number): Promise<OpportunityRow | undefined> {
  return db.selectFrom('signup_opportunities').selectAll().where('team_id', '=', teamId).where('id', '=', id).executeTakeFirst();
}

/** Reads an opportunity and holds its row lock until the transaction ends: every change of its seats goes through this lock. */
export async function lockOpportunity(trx: Transaction<DB>, teamId: string, id: number): Promise<OpportunityRow | undefined> {
  return trx.selectFrom('signup_opportunities').selectAll().where('team_id', '=', teamId).where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function setAnnouncement(db: Db, id: number, channelId: string, ts: string): Promise<void> {
  await db.updateTable('signup_opportunities').set({ announcement_channel_id: channelId, announcement_ts: ts }).where('id', '=', id).execute();
}

/** Announced opportunities that have ended and whose announcement still shows Claim buttons. */
export async function endedAnnouncements(db: Db, now: Date, limit = 50): Promise<OpportunityRow[]> {
  return db
    .selectFrom('signup_opportunities')
    .selectAll()
    .where('announcement_ts', 'is not', null)
    .where('announcement_closed', '=', false)
    .where('ends_at', '<=', now)
    .orderBy('ends_at')
    .limit(limit)
    .execute();
}

export async function markAnnouncementClosed(db: Db, id: number): Promise<void> {
  await db.updateTable('signup_opportunities').set({ announcement_closed: true }).where('id', '=', id).execute();
}

/** An opportunity as a list shows it to one person: their own claim on it and the length of its waitlist. */
export interface ListedOpportunity extends OpportunityRow {
  myClaimId: number | null;
  myStatus: 'seated' | 'offered' | 'waiting' | null;
  myOfferExpiresAt: Date | null;
  waiting: number;
}

export interface ListQuery {
  teamId: string;
  kind: OpportunityKind;
  userId: string;
  /** Opportunities starting in [from, to). */
  from: Date;
  to: Date;
  /** Leave out opportunities this person may not claim (leaders-only for a volunteer) unless they already hold a claim. */
  includeLeadersOnly: boolean;
  limit: number;
  offset: number;
}

/** Open opportunities in a window, the person's own first, then by start; with the total for paging. */
export async function listOpportunities(db: Db, query: ListQuery): Promise<{ rows: ListedOpportunity[]; total: number }> {
  const rows = await db
    .selectFrom('signup_opportunities as o')
    .leftJoin('signup_claims as mine', (join) =>
      join.onRef('mine.opportunity_id', '=', 'o.id').on('mine.user_id', '=', query.userId).on('mine.status', 'in', ['seated', 'offered', 'waiting']),
    )
    .selectAll('o')
    .select([
      'mine.id as myClaimId',
      'mine.status as myStatus',
      'mine.offer_expires_at as myOfferExpiresAt',
      sql<number>`(select count(*)::int from signup_claims w where w.opportunity_id = o.id and w.status = 'waiting')`.as('waiting'),
      sql<number>`count(*) over ()`.as('total'),
    ])
    .where('o.team_id', '=', query.teamId)
    .where('o.kind', '=', query.kind)
    .where('o.status', '=', 'open')
    .where('o.starts_at', '>=', query.from)
    .where('o.starts_at', '<', query.to)
    .$if(!query.includeLeadersOnly, (qb) => qb.where((eb) => eb.or([eb('o.min_role', '=', 'volunteer'), eb('mine.id', 'is not', null)])))
    .orderBy(sql`mine.id is null`)
    .orderBy('o.starts_at')
    .orderBy('o.id')
    .limit(query.limit)
    .offset(query.offset)
    .execute();
  const total = rows[0]?.total ?? 0;
  return {
    rows: rows.map(({ total: _total, ...row }) => ({ ...row, myStatus: row.myStatus === 'left' ? null : row.myStatus })),
    total: Number(total),
  };
}

/** Open opportunities of a kind from `from` on, soonest first: what staff pick from to edit, cancel or see a roster. */
export async function upcomingOpportunities(db: Db, teamId: string, kind: OpportunityKind, from: Date, limit: number): Promise<OpportunityRow[]> {
  return db
    .selectFrom('signup_opportunities')
    .selectAll()
    .where('team_id', '=', teamId)
    .where('kind', '=', kind)
    .where('status', '=', 'open')
    .where('ends_at', '>', from)
    .orderBy('starts_at')
    .orderBy('id')
    .limit(limit)
    .execute();
}
