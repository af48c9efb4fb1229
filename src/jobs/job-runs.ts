/**
 * Claims on scheduled work. Every instance's cron fires; the one whose insert of (job, period)
 * lands does the work, the others see nothing returned and skip.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

/** True when this caller won the run of `job` for `period`. */
export async function claimJobRun(db: Kysely<DB>, job: string, period: string): Promise<boolean> {
  const claimed = await db
    .insertInto('job_runs')
    .values({ job, period })
    .onConflict((oc) => oc.columns(['job', 'period']).doNothing())
    .returning('job')
    .executeTakeFirst();
  return claimed !== undefined;
}

export async function finishJobRun(db: Kysely<DB>, job: string, period: string): Promise<void> {
  await db.updateTable('job_runs').set({ finished_at: new Date() }).where('job', '=', job).where('period', '=', period).execute();
}

/** Gives a failed run's claim back, so the next tick in the same period may try again. */
export async function releaseJobRun(db: Kysely<DB>, job: string, period: string): Promise<void> {
  await db.deleteFrom('job_runs').where('job', '=', job).where('period', '=', period).where('finished_at', 'is', null).execute();
}

/** Forgets finished runs older than `days`; a job that runs every few minutes would otherwise pile up rows. */
export async function forgetOldJobRuns(db: Kysely<DB>, job: string, days: number): Promise<void> {
  await db
    .deleteFrom('job_runs')
    .where('job', '=', job)
    .where('finished_at', 'is not', null)
    .where('claimed_at', '<', sql<Date>`now() - make_interval(days => ${days})`)
    .execute();
}
