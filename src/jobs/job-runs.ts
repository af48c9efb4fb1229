/**
 * Claims on scheduled work. Every instance's cron fires; the one whose claim of (job, period) lands
 * does the work, the others skip. A claim is a lease: if its holder dies, another instance may take
 * it over once the lease has passed, and reads what the first one recorded (`result`) so it finishes
 * the work instead of doing it again. Every write after the claim names its holder (`owner`), so an
 * instance that lost its lease (it stalled past it) cannot record or finish over the new holder.
 */
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { DB, JobResult } from '../db/schema.js';

/** A claim this caller holds. */
export interface JobClaim {
  job: string;
  period: string;
  owner: string;
  /** What an earlier holder recorded before it stopped; null on a first attempt. */
  previous: JobResult | null;
}

/** The lease passed and another instance took the run over: stop without writing anything else. */
export class LostClaimError extends Error {
  constructor(claim: JobClaim) {
    super(`Job ${claim.job} lost its claim on ${claim.period} to another instance`);
    this.name = 'LostClaimError';
  }
}

/**
 * Claims (job, period) until `now + leaseMs`: a new claim, or one whose holder's lease passed
 * without finishing. Undefined when the period is finished or another instance holds a live lease.
 */
export async function claimJobRun(db: Kysely<DB>, job: string, period: string, options: { now: Date; leaseMs: number }): Promise<JobClaim | undefined> {
  const owner = randomUUID();
  const leaseUntil = new Date(options.now.getTime() + options.leaseMs);
  const claimed = await db
    .insertInto('job_runs')
    .values({ job, period, owner, claimed_at: options.now, lease_until: leaseUntil })
    .onConflict((oc) =>
      oc
        .columns(['job', 'period'])
        .doUpdateSet({ owner, claimed_at: options.now, lease_until: leaseUntil })
        // Rows from before leases (lease_until null) were left by an instance that never finished.
        .where('job_runs.finished_at', 'is', null)
        .where((eb) => eb.or([eb('job_runs.lease_until', 'is', null), eb('job_runs.lease_until', '<=', options.now)])),
    )
    .returning(['owner', 'result'])
    .executeTakeFirst();
  return claimed && claimed.owner === owner ? { job, period, owner, previous: claimed.result } : undefined;
}

/** Records what the run did so far (merged into what was recorded before); throws LostClaimError when the claim is no longer ours. */
export async function recordJobResult(db: Kysely<DB>, claim: JobClaim, result: JobResult): Promise<JobResult> {
  const row = await db
    .updateTable('job_runs')
    .set({ result: sql`coalesce(result, '{}'::jsonb) || ${JSON.stringify(result)}::jsonb` })
    .where('job', '=', claim.job)
    .where('period', '=', claim.period)
    .where('owner', '=', claim.owner)
    .where('finished_at', 'is', null)
    .returning('result')
    .executeTakeFirst();
  if (!row) throw new LostClaimError(claim);
  return row.result ?? {};
}

/** Marks the run done; throws LostClaimError when the claim is no longer ours. */
export async function finishJobRun(db: Kysely<DB>, claim: JobClaim, now: Date): Promise<void> {
  const row = await db
    .updateTable('job_runs')
    .set({ finished_at: now })
    .where('job', '=', claim.job)
    .where('period', '=', claim.period)
    .where('owner', '=', claim.owner)
    .where('finished_at', 'is', null)
    .returning('job')
    .executeTakeFirst();
  if (!row) throw new LostClaimError(claim);
}

/**
 * Gives a failed run's claim back, so the next tick in the same period may try again. A run that
 * recorded progress keeps its row (with the lease ended) so the next attempt reads that progress.
 */
export async function releaseJobRun(db: Kysely<DB>, claim: JobClaim): Promise<void> {
  await db
    .deleteFrom('job_runs')
    .where('job', '=', claim.job)
    .where('period', '=', claim.period)
    .where('owner', '=', claim.owner)
    .where('finished_at', 'is', null)
    .where('result', 'is', null)
    .execute();
  await db
    .updateTable('job_runs')
    .set({ lease_until: null })
    .where('job', '=', claim.job)
    .where('period', '=', claim.period)
    .where('owner', '=', claim.owner)
    .where('finished_at', 'is', null)
    .execute();
}

/** Forgets finished runs claimed more than `days` before `now`; a job that runs every few minutes would otherwise pile up rows. */
export async function forgetOldJobRuns(db: Kysely<DB>, job: string, days: number, now: Date): Promise<void> {
  await db
    .deleteFrom('job_runs')
    .where('job', '=', job)
    .where('finished_at', 'is not', null)
    .where('claimed_at', '<', new Date(now.getTime() - days * 86_400_000))
    .execute();
}
