/**
 * After a shift, each person who held a seat reports how it went; it becomes a phone-banking action
 * (Campaign, offline) in their record, dated the day of the shift, through the same recording code
 * as /log-action. The claim's id is the idempotency key: reporting twice records once.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { dateIn, type IsoDate } from '../domain/dates.js';
import type { LogDraft } from '../logging/log-entry.js';
import { recordAndSummarize, type SummarizedLog } from '../logging/record-log.js';
import { findClaim } from '../signups/queries/claims.js';
import { COMMANDS } from '../slack/ids.js';
import { findShift, type Shift } from './queries.js';
import { displayTimeZone } from '../team/time-zone.js';

export type Reportable = { ok: true; shift: Shift; claimId: number; occurredOn: IsoDate } | { ok: false; text: string };

/** Whether this person may report back on this claim now, and the day the action is dated. */
export async function reportable(db: Kysely<DB>, options: { teamId: string; userId: string; claimId: number; now: Date }): Promise<Reportable> {
  const { teamId, userId, claimId, now } = options;
  const claim = await findClaim(db, teamId, claimId);
  const shift = claim ? await findShift(db, teamId, claim.opportunity_id) : undefined;
  if (!claim || claim.user_id !== userId || !shift) return { ok: false, text: `That button isn't for you. Log your own calls with \`${COMMANDS.logAction} phone bank\`.` };
  if (shift.opportunity.status === 'cancelled') return { ok: false, text: 'That shift was cancelled, so there is nothing to report for it.' };
  if (claim.status !== 'seated') return { ok: false, text: `You didn't hold a seat on that shift, so there is nothing to report for it. Made calls anyway? Log them with \`${COMMANDS.logAction} phone bank\`.` };
  if (now.getTime() < shift.opportunity.starts_at.getTime()) return { ok: false, text: "That shift hasn't started yet; report back once you've made the calls." };
  const timeZone = await displayTimeZone(db, teamId);
  return { ok: true, shift, claimId, occurredOn: dateIn(timeZone, shift.opportunity.starts_at) };
}

/** Records the report as the person's phone-banking action, once per claim. */
export async function recordReportBack(db: Kysely<DB>, options: { teamId: string; userId: string; claimId: number; draft: LogDraft; timeZone: string }): Promise<SummarizedLog> {
  const { teamId, userId, claimId, draft, timeZone } = options;
  return recordAndSummarize(db, draft, { teamId, userId, source: 'shift', idempotencyKey: `shift:${claimId}` }, timeZone);
}
