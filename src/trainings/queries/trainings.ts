/** A training's own details (title, format, skill, where, description), beside its opportunity in the signup engine. */
import type { Kysely, Transaction } from 'kysely';
import type { DB, OpportunityRow, TrainingRow } from '../../db/schema.js';
import type { TacticId } from '../../domain/tactics.js';
import { findOpportunity } from '../../signups/queries/opportunities.js';

type Db = Kysely<DB> | Transaction<DB>;

export type TrainingDetails = Omit<TrainingRow, 'opportunity_id'>;

/** A training: its seats and times (the opportunity) and its details. */
export interface Training {
  opportunity: OpportunityRow;
  details: TrainingDetails;
}

/** Stores the details once per opportunity (a replayed submission finds them there already). */
export async function insertTrainingDetails(trx: Db, opportunityId: number, details: TrainingDetails): Promise<void> {
  await trx
    .insertInto('trainings')
    .values({ opportunity_id: opportunityId, ...details })
    .onConflict((oc) => oc.column('opportunity_id').doNothing())
    .execute();
}

export async function updateTrainingDetails(trx: Db, opportunityId: number, details: TrainingDetails): Promise<void> {
  await trx.updateTable('trainings').set(details).where('opportunity_id', '=', opportunityId).execute();
}

/** Details of several trainings at once, by opportunity id. */
export async function trainingDetailsOf(db: Db, opportunityIds: readonly number[]): Promise<Map<number, TrainingDetails>> {
  if (opportunityIds.length === 0) return new Map();
  const rows = await db.selectFrom('trainings').selectAll().where('opportunity_id', 'in', [...opportunityIds]).execute();
  return new Map(rows.map(({ opportunity_id, ...details }) => [opportunity_id, details]));
}

/** A training of this team by number; undefined for another kind of opportunity or another team's. */
export async function findTraining(db: Db, teamId: string, id: number): Promise<Training | undefined> {
  const opportunity = await findOpportunity(db, teamId, id);
  if (!opportunity || opportunity.kind !== 'training') return undefined;
  const details = (await trainingDetailsOf(db, [id])).get(id);
  return details && { opportunity, details };
}

/** The team's trainings with opportunities, soonest first, from those that end after `from`. */
export async function trainingsFrom(db: Db, teamId: string, from: Date, limit: number): Promise<Training[]> {
  const rows = await db
    .selectFrom('signup_opportunities as o')
    .innerJoin('trainings as t', 't.opportunity_id', 'o.id')
    .selectAll('o')
    .select(['t.title', 't.format', 't.skill', 't.location', 't.description', 't.unlimited'])
    .where('o.team_id', '=', teamId)
    .where('o.kind', '=', 'training')
    .where('o.status', '=', 'open')
    .where('o.ends_at', '>', from)
    .orderBy('o.starts_at')
    .orderBy('o.id')
    .limit(limit)
    .execute();
  return rows.map(({ title, format, skill, location, description, unlimited, ...opportunity }) => ({ opportunity, details: { title, format, skill, location, description, unlimited } }));
}

/** The next open training for a skill that has not started: what a refused claim points to. */
export async function nextTrainingFor(db: Db, teamId: string, skill: TacticId, now: Date): Promise<Training | undefined> {
  const row = await db
    .selectFrom('signup_opportunities as o')
    .innerJoin('trainings as t', 't.opportunity_id', 'o.id')
    .select('o.id')
    .where('o.team_id', '=', teamId)
    .where('o.status', '=', 'open')
    .where('t.skill', '=', skill)
    .where('o.starts_at', '>', now)
    .orderBy('o.starts_at')
    .limit(1)
    .executeTakeFirst();
  return row ? findTraining(db, teamId, row.id) : undefined;
}
