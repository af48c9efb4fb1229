/**
 * Queries for logged actions: record one exactly once, undo one, and total them per goal × channel.
 */
import { sql, type ExpressionBuilder, type Kysely, type Transaction } from 'kysely';
import type { LogDraft } from './log-entry.js';
import type { Channel, Goal, UnitId } from '../domain/tactics.js';
import { TACTICS } from '../domain/tactics.js';
import type { IsoDate } from '../domain/dates.js';
import type { ActionRow, ActionSource, DB } from '../db/schema.js';

type Db = Kysely<DB> | Transaction<DB>;

export interface ActionOrigin {
  teamId: string;
  userId: string;
  source: ActionSource;
  /** Same key, same report: a retried request or a double submit returns the first row. */
  idempotencyKey: string;
}

export interface RecordedAction {
  action: ActionRow;
  /** False when this key was already recorded, so nothing new was written. */
  created: boolean;
  /** Whether the person has a Home tab to refresh, read in the same round trip as the write. */
  homeOpened: boolean;
}

export async function recordAction(db: Db, draft: LogDraft, origin: ActionOrigin): Promise<RecordedAction> {
  const tactic = TACTICS[draft.tacticId];
  const homeOpened = (eb: ExpressionBuilder<DB, 'actions'>) =>
    eb
      .exists(eb.selectFrom('home_tabs').select('home_tabs.user_id').whereRef('home_tabs.team_id', '=', 'actions.team_id').whereRef('home_tabs.user_id', '=', 'actions.user_id'))
      .as('home_opened');
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
    .returning(homeOpened)
    .executeTakeFirst();
  if (inserted) {
    const { home_opened, ...action } = inserted;
    return { action, created: true, homeOpened: Boolean(home_opened) };
  }
  const { home_opened, ...existing } = await db
    .selectFrom('actions')
    .selectAll()
    .select(homeOpened)
    .where('team_id', '=', origin.teamId)
    .where('idempotency_key', '=', origin.idempotencyKey)
    .executeTakeFirstOrThrow();
  return { action: existing, created: false, homeOpened: Boolean(home_opened) };
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

/** One goal × channel cell of the organizing model, with its actions and unit sums. */
export interface CellTotals extends ChannelTotals {
  goal: Goal;
  channel: Channel;
}

/** Which actions to total: one team, optionally one person, optionally a span of days (inclusive). */
export interface ActionScope {
  teamId: string;
  userId?: string;
  from?: IsoDate;
  to?: IsoDate;
}

/**
 * Actions and unit sums per goal × channel cell (cells without actions are left out), read through
 * the (team, user, day) or (team, day) index. Meant for a span of days: a person's all-time totals
 * come from allTimeCellTotals.
 */
export async function cellTotals(db: Db, scope: ActionScope): Promise<CellTotals[]> {
  let inScope = db.selectFrom('actions').where('team_id', '=', scope.teamId);
  if (scope.userId !== undefined) inScope = inScope.where('user_id', '=', scope.userId);
  if (scope.from !== undefined) inScope = inScope.where('occurred_on', '>=', scope.from);
  if (scope.to !== undefined) inScope = inScope.where('occurred_on', '<=', scope.to);

  // One round trip: the cell rows (grouping(kv.key) = 1) count actions, the others sum one unit each.
  const rows = await inScope
    .leftJoin(sql<{ key: string; value: string }>`jsonb_each_text(actions.counts)`.as('kv'), (join) => join.onTrue())
    .select([
      'goal',
      'channel',
      sql<string | null>`kv.key`.as('unit'),
      sql<number>`grouping(kv.key)`.as('whole_cell'),
      sql<number>`count(distinct actions.id)::int`.as('actions'),
      sql<number | null>`sum((kv.value)::int)::int`.as('amount'),
    ])
    .groupBy(sql`grouping sets ((goal, channel), (goal, channel, kv.key))`)
    .execute();

  const cells = new Map<string, CellTotals>();
  const cellOf = (goal: Goal, channel: Channel) => {
    const key = `${goal}:${channel}`;
    let cell = cells.get(key);
    if (!cell) cells.set(key, (cell = { goal, channel, actions: 0, counts: {} }));
    return cell;
  };
  for (const row of rows) {
    const cell = cellOf(row.goal, row.channel);
    if (row.whole_cell === 1) cell.actions = row.actions;
    else if (row.unit !== null && row.amount !== null) cell.counts[row.unit as UnitId] = row.amount;
  }
  return [...cells.values()];
}

/**
 * A person's all-time totals per cell: at most six rows of action_totals, which a trigger keeps in
 * step with every insert and delete, so a long history costs no more to read than a short one.
 */
export async function allTimeCellTotals(db: Db, teamId: string, userId: string): Promise<CellTotals[]> {
  return db
    .selectFrom('action_totals')
    .select(['goal', 'channel', 'actions', 'counts'])
    .where('team_id', '=', teamId)
    .where('user_id', '=', userId)
    .where('actions', '>', 0)
    .execute();
}

/** Folds cells into offline and online totals, adding up the goals. */
export function totalsByChannel(cells: readonly CellTotals[]): PeriodTotals {
  const totals: PeriodTotals = { offline: { actions: 0, counts: {} }, online: { actions: 0, counts: {} } };
  for (const cell of cells) {
    const channel = totals[cell.channel];
    channel.actions += cell.actions;
    for (const [unit, amount] of Object.entries(cell.counts) as [UnitId, number][]) {
      channel.counts[unit] = (channel.counts[unit] ?? 0) + amount;
    }
  }
  return totals;
}

/** A person's actions between two days inclusive, offline and online side by side. */
export async function personTotals(db: Db, teamId: string, userId: string, from: IsoDate, to: IsoDate): Promise<PeriodTotals> {
  return totalsByChannel(await cellTotals(db, { teamId, userId, from, to }));
}
