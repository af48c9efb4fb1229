/** Stores a checked training plan: its opportunity in the signup engine and its details, in one transaction, once per submission. */
import type { Kysely } from 'kysely';
import { inTransaction } from '../db/transaction.js';
import type { DB } from '../db/schema.js';
import { createOpportunity } from '../signups/queries/opportunities.js';
import { insertTrainingDetails, type Training, type TrainingDetails } from './queries/trainings.js';
import { capacityOf, type TrainingPlan } from './training-rules.js';

export function detailsOf(plan: TrainingPlan): TrainingDetails {
  return { title: plan.title, format: plan.format, skill: plan.skill, location: plan.location, description: plan.description, unlimited: plan.seats === null };
}

export async function scheduleTraining(db: Kysely<DB>, options: { teamId: string; userId: string; plan: TrainingPlan; idempotencyKey: string }): Promise<{ training: Training; created: boolean }> {
  const { teamId, userId, plan, idempotencyKey } = options;
  return inTransaction(db, async (trx) => {
    const { opportunity, created } = await createOpportunity(trx, {
      teamId,
      kind: 'training',
      startsAt: plan.startsAt,
      endsAt: plan.endsAt,
      capacity: capacityOf(plan.seats),
      // Trainings are how people become able to do more: open to everyone.
      minRole: 'volunteer',
      createdBy: userId,
      idempotencyKey,
    });
    await insertTrainingDetails(trx, opportunity.id, detailsOf(plan));
    const { opportunity_id: _id, ...details } = await trx.selectFrom('trainings').selectAll().where('opportunity_id', '=', opportunity.id).executeTakeFirstOrThrow();
    return { training: { opportunity, details }, created };
  });
}
