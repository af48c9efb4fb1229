/**
 * Sends the DMs the signup engine owes, each exactly once, from as many instances as are running:
 *  1. First, what seats owe by now (reminders come due, report-back asks after the end) is written as
 *     rows, in one statement (queueOwedSeatMessages): nothing is written for them when a seat is taken.
 *     Each row's dedupe key is the one its message always had, and a key already in the outbox (sent,
 *     perhaps sent, dropped or pending) is never written again, so each is owed once however many
 *     drains run, and one that came due while every instance was down is written once by the next.
 *  2. A row is sent only by the caller that claimed it: claiming sets a lease (claimed_until) with
 *     UPDATE … WHERE id IN (SELECT … FOR UPDATE SKIP LOCKED), so two instances never claim one row,
 *     and a row with a lease is never claimed again.
 *  3. Just before sending, the row is checked against the current state (stillOwed): a reminder for
 *     someone who left, of a cancelled opportunity, or past the start is dropped, never sent.
 *  4. When Slack answers with the message ts, the row is marked sent with it. When Slack refuses the
 *     message (an error answer), nothing went out: it is marked failed. When Slack is rate limiting
 *     (429: it took nothing), the row and the rest of its batch are given back unsent and this drain
 *     stops; the next (the job runs every minute) sends them, still checked as in 3. When the outcome is unknown
 *     (the call timed out, the connection broke, the process died mid-send), the message may have
 *     gone out; it is marked uncertain and never sent again. A row still claimed after its lease ran
 *     out with no ts recorded is exactly that case: the next drain marks it uncertain and logs it.
 * So a message can be lost (uncertain, logged for an operator) but is never sent twice.
 */
import type { Logger } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Kysely } from 'kysely';
import type { ClaimRow, DB, OpportunityRow, OutboxRow } from '../db/schema.js';
import { isRateLimited } from '../jobs/job-client.js';
import { within } from '../lib/deadline.js';
import type { SlackMessage } from '../slack/messages.js';
import { OPPORTUNITY_KINDS, stillOwed, type OpportunityKind, type OutboxKind } from './signup-rules.js';
import { claimDueMessages, finishUnsent, markLapsedLeasesUncertain, markSent, queueOwedSeatMessages, releaseClaim } from './queries/outbox.js';

/** A queued DM with the current state of what it is about. */
export interface OutboxItem {
  row: OutboxRow;
  opportunity: OpportunityRow;
  claim: ClaimRow | null;
}

export interface SignupDeps {
  db: Kysely<DB>;
  client: WebClient;
  logger: Logger;
}

/** What a feature built on the engine (shifts, trainings) supplies: its words for each DM, and its announcement. */
export interface SignupFeature {
  render(db: Kysely<DB>, item: OutboxItem): Promise<SlackMessage>;
  /** Brings the opportunity's announcement up to date (seats, who is coming, full, cancelled, over). */
  refreshAnnouncement(deps: SignupDeps, opportunityId: number, now: Date): Promise<void>;
  /**
   * The kinds of DM this feature sends (a training asks nobody to report back: staff mark attendance
   * instead). A seat's reminders and report-back asks of a kind not sent are never derived; any other
   * row of such a kind is dropped unsent. Every kind when absent.
   */
  sends?: readonly OutboxKind[];
}

export type SignupFeatures = Partial<Record<OpportunityKind, SignupFeature>>;

function sends(feature: SignupFeature, kind: OutboxKind): boolean {
  return !feature.sends || feature.sends.includes(kind);
}

/** The opportunity kinds whose feature (among those given) sends `kind` of DM. */
function kindsSending(features: SignupFeatures, kind: OutboxKind): OpportunityKind[] {
  return OPPORTUNITY_KINDS.filter((opportunityKind) => {
    const feature = features[opportunityKind];
    return feature !== undefined && sends(feature, kind);
  });
}

/** A lease comfortably longer than a batch of bounded sends. */
export const LEASE_MS = 5 * 60_000;
/** How long one chat.postMessage may take before its outcome counts as unknown. */
export const SEND_BUDGET_MS = 15_000;
const BATCH = 10;
const MAX_BATCHES = 20;

export interface DeliveryReport {
  sent: number;
  dropped: number;
  failed: number;
  uncertain: number;
  /** Given back unsent because Slack was rate limiting: the next drain sends them. */
  deferred: number;
}

export async function deliverOutbox(options: SignupDeps & { features: SignupFeatures; now: Date; opportunityId?: number }): Promise<DeliveryReport> {
  const { db, logger, now } = options;
  const report: DeliveryReport = { sent: 0, dropped: 0, failed: 0, uncertain: 0, deferred: 0 };
  for (const lapsed of await markLapsedLeasesUncertain(db, now)) {
    report.uncertain += 1;
    logger.warn(`Outbox ${lapsed.id} (${lapsed.kind} to ${lapsed.user_id}) may have been sent before its sender stopped; not sending it again`);
  }
  const scope = options.opportunityId !== undefined ? { opportunityId: options.opportunityId } : {};
  await queueOwedSeatMessages(db, { now, reminderKinds: kindsSending(options.features, 'reminder'), reportBackKinds: kindsSending(options.features, 'report_back'), ...scope });
  for (let batch = 0; batch < MAX_BATCHES; batch += 1) {
    const claimed = await claimDueMessages(db, { now, leaseMs: LEASE_MS, limit: BATCH, ...scope });
    if (claimed.length === 0) break;
    const items = await loadItems(db, claimed);
    for (const [index, item] of items.entries()) {
      const delivery = await deliverOne(options, item);
      report[delivery] += 1;
      if (delivery === 'deferred') {
        // More sends now would be refused too: the batch's other rows go back unsent, for the next drain.
        const rest = items.slice(index + 1).map((later) => later.row.id);
        await releaseClaim(db, rest);
        report.deferred += rest.length;
        return report;
      }
    }
    if (claimed.length < BATCH) break;
  }
  return report;
}

