/**
 * Sends a batch invitation's DMs, one recipient row at a time, paced (see invitation-rules.ts). Each
 * row is claimed with a lease just before its DM, so a sender that stops (a crash, a deploy) leaves at
 * most the one row it was sending in doubt: that row's lease runs out with no ts, it is marked
 * uncertain and never sent again; every row it had not reached is still pending, and the next drain
 * (the invitations job, every minute) sends it. Whoever opted out meanwhile is skipped at the last moment.
 * When Slack is rate limiting (429: it took nothing), the row goes back to pending and the drain stops;
 * the next one sends it.
 */
import type { Logger } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { isRateLimited } from '../jobs/job-client.js';
import { within } from '../lib/deadline.js';
import { displayTimeZone } from '../team/time-zone.js';
import { INVITE_LEASE_MS } from './invitation-rules.js';
import { claimPendingInvites, finishInvite, invitationContext, markLapsedInvitesUncertain, releaseInvite, type ClaimedRecipient } from './queries/invitations.js';
import { invitationDm } from './views/invitation-dm.js';

/** How long one DM may take before its outcome counts as unknown. */
const SEND_BUDGET_MS = 15_000;

export interface InviteDeps {
  db: Kysely<DB>;
  client: WebClient;
  logger: Logger;
}

export interface DrainOptions {
  /** The time now (read again for every row). */
  clock: () => Date;
  paceMs: number;
  /** At most this many DMs in this drain. */
  limit: number;
  /** Only this invitation's rows (the request that created it); every invitation's when absent (the job). */
  invitationId?: number;
}

/** `deferred`: given back unsent because Slack was rate limiting; the next drain sends it. */
export type DrainReport = Record<'sent' | 'skipped' | 'failed' | 'uncertain' | 'deferred', number>;

export async function drainInvitations(deps: InviteDeps, options: DrainOptions): Promise<DrainReport> {
  const { db, logger } = deps;
  const report: DrainReport = { sent: 0, skipped: 0, failed: 0, uncertain: 0, deferred: 0 };
  const lapsed = await markLapsedInvitesUncertain(db, options.clock());
  if (lapsed > 0) logger.warn(`${lapsed} invitation DM(s) may have been sent before their sender stopped; not sending them again`);
  report.uncertain += lapsed;
  for (let sent = 0; sent < options.limit; sent += 1) {
    const [row] = await claimPendingInvites(db, { now: options.clock(), leaseMs: INVITE_LEASE_MS, limit: 1, ...(options.invitationId !== undefined ? { invitationId: options.invitationId } : {}) });
    if (!row) break;
    if (sent > 0 && options.paceMs > 0) await new Promise((resolve) => setTimeout(resolve, options.paceMs));
    const outcome = await sendOne(deps, row, options.clock);
    report[outcome] += 1;
    // More DMs now would be refused too.
    if (outcome === 'deferred') break;
  }
  return report;
}

async function sendOne(deps: InviteDeps, row: ClaimedRecipient, clock: () => Date): Promise<keyof DrainReport> {
  const { db, client, logger } = deps;
  const context = await invitationContext(db, row, clock());
  if (!context?.opportunity) {
    await finishInvite(db, row, 'skipped', clock(), { note: 'the shift or training is no longer open' });
    return 'skipped';
  }
  if (context.optedOut) {
    await finishInvite(db, row, 'skipped', clock(), { note: 'opted out of invitations' });
    return 'skipped';
  }
  const message = invitationDm({ opportunity: context.opportunity, invitedBy: context.createdBy, timeZone: await displayTimeZone(db, row.teamId) });
  const sending = client.chat.postMessage({ channel: row.userId, ...message }).then(
    (answer) => ({ ok: true as const, ts: answer.ts ?? '' }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  const outcome = await within(sending, SEND_BUDGET_MS, 'timed out' as const);
  if (outcome === 'timed out') {
    await finishInvite(db, row, 'uncertain', clock(), { note: 'chat.postMessage did not answer in time' });
    return 'uncertain';
  }
  if (outcome.ok) {
    await finishInvite(db, row, 'sent', clock(), { ts: outcome.ts });
    return 'sent';
  }
  if (isRateLimited(outcome.error)) {
    logger.warn(`Invitation ${row.invitationId} to ${row.userId}: Slack is rate limiting DMs (retry after ${outcome.error.retryAfter} s); left for the next drain`);
    await releaseInvite(db, row);
    return 'deferred';
  }
  const error = outcome.error as { code?: string; data?: { error?: string } };
  if (error.code === 'slack_webapi_platform_error') {
    // Slack answered and refused it (e.g. user_not_found): nothing went out.
    logger.warn(`Invitation ${row.invitationId} to ${row.userId} refused by Slack: ${error.data?.error ?? 'unknown error'}`);
    await finishInvite(db, row, 'failed', clock(), { note: `Slack refused it: ${error.data?.error ?? 'unknown error'}` });
    return 'failed';
  }
  // The connection broke or the answer was unreadable: it may have gone out.
  logger.warn(`Invitation ${row.invitationId} to ${row.userId}: outcome unknown (${String(outcome.error)}); not sending it again`);
  await finishInvite(db, row, 'uncertain', clock(), { note: `outcome unknown: ${String(outcome.error).slice(0, 200)}` });
  return 'uncertain';
}
