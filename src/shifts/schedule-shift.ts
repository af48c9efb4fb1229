/** Stores a checked shift plan: its opportunity in the signup engine and its details, in one transaction, once per submission. */
import type { Kysely } from 'kysely';
import { inTransaction } from '../db/transaction.js';
import type { DB } from '../db/schema.js';
import { createOpportunity } from '../signups/queries/opportunities.js';
import { insertShiftDetails, type Shift, type ShiftDetails } from './queries.js';
import type { ShiftPlan } from './shift-rules.js';

export function detailsOf(plan: ShiftPlan): ShiftDetails {
  return { title: plan.title, target: plan.target, location: plan.location, script_url: plan.scriptUrl, required_skill: plan.requiredSkill };
}

export async function scheduleShift(db: Kysely<DB>, options: { teamId: string; userId: string; plan: ShiftPlan; idempotencyKey: string }): Promise<{ shift: Shift; created: boolean }> {
  const { teamId, userId, plan, idempotencyKey } = options;
  return inTransaction(db, async (trx) => {
    const { opportunity, created } = await createOpportunity(trx, {
      teamId,
      kind: 'shift',
      startsAt: plan.startsAt,
      endsAt: plan.endsAt,
      capacity: plan.capacity,
      minRole: plan.minRole,
      createdBy: userId,
      idempotencyKey,
    });
    await insertShiftDetails(trx, opportunity.id, detailsOf(plan));
    const details = await trx.selectFrom('shifts').select(['title', 'target', 'location', 'script_url', 'required_skill']).where('opportunity_id', '=', opportunity.id).executeTakeFirstOrThrow();
    return { shift: { opportunity, details }, created };
  });
}
