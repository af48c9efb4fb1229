/**
 * Staff mark who came to an opportunity: every person holding a seat is marked at once, those
 * ticked as came and the rest as no-shows, so a second marking replaces the first.
 *
 * Walk-ins (people who came without a seat, e.g. straight from the waitlist or off the street) get
 * a seat as they are marked: their claim becomes seated and is flagged `walked_in`, and the seat count
 * grows past capacity if need be (the opportunity has started, so nobody else can claim it any more).
 * A later marking that no longer ticks a walk-in gives that seat back (the claim is left) instead of
 * counting a no-show: unticking corrects a mistake, it does not invent an absence.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { inTransaction } from '../../db/transaction.js';
import type { DB } from '../../db/schema.js';
import { canMarkAttendance } from '../attendance-rules.js';
import { lockOpportunity } from './opportunities.js';

export type AttendanceOutcome =
  | {
      kind: 'marked';
      came: number;
      noShows: number;
      /** Everyone marked as came now, and of those who were marked as came before, who no longer is. */
      cameUserIds: string[];
      noLongerCameUserIds: string[];
    }
  | { kind: 'missing' | 'cancelled' | 'not_started' | 'nobody_seated' }
  /** Ticked people who hold no seat on it (a stale form): nothing is marked. */
  | { kind: 'not_seated'; userIds: string[] };

export async function markAttendance(
  db: Kysely<DB>,
  request: {
    teamId: string;
    opportunityId: number;
    came: readonly string[];
    walkIns?: readonly string[];
    markedBy: string;
    now: Date;
    /** What the feature records for attending (an action, a skill), written in the same transaction as the marking. */
    alsoWrite?: (trx: Transaction<DB>, marked: { cameUserIds: string[]; noLongerCameUserIds: string[] }) => Promise<void>;
  },
): Promise<AttendanceOutcome> {
  const { teamId, opportunityId, markedBy, now } = request;
  const walkIns = new Set(request.walkIns ?? []);
  const came = new Set([...request.came, ...walkIns]);
  return inTransaction(db, async (trx) => {
    // The lock keeps a concurrent marking (or a late claim) from interleaving with this one.
    const opportunity = await lockOpportunity(trx, teamId, opportunityId);
    if (!opportunity) return { kind: 'missing' };
    if (opportunity.status === 'cancelled') return { kind: 'cancelled' };
    if (!canMarkAttendance(opportunity, now)) return { kind: 'not_started' };
    // Checked before anything is written: a stale form changes nothing, walk-ins included.
    const seatedBefore = await trx.selectFrom('signup_claims').select('user_id').where('opportunity_id', '=', opportunityId).where('status', '=', 'seated').execute();
    const seatedBeforeIds = new Set(seatedBefore.map((claim) => claim.user_id));
    if (seatedBeforeIds.size === 0 && walkIns.size === 0) return { kind: 'nobody_seated' };
    const strangers = [...came].filter((userId) => !seatedBeforeIds.has(userId) && !walkIns.has(userId));
    if (strangers.length > 0) return { kind: 'not_seated', userIds: strangers };

    if (walkIns.size > 0) {
      const existing = await trx.selectFrom('signup_claims').select(['user_id', 'status']).where('opportunity_id', '=', opportunityId).where('user_id', 'in', [...walkIns]).execute();
      const holding = new Set(existing.filter((c) => c.status === 'seated' || c.status === 'offered').map((c) => c.user_id));
      const newSeats = [...walkIns].filter((userId) => !holding.has(userId));
      // An offer still open at the start is a seat they held already: it simply becomes theirs. Like any
      // seat taken now, it is owed what comes due after now (reminders_from): no reminders, since it has started.
      await trx
        .updateTable('signup_claims')
        .set({ status: 'seated', offer_expires_at: null, updated_at: now, reminders_from: now })
        .where('opportunity_id', '=', opportunityId)
        .where('status', '=', 'offered')
        .where('user_id', 'in', [...walkIns])
        .execute();
      if (newSeats.length > 0) {
        await trx
          .insertInto('signup_claims')
          .values(newSeats.map((userId) => ({ opportunity_id: opportunityId, team_id: teamId, user_id: userId, status: 'seated' as const, walked_in: true, updated_at: now, reminders_from: now })))
          .onConflict((oc) =>
            oc
              .columns(['opportunity_id', 'user_id'])
              .doUpdateSet({ status: 'seated', walked_in: true, waiting_since: null, offer_expires_at: null, removed_by: null, updated_at: now, reminders_from: now }),
          )
          .execute();
        await trx
          .updateTable('signup_opportunities')
          .set({ filled: sql`filled + ${newSeats.length}`, capacity: sql`greatest(capacity, filled + ${newSeats.length})` })
          .where('id', '=', opportunityId)
          .execute();
      }
    }

    const seated = await trx.selectFrom('signup_claims').select(['id', 'user_id', 'attended', 'walked_in']).where('opportunity_id', '=', opportunityId).where('status', '=', 'seated').orderBy('id').execute();

    const noLongerCameUserIds = seated.filter((claim) => claim.attended === true && !came.has(claim.user_id)).map((claim) => claim.user_id);
    const droppedWalkIns = seated.filter((claim) => claim.walked_in && !came.has(claim.user_id));
    if (droppedWalkIns.length > 0) {
      await trx
        .updateTable('signup_claims')
        .set({ status: 'left', walked_in: false, attended: null, attendance_marked_by: markedBy, attendance_marked_at: now, updated_at: now })
        .where('id', 'in', droppedWalkIns.map((claim) => claim.id))
        .execute();
      await trx.updateTable('signup_opportunities').set({ filled: sql`filled - ${droppedWalkIns.length}` }).where('id', '=', opportunityId).execute();
    }
    const marked = seated.filter((claim) => !droppedWalkIns.includes(claim));
    const cameIds = marked.filter((claim) => came.has(claim.user_id)).map((claim) => claim.id);
    if (marked.length > 0) {
      await trx
        .updateTable('signup_claims')
        .set((eb) => ({
          attended: cameIds.length === 0 ? false : eb('id', 'in', cameIds).$castTo<boolean>(),
          attendance_marked_by: markedBy,
          attendance_marked_at: now,
        }))
        .where('id', 'in', marked.map((claim) => claim.id))
        .execute();
    }
    const cameUserIds = marked.filter((claim) => came.has(claim.user_id)).map((claim) => claim.user_id);
    await request.alsoWrite?.(trx, { cameUserIds, noLongerCameUserIds });
    return { kind: 'marked', came: cameIds.length, noShows: marked.length - cameIds.length, cameUserIds, noLongerCameUserIds };
  });
}
