/**
 * Staff mark who came to an opportunity: every person holding a seat is marked at once, those
 * ticked as came and the rest as no-shows, so a second marking replaces the first.
 */
import type { Kysely } from 'kysely';
import { inTransaction } from '../../db/transaction.js';
import type { DB } from '../../db/schema.js';
import { canMarkAttendance } from '../attendance-rules.js';
import { lockOpportunity } from './opportunities.js';

export type AttendanceOutcome =
  | { kind: 'marked'; came: number; noShows: number }
  | { kind: 'missing' | 'cancelled' | 'not_started' | 'nobody_seated' }
  /** Ticked people who hold no seat on it (a stale form): nothing is marked. */
  | { kind: 'not_seated'; userIds: string[] };

export async function markAttendance(
  db: Kysely<DB>,
  request: { teamId: string; opportunityId: number; came: readonly string[]; markedBy: string; now: Date },
): Promise<AttendanceOutcome> {
  const { teamId, opportunityId, markedBy, now } = request;
  const came = new Set(request.came);
  return inTransaction(db, async (trx) => {
    // The lock keeps a concurrent marking from interleaving with this one.
    const opportunity = await lockOpportunity(trx, teamId, opportunityId);
    if (!opportunity) return { kind: 'missing' };
    if (opportunity.status === 'cancelled') return { kind: 'cancelled' };
    if (!canMarkAttendance(opportunity, now)) return { kind: 'not_started' };
    const seated = await trx.selectFrom('signup_claims').select(['id', 'user_id']).where('opportunity_id', '=', opportunityId).where('status', '=', 'seated').execute();
    if (seated.length === 0) return { kind: 'nobody_seated' };
    const seatedIds = new Set(seated.map((claim) => claim.user_id));
    const strangers = [...came].filter((userId) => !seatedIds.has(userId));
    if (strangers.length > 0) return { kind: 'not_seated', userIds: strangers };
    const cameIds = seated.filter((claim) => came.has(claim.user_id)).map((claim) => claim.id);
    await trx
      .updateTable('signup_claims')
      .set((eb) => ({
        attended: cameIds.length === 0 ? false : eb('id', 'in', cameIds).$castTo<boolean>(),
        attendance_marked_by: markedBy,
        attendance_marked_at: now,
      }))
      .where('opportunity_id', '=', opportunityId)
      .where('status', '=', 'seated')
      .execute();
    return { kind: 'marked', came: cameIds.length, noShows: seated.length - cameIds.length };
  });
}