async function loadItems(db: Kysely<DB>, rows: OutboxRow[]): Promise<OutboxItem[]> {
  const opportunityIds = [...new Set(rows.map((row) => row.opportunity_id))];
  const claimIds = [...new Set(rows.flatMap((row) => (row.claim_id === null ? [] : [row.claim_id])))];
  const [opportunities, claims] = await Promise.all([
    db.selectFrom('signup_opportunities').selectAll().where('id', 'in', opportunityIds).execute(),
    claimIds.length > 0 ? db.selectFrom('signup_claims').selectAll().where('id', 'in', claimIds).execute() : Promise.resolve([]),
  ]);
  const opportunityById = new Map(opportunities.map((o) => [o.id, o]));
  const claimById = new Map(claims.map((c) => [c.id, c]));
  // Cascading deletes keep every row's opportunity; a missing one is a bug, not a state to send from.
  return rows.flatMap((row) => {
    const opportunity = opportunityById.get(row.opportunity_id);
    return opportunity ? [{ row, opportunity, claim: row.claim_id === null ? null : (claimById.get(row.claim_id) ?? null) }] : [];
  });
}

type Delivery = keyof DeliveryReport;

async function deliverOne(options: SignupDeps & { features: SignupFeatures; now: Date }, item: OutboxItem): Promise<Delivery> {
  const { db, client, logger, features, now } = options;
  const { row, opportunity, claim } = item;
  const owed = stillOwed({
    now,
    kind: row.kind,
    opportunity: { status: opportunity.status, startsAt: opportunity.starts_at, endsAt: opportunity.ends_at },
    claim: claim && { status: claim.status, offerExpiresAt: claim.offer_expires_at },
    details: row.details as { startsAt?: string; expiresAt?: string },
  });
  if (!owed) {
    await finishUnsent(db, row.id, 'dropped', 'no longer owed when it came due', now);
    return 'dropped';
  }
  const feature = features[opportunity.kind];
  if (!feature) {
    await finishUnsent(db, row.id, 'failed', `no feature renders ${opportunity.kind} messages`, now);
    return 'failed';
  }
  if (!sends(feature, row.kind)) {
    await finishUnsent(db, row.id, 'dropped', `${opportunity.kind} sends no ${row.kind} messages`, now);
    return 'dropped';
  }
  let message: SlackMessage;
  try {
    message = await feature.render(db, item);
  } catch (error) {
    await releaseClaim(db, row.id);
    throw error;
  }
  const sending = client.chat.postMessage({ channel: row.user_id, ...message }).then(
    (answer) => ({ ok: true as const, ts: answer.ts ?? '' }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  const outcome = await within(sending, SEND_BUDGET_MS, 'timed out' as const);
  if (outcome === 'timed out') {
    logger.warn(`Outbox ${row.id} (${row.kind} to ${row.user_id}): Slack did not answer within ${SEND_BUDGET_MS} ms; it may have been sent, so it is not sent again`);
    await finishUnsent(db, row.id, 'uncertain', 'chat.postMessage did not answer in time', now);
    return 'uncertain';
  }
  if (outcome.ok) {
    await markSent(db, row.id, outcome.ts, now);
    return 'sent';
  }
  if (isRateLimited(outcome.error)) {
    logger.warn(`Outbox ${row.id} (${row.kind} to ${row.user_id}): Slack is rate limiting DMs (retry after ${outcome.error.retryAfter} s); left for the next drain`);
    await releaseClaim(db, row.id);
    return 'deferred';
  }
  const code = (outcome.error as { code?: string; data?: { error?: string } }).code;
  const slackError = (outcome.error as { data?: { error?: string } }).data?.error;
  if (code === 'slack_webapi_platform_error') {
    // Slack answered and refused it (e.g. user_not_found): nothing went out.
    logger.warn(`Outbox ${row.id} (${row.kind} to ${row.user_id}) refused by Slack: ${slackError ?? 'unknown error'}`);
    await finishUnsent(db, row.id, 'failed', `Slack refused it: ${slackError ?? 'unknown error'}`, now);
    return 'failed';
  }
  logger.warn(`Outbox ${row.id} (${row.kind} to ${row.user_id}): the send failed mid-way (${String(outcome.error)}); it may have been sent, so it is not sent again`);
  await finishUnsent(db, row.id, 'uncertain', `the send failed mid-way: ${String(outcome.error)}`, now);
  return 'uncertain';
}
