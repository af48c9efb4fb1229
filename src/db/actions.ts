/**
 * Queries for logged actions: record one exactly once, undo one, and total a person's week.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { LogDraft } from '../domain/log-entry.js';
import type { Channel, UnitId } from '../domain/tactics.js';
import { TACTICS } from '../domain/tactics.js';
import type { IsoDate } from '../domain/dates.js';
import type { ActionRow, DB } from './schema.js';

type Db = Kysely<DB> | Transaction<DB>;

export interface ActionOrigin {
  teamId: string;
  userId: string;
  source: 'command' | 'modal';
  /** Same key, same report: a retried request or a double submit returns the first row. */
  idempotencyKey: string;
}

export interface RecordedAction {
  action: ActionRow;
  /** False when this key was already recorded, so nothing new was written. */
  created: boolean;
}

export async function recordAction(db: Db, draft: LogDraft, origin: ActionOrigin): Promise<RecordedAction> {
  const tactic = TACTICS[draft.tacticId];
  const inserted = await db
    .insertInto('actions')
    .values({
      team_id: origin.teamId,
      user_id: origin.userId,
      tactic_id: tactic.id,
      goal: tactic.goal,
      channel: tactic.channel,
      counts: JSON.stringify(draft.counts),
      occurred_on: draft.occurredOn,
      place: draft.place,
      note: draft.note,
      story: draft.story,
      story_consent: draft.storyConsent,
      source: origin.source,
      idempotency_key: origin.idempotencyKey,
    })
    .onConflict((oc) => oc.columns(['team_id', 'idempotency_key']).doNothing())
    .returningAll()
    .executeTakeFirst();
  if (inserted) return { action: inserted, created: true };
  const existing = await db
    .selectFrom('actions')
    .selectAll()
    .where('team_id', '=', origin.teamId)
    .where('idempotency_key', '=', origin.idempotencyKey)
    .executeTakeFirstOrThrow();
  return { action: existing, created: false };
}

/** Removes a report, but only for the person who made it. Undefined when there is nothing (left) to undo. */
export async function deleteOwnAction(db: Db, teamId: string, userId: string, actionId: number): Promise<ActionRow | undefined> {
  return db
    .deleteFrom('actions')
    .where('id', '=', actionId)
    .where('team_id', '=', teamId)
    .where('user_id', '=', userId)
    .returningAll()
    .executeTakeFirst();
}

export async function findAction(db: Db, teamId: string, actionId: number): Promise<ActionRow | undefined> {
  return db.selectFrom('actions').selectAll().where('id', '=', actionId).where('team_id', '=', teamId).executeTakeFirst();
}

export interface ChannelTotals {
  actions: number;
  counts: Partial<Record<UnitId, number>>;
}

export type PeriodTotals = Record<Channel, ChannelTotals>;

/** A person's actions between two days inclusive, offline and online side by side. */
export async function personTotals(db: Db, teamId: string, userId: string, from: IsoDate, to: IsoDate): Promise<PeriodTotals> {
  const inPeriod = db
    .selectFrom('actions')
    .where('team_id', '=', teamId)
    .where('user_id', '=', userId)
    .where('occurred_on', '>=', from)
    .where('occurred_on', '<=', to);

  const actionCounts = await inPeriod
    .select(['channel', (eb) => eb.fn.countAll<number>().as('actions')])
    .groupBy('channel')
    .execute();
  const unitSums = await inPeriod
    .innerJoin(sql<{ key: string; value: string }>`jsonb_each_text(actions.counts)`.as('kv'), (join) => join.onTrue())
    .select(['channel', 'kv.key as unit', sql<number>`sum((kv.value)::int)::int`.as('amount')])
    .groupBy(['channel', 'kv.key'])
    .execute();

  const totals: PeriodTotals = { offline: { actions: 0, counts: {} }, online: { actions: 0, counts: {} } };
  for (const row of actionCounts) totals[row.channel].actions = Number(row.actions);
  for (const row of unitSums) totals[row.channel].counts[row.unit as UnitId] = row.amount;
  return totals;
}
