/**
 * Queries for logged actions: record one exactly once (holding back a likely repeat), undo one, and
 * read the summaries that the trigger of migration 0004 keeps in step with every write.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { keptStatement } from '../db/kept-statements.js';
import { inTransaction } from '../db/transaction.js';
import type { IsoDate } from '../domain/dates.js';
import { TACTICS, UNIT_IDS, type TacticId } from '../domain/tactics.js';
import type { Counts, LogDraft } from './log-entry.js';
import { cellsFromSummaries, type CellTotals, type SummaryRow } from './totals.js';
import type { ActionSource, DB } from '../db/schema.js';

type Db = Kysely<DB> | Transaction<DB>;

export interface ActionOrigin {
  teamId: string;
  userId: string;
  source: ActionSource;
  /** Same key, same report: a retried request or a double submit lands once. */
  idempotencyKey: string;
}

/** A report as people see it: what the draft said, and the id it is stored under. */
export interface StoredReport extends LogDraft {
  id: number;
}

/** The report a repeat looks like: made by the same person minutes before, same tactic, counts and day. */
export interface EarlierReport {
  id: number;
  occurredOn: IsoDate;
  createdAt: Date;
  place: string | null;
  note: string | null;
}

export type RecordOutcome =
  /** Stored now. `weekBefore` is the person's week (Monday `thisWeek`) as it was before this report. */
  | { kind: 'recorded'; report: StoredReport; weekBefore: CellTotals[]; homeOpened: boolean }
  /** This key was stored before (a retried request or a double submit): nothing new was written. */
  | { kind: 'already-recorded'; report: StoredReport; week: CellTotals[]; homeOpened: boolean }
  /** Not stored: it repeats `earlier`, so it waits as held report `heldId` until its author decides. */
  | { kind: 'held'; heldId: number; earlier: EarlierReport; draft: LogDraft };

/** How far back an identical report counts as a likely repeat (someone retyping after an unclear answer). */
export const REPEAT_WINDOW_MINUTES = 10;

/** The record call is the same text every time: parsed once per connection (src/db/kept-statements.ts). */
const KEPT_RECORD = sql.raw(keptStatement('record_report'));

const SUMMARY_COLUMNS = sql.raw(['goal', 'channel', 'actions', ...UNIT_IDS].join(', '));

interface RecordRow {
  inserted_id: number | null;
  held_id: number | null;
  earlier: { id: number; occurred_on: IsoDate; created_at: string; place: string | null; note: string | null } | null;
  home_opened: boolean;
  week: SummaryRow[];
}

/**
 * Records a checked draft in one statement, one round trip (a retried key takes two reads more): look for a repeat of it, hold it back if there
 * is one, otherwise insert it (once per idempotency key), and read the person's week as it was before,
 * plus whether they have a Home tab to refresh. `thisWeek` is the Monday of the person's own week.
 * `checkRepeats: false` stores it even if it repeats an earlier report (its author said so).
 */
export async function recordReport(
  db: Db,
  draft: LogDraft,
  origin: ActionOrigin,
  options: { thisWeek: IsoDate; checkRepeats: boolean },
): Promise<RecordOutcome> {
  const tactic = TACTICS[draft.tacticId];
  const { teamId, userId, idempotencyKey: key } = origin;
  const counts = JSON.stringify(draft.counts);
  // One function call (migration 0013): its statement's plan is kept for the session, and everything it
  // reads is as it was before this report, so `week` is the week before it.
  const { rows } = await sql<RecordRow>`${KEPT_RECORD}
    select * from record_report(
      ${teamId}, ${userId}, ${tactic.id}, ${tactic.goal}, ${tactic.channel}, ${counts}::jsonb,
      ${draft.occurredOn}::date, ${draft.place}, ${draft.note}, ${draft.story}, ${draft.storyConsent}, ${origin.source},
      ${key}, ${JSON.stringify(draft)}::jsonb, ${options.checkRepeats}, ${REPEAT_WINDOW_MINUTES}, ${options.thisWeek}::date
    )`.execute(db);
  const row = rows[0];
  if (!row) throw new Error('recordReport: the statement returned no row');
  const homeOpened = row.home_opened;
  if (row.inserted_id !== null) {
    return { kind: 'recorded', report: { ...draft, id: row.inserted_id }, weekBefore: cellsFromSummaries(row.week), homeOpened };
  }
  if (row.held_id !== null && row.earlier) {
    const { id, occurred_on, created_at, place, note } = row.earlier;
    return { kind: 'held', heldId: row.held_id, earlier: { id, occurredOn: occurred_on, createdAt: new Date(created_at), place, note }, draft };
  }
  // The same key was stored before (a retried request, a double submit): its id, and the week as it is now.
  const existingId = await findActionIdByKey(db, teamId, key);
  if (existingId === undefined) throw new Error(`recordReport: ${key} was neither stored nor found`);
  const week = await weekSummaries(db, teamId, userId, options.thisWeek);
  return { kind: 'already-recorded', report: { ...draft, id: existingId }, week: cellsFromSummaries(week), homeOpened };
}

export interface HeldReport {
  id: number;
  teamId: string;
  userId: string;
  idempotencyKey: string;
  source: ActionSource;
  draft: LogDraft;
}

