/** A phone-bank shift's own details (title, target, where, script), beside its opportunity in the signup engine. */
import type { Kysely, Transaction } from 'kysely';
import type { DB, OpportunityRow, ShiftRow } from '../db/schema.js';
import { findOpportunity } from '../signups/queries/opportunities.js';

type Db = Kysely<DB> | Transaction<DB>;

export type ShiftDetails = Omit<ShiftRow, 'opportunity_id'>;

/** A shift: its seats and times (the opportunity) and its details. */
export interface Shift {
  opportunity: OpportunityRow;
  details: ShiftDetails;
}

/** Stores the details once per opportunity (a replayed submission finds them there already). */
export async function insertShiftDetails(trx: Db, opportunityId: number, details: ShiftDetails): Promise<void> {
  await trx
    .insertInto('shifts')
    .values({ opportunity_id: opportunityId, ...details })
    .onConflict((oc) => oc.column('opportunity_id').doNothing())
    .execute();
}

export async function updateShiftDetails(trx: Db, opportunityId: number, details: ShiftDetails): Promise<void> {
  await trx.updateTable('shifts').set(details).where('opportunity_id', '=', opportunityId).execute();
}

/** Details of several shifts at once, by opportunity id. */
export async function shiftDetailsOf(db: Db, opportunityIds: readonly number[]): Promise<Map<number, ShiftDetails>> {
  if (opportunityIds.length === 0) return new Map();
  const rows = await db.selectFrom('shifts').selectAll().where('opportunity_id', 'in', [...opportunityIds]).execute();
  return new Map(rows.map(({ opportunity_id, ...details }) => [opportunity_id, details]));
}

/** A shift of this team by number; undefined for another kind of opportunity or another team's. */
export async function findShift(db: Db, teamId: string, id: number): Promise<Shift | undefined> {
  const opportunity = await findOpportunity(db, teamId, id);
  if (!opportunity || opportunity.kind !== 'shift') return undefined;
  const details = (await shiftDetailsOf(db, [id])).get(id);
  return details && { opportunity, details };
}
