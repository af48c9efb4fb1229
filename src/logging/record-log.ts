/**
 * Records a checked report and builds the answer every entry point sends (the command, the modal, a
 * shift's report-back): what was recorded and the person's week, or — for a likely repeat — the earlier
 * report and a question. The database work is one statement (see recordReport).
 */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import { todayIn, weekStart, type IsoDate } from '../domain/dates.js';
import type { SlackMessage } from '../slack/messages.js';
import type { LogDraft } from './log-entry.js';
import { deleteActionByKey, recordHeldReport, recordReport, type ActionOrigin, type HeldReport, type RecordOutcome } from './queries.js';
import { totalsByChannel, withReport } from './totals.js';
import { heldReply, loggedReply } from './views/log-reply.js';

export interface SummarizedLog {
  outcome: RecordOutcome['kind'];
  reply: SlackMessage;
  /** Whether the person has a Home tab that now needs refreshing. */
  homeOpened: boolean;
}

export async function recordAndSummarize(db: Kysely<DB>, draft: LogDraft, origin: ActionOrigin, timeZone: string, now = new Date()): Promise<SummarizedLog> {
  const thisWeek = weekStart(todayIn(timeZone, now));
  const outcome = await recordReport(db, draft, origin, { thisWeek, checkRepeats: true });
  return summarize(outcome, thisWeek, now);
}

/**
 * Records an action someone else vouched for (staff marking attendance at a training): never held back
 * as a repeat (the person did not type it), once per key, inside the caller's transaction. No reply is
 * built: the person is not the one who pressed the button.
 */
export async function recordVouched(trx: Transaction<DB>, draft: LogDraft, origin: ActionOrigin, timeZone: string, now = new Date()): Promise<RecordOutcome['kind']> {
  const outcome = await recordReport(trx, draft, origin, { thisWeek: weekStart(todayIn(timeZone, now)), checkRepeats: false });
  return outcome.kind;
}

/** Takes back an action recorded under `idempotencyKey` (a vouched one that was withdrawn); true when there was one. */
export async function withdrawVouched(trx: Transaction<DB>, teamId: string, idempotencyKey: string): Promise<boolean> {
  return deleteActionByKey(trx, teamId, idempotencyKey);
}

/** Stores a held report after its author said it is a second session. */
export async function recordHeldAndSummarize(db: Kysely<DB>, held: HeldReport, timeZone: string, now = new Date()): Promise<SummarizedLog> {
  const thisWeek = weekStart(todayIn(timeZone, now));
  return summarize(await recordHeldReport(db, held, thisWeek), thisWeek, now);
}

function summarize(outcome: RecordOutcome, thisWeek: IsoDate, now: Date): SummarizedLog {
  switch (outcome.kind) {
    case 'recorded': {
      const { report } = outcome;
      // The summaries were read before this report: add it when it falls in this week.
      const week = weekStart(report.occurredOn) === thisWeek ? withReport(outcome.weekBefore, report.tacticId, report.counts) : outcome.weekBefore;
      const reply = loggedReply({ action: report, alreadyRecorded: false, week: totalsByChannel(week), weekStart: thisWeek });
      return { outcome: outcome.kind, reply, homeOpened: outcome.homeOpened };
    }
    case 'already-recorded': {
      const reply = loggedReply({ action: outcome.report, alreadyRecorded: true, week: totalsByChannel(outcome.week), weekStart: thisWeek });
      return { outcome: outcome.kind, reply, homeOpened: outcome.homeOpened };
    }
    case 'held':
      return { outcome: outcome.kind, reply: heldReply({ draft: outcome.draft, earlier: outcome.earlier, heldId: outcome.heldId, now }), homeOpened: false };
  }
}
