/**
 * Staff changing an opportunity after people signed up: an edit (times, seats, who may claim) and a
 * cancellation. Both lock the opportunity like every seat change, and queue one notice per person
 * still taking part (seated, offered or waiting), keyed so that each is sent once. An edit that moves
 * the start makes every seat owed the reminders of the new start still ahead now (reminders_from), which
 * the drain derives when they come due.
 */
import type { Kysely, Transaction } from 'kysely';
import { inTransaction } from '../../db/transaction.js';
import type { DB, OpportunityRow } from '../../db/schema.js';
import { capacityProblem, type MinRole } from '../signup-rules.js';
import { offerFreeSeats, type Offer } from './claims.js';
import { lockOpportunity } from './opportunities.js';
import { dropPending, queueNotice, retimeQueuedReportBacks } from './outbox.js';

export interface OpportunityChange {
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  minRole: MinRole;
}

export type EditOutcome =
  /** notified: the people taking part (seated, offered or waiting), each told once. */
  | { kind: 'edited'; opportunity: OpportunityRow; offers: Offer[]; notified: string[] }
  | { kind: 'too_few_seats'; problem: string }
  | { kind: 'cancelled' | 'not_found' };

export async function editOpportunity(
  db: Kysely<DB>,
  request: {
    teamId: string;
    opportunityId: number;
    change: OpportunityChange;
    now: Date;
    /** The feature's own details, written in the same transaction. */
    alsoWrite: (trx: Transaction<DB>) => Promise<void>;
  },
): Promise<EditOutcome> {
  const { teamId, opportunityId, change, now } = request;
  return inTransaction(db, async (trx) => {
    const before = await lockOpportunity(trx, teamId, opportunityId);
    if (!before) return { kind: 'not_found' };
    if (before.status === 'cancelled') return { kind: 'cancelled' };
    const problem = capacityProblem(change.capacity, before.filled);
    if (problem) return { kind: 'too_few_seats', problem };
    const opportunity = await trx
      .updateTable('signup_opportunities')
      .set((eb) => ({ starts_at: change.startsAt, ends_at: change.endsAt, capacity: change.capacity, min_role: change.minRole, version: eb('version', '+', 1) }))
      .where('id', '=', opportunityId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await request.alsoWrite(trx);
    const people = await trx
      .selectFrom('signup_claims')
      .select(['id', 'user_id', 'status'])
      .where('opportunity_id', '=', opportunityId)
      .where('status', 'in', ['seated', 'offered', 'waiting'])
      .execute();
    if (opportunity.starts_at.getTime() !== before.starts_at.getTime()) {
      // A reminder of the new start already due (a shift moved to start in 30 minutes: its 1-hour one) is not owed late.
      await trx.updateTable('signup_claims').set({ reminders_from: now }).where('opportunity_id', '=', opportunityId).where('status', '=', 'seated').execute();
    }
    if (opportunity.ends_at.getTime() !== before.ends_at.getTime()) await retimeQueuedReportBacks(trx, opportunityId, opportunity.ends_at);
    for (const person of people) {
      await queueNotice(trx, { teamId, opportunityId, userId: person.user_id, claimId: person.id, kind: 'changed', key: `changed:${opportunityId}:${opportunity.version}:${person.user_id}` }, now);
    }
    const offers = await offerFreeSeats(trx, opportunity, now);
    const after = offers.length > 0 ? ((await lockOpportunity(trx, teamId, opportunityId)) ?? opportunity) : opportunity;
    return { kind: 'edited', opportunity: after, offers, notified: people.map((p) => p.user_id) };
  });
}

/** notified: the people who were taking part, each told once. */
export type CancelOutcome = { kind: 'cancelled'; opportunity: OpportunityRow; notified: string[] } | { kind: 'already_cancelled' | 'not_found' };

/** Cancels an opportunity; everyone taking part is told once, and pending reminders and offers are dropped. */
export async function cancelOpportunity(db: Kysely<DB>, request: { teamId: string; opportunityId: number; now: Date }): Promise<CancelOutcome> {
  const { teamId, opportunityId, now } = request;
  return inTransaction(db, async (trx) => {
    const before = await lockOpportunity(trx, teamId, opportunityId);
    if (!before) return { kind: 'not_found' };
    if (before.status === 'cancelled') return { kind: 'already_cancelled' };
    const opportunity = await trx.updateTable('signup_opportunities').set({ status: 'cancelled' }).where('id', '=', opportunityId).returningAll().executeTakeFirstOrThrow();
    const people = await trx
      .selectFrom('signup_claims')
      .select(['id', 'user_id'])
      .where('opportunity_id', '=', opportunityId)
      .where('status', 'in', ['seated', 'offered', 'waiting'])
      .execute();
    for (const person of people) {
      await queueNotice(trx, { teamId, opportunityId, userId: person.user_id, claimId: person.id, kind: 'cancelled', key: `cancelled:${opportunityId}:${person.user_id}` }, now);
    }
    await dropPending(trx, opportunityId, ['reminder', 'offer', 'report_back'], now);
    return { kind: 'cancelled', opportunity, notified: people.map((p) => p.user_id) };
  });
}
