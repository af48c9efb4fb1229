/**
 * Totals of logged actions as the views read them: per goal × channel cell, or folded into offline
 * and online. Pure: the summary rows come in, totals go out.
 */
import type { Counts } from './log-entry.js';
import { TACTICS, UNIT_IDS, type Channel, type Goal, type TacticId, type UnitId } from '../domain/tactics.js';

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

/** A summary row as stored: a cell's actions and one integer per unit (0 when unused). */
export type SummaryRow = { goal: Goal; channel: Channel; actions: number } & Record<UnitId, number>;

/** Summary rows (any grain: per tactic, per person) added up per cell; cells without actions are left out. */
export function cellsFromSummaries(rows: readonly SummaryRow[]): CellTotals[] {
  const cells = new Map<string, CellTotals>();
  for (const row of rows) {
    if (row.actions <= 0) continue;
    const key = `${row.goal}:${row.channel}`;
    let cell = cells.get(key);
    if (!cell) cells.set(key, (cell = { goal: row.goal, channel: row.channel, actions: 0, counts: {} }));
    cell.actions += row.actions;
    for (const unit of UNIT_IDS) {
      const amount = Number(row[unit] ?? 0);
      if (amount !== 0) cell.counts[unit] = (cell.counts[unit] ?? 0) + amount;
    }
  }
  return [...cells.values()];
}

/** Folds cells into offline and online totals, adding up the goals. */
export function totalsByChannel(cells: readonly CellTotals[]): PeriodTotals {
  const totals: PeriodTotals = { offline: emptyTotals(), online: emptyTotals() };
  for (const cell of cells) addToTotals(totals[cell.channel], cell.actions, cell.counts);
  return totals;
}

/** Adds `actions` actions with these counts to `totals`, in place. */
export function addToTotals(totals: ChannelTotals, actions: number, counts: Counts): void {
  totals.actions += actions;
  for (const [unit, amount] of Object.entries(counts) as [UnitId, number][]) {
    if (amount) totals.counts[unit] = (totals.counts[unit] ?? 0) + amount;
  }
}

function emptyTotals(): ChannelTotals {
  return { actions: 0, counts: {} };
}

/** `cells` with one more report of `tacticId` counting `counts`, as a new array. */
export function withReport(cells: readonly CellTotals[], tacticId: TacticId, counts: Counts): CellTotals[] {
  const { goal, channel } = TACTICS[tacticId];
  const copy = cells.map((cell) => ({ ...cell, counts: { ...cell.counts } }));
  let cell = copy.find((c) => c.goal === goal && c.channel === channel);
  if (!cell) copy.push((cell = { goal, channel, actions: 0, counts: {} }));
  addToTotals(cell, 1, counts);
  return copy;
}