/** A held report of this person's; undefined once it was recorded or dropped. */
export async function findHeldReport(db: Db, teamId: string, userId: string, heldId: number): Promise<HeldReport | undefined> {
  const row = await db
    .selectFrom('held_reports')
    .select(['id', 'team_id', 'user_id', 'idempotency_key', 'source', 'draft'])
    .where('id', '=', heldId)
    .where('team_id', '=', teamId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row && { id: row.id, teamId: row.team_id, userId: row.user_id, idempotencyKey: row.idempotency_key, source: row.source, draft: row.draft };
}

/**
 * Its author said a held report is a second session: store it under the key it came with (so a double
 * click stores it once) and let the held copy go, in one transaction.
 */
export async function recordHeldReport(db: Kysely<DB>, held: HeldReport, thisWeek: IsoDate): Promise<RecordOutcome> {
  return inTransaction(db, async (trx) => {
    const outcome = await recordReport(trx, held.draft, held, { thisWeek, checkRepeats: false });
    await trx.deleteFrom('held_reports').where('id', '=', held.id).execute();
    return outcome;
  });
}

/** Its author said a held report repeats the earlier one: forget it. True when there was one to forget. */
export async function dropHeldReport(db: Db, teamId: string, userId: string, heldId: number): Promise<boolean> {
  const dropped = await db
    .deleteFrom('held_reports')
    .where('id', '=', heldId)
    .where('team_id', '=', teamId)
    .where('user_id', '=', userId)
    .returning('id')
    .executeTakeFirst();
  return dropped !== undefined;
}

/** Forgets held reports nobody answered about within `days`. */
export async function forgetOldHeldReports(db: Db, days: number): Promise<void> {
  await db.deleteFrom('held_reports').where('created_at', '<', sql<Date>`now() - make_interval(days => ${days})`).execute();
}

/** Removes a report, but only for the person who made it. Undefined when there is nothing (left) to undo. */
export async function deleteOwnAction(db: Db, teamId: string, userId: string, actionId: number): Promise<StoredReport | undefined> {
  const row = await db
    .deleteFrom('actions')
    .where('id', '=', actionId)
    .where('team_id', '=', teamId)
    .where('user_id', '=', userId)
    .returning(['id', 'tactic_id', 'counts', 'occurred_on', 'place', 'note', 'story', 'story_consent'])
    .executeTakeFirst();
  return row && storedReport(row);
}

/** Removes the action stored under an idempotency key (its summaries follow by trigger, as for an undo); true when there was one. */
export async function deleteActionByKey(db: Db, teamId: string, idempotencyKey: string): Promise<boolean> {
  const row = await db.deleteFrom('actions').where('team_id', '=', teamId).where('idempotency_key', '=', idempotencyKey).returning('id').executeTakeFirst();
  return row !== undefined;
}

/** Who logged an action (to explain why someone else cannot undo it); undefined when it is gone. */
export async function findActionAuthor(db: Db, teamId: string, actionId: number): Promise<string | undefined> {
  const row = await db.selectFrom('actions').select('user_id').where('id', '=', actionId).where('team_id', '=', teamId).executeTakeFirst();
  return row?.user_id;
}

async function findActionIdByKey(db: Db, teamId: string, key: string): Promise<number | undefined> {
  const row = await db.selectFrom('actions').select('id').where('team_id', '=', teamId).where('idempotency_key', '=', key).executeTakeFirst();
  return row?.id;
}

function storedReport(row: {
  id: number;
  tactic_id: TacticId;
  counts: Counts;
  occurred_on: string;
  place: string | null;
  note: string | null;
  story: string | null;
  story_consent: boolean;
}): StoredReport {
  return {
    id: row.id,
    tacticId: row.tactic_id,
    counts: row.counts,
    occurredOn: row.occurred_on,
    place: row.place,
    note: row.note,
    story: row.story,
    storyConsent: row.story_consent,
  };
}

async function weekSummaries(db: Db, teamId: string, userId: string, thisWeek: IsoDate): Promise<SummaryRow[]> {
  const { rows } = await sql<SummaryRow>`
    select ${SUMMARY_COLUMNS} from person_week_totals
    where team_id = ${teamId} and user_id = ${userId} and week_start = ${thisWeek}::date`.execute(db);
  return rows;
}

/** A person's cells in the week starting Monday `thisWeek`: at most one summary row per tactic. */
export async function personWeekCells(db: Db, teamId: string, userId: string, thisWeek: IsoDate): Promise<CellTotals[]> {
  return cellsFromSummaries(await weekSummaries(db, teamId, userId, thisWeek));
}

/** A person's all-time cells: at most one summary row per tactic. */
export async function personAllTimeCells(db: Db, teamId: string, userId: string): Promise<CellTotals[]> {
  const { rows } = await sql<SummaryRow>`
    select ${SUMMARY_COLUMNS} from person_totals where team_id = ${teamId} and user_id = ${userId}`.execute(db);
  return cellsFromSummaries(rows);
}

/** A team's cells in the week starting Monday `thisWeek`: one summary row per person and tactic, summed here. */
export async function teamWeekCells(db: Db, teamId: string, thisWeek: IsoDate): Promise<CellTotals[]> {
  const sums = sql.raw(UNIT_IDS.map((unit) => `sum(${unit})::int as ${unit}`).join(', '));
  const { rows } = await sql<SummaryRow>`
    select goal, channel, sum(actions)::int as actions, ${sums} from person_week_totals
    where team_id = ${teamId} and week_start = ${thisWeek}::date
    group by goal, channel`.execute(db);
  return cellsFromSummaries(rows);
}
