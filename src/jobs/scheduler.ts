/**
 * The one scheduler every job uses. node-cron fires in every instance; each run first claims its
 * (job, period) in PostgreSQL and only the winner works, so several instances run a job once per
 * period. A claim is a lease (see job-runs.ts): a run whose instance died is taken over once the
 * lease has passed, and finishes from what it recorded. A failed run gives its claim back and the
 * next tick tries again.
 */
import type { Logger } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Kysely } from 'kysely';
import cron, { type ScheduledTask } from 'node-cron';
import { LostClaimError, claimJobRun, finishJobRun, forgetOldJobRuns, recordJobResult, releaseJobRun } from './job-runs.js';
import type { DB, JobResult } from '../db/schema.js';

export interface JobDeps {
  db: Kysely<DB>;
  /** A client whose retries are bounded (see job-client.ts), so a rate limit cannot hold a run for long. */
  client: WebClient;
  logger: Logger;
}

/** One claimed run: what an earlier holder recorded, and a way to record progress before finishing. */
export interface ClaimedRun {
  period: string;
  now: Date;
  /** What an instance that held this run before recorded; null on a first attempt. */
  previous: JobResult | null;
  /** Stores progress (merged with what was recorded before) so a run taken over does not repeat it. */
  record(result: JobResult): Promise<JobResult>;
}

export interface JobContext extends JobDeps, ClaimedRun {}

export interface Job {
  /** Stable: it is stored with every claim. */
  name: string;
  /** A cron expression, evaluated in UTC. */
  cron: string;
  /** The period a run at `now` does the work of; one run per period across all instances. */
  periodOf(now: Date): string;
  /** Run once at start-up too (a period missed while no instance ran is caught up). */
  runOnStart: boolean;
  /** How long a claim holds before another instance may take the run over; longer than a run can take. */
  leaseMs?: number;
  run(context: JobContext): Promise<void>;
}

export type RunOutcome = 'ran' | 'claimed elsewhere' | 'failed';

const KEEP_RUNS_DAYS = 30;
export const DEFAULT_LEASE_MS = 10 * 60_000;

/** One tick of a job: claim the period, run, record the outcome. Never throws. */
export async function runJob(job: Job, deps: JobDeps, now: Date = new Date()): Promise<RunOutcome> {
  const outcome = await runClaimed(deps, { job: job.name, period: job.periodOf(now), now, leaseMs: job.leaseMs ?? DEFAULT_LEASE_MS }, (run) =>
    job.run({ ...deps, ...run }),
  );
  if (outcome === 'ran') await forgetOldJobRuns(deps.db, job.name, KEEP_RUNS_DAYS, now).catch(() => {});
  return outcome;
}

/**
 * Does `work` once for (job, period) across every instance: claims it (or takes over a claim whose
 * lease passed), runs it, and finishes it; on failure gives the claim back. Never throws. Jobs that
 * fan out (one digest per team) call it once per piece of work.
 */
export async function runClaimed(
  deps: JobDeps,
  target: { job: string; period: string; now: Date; leaseMs: number },
  work: (run: ClaimedRun) => Promise<void>,
): Promise<RunOutcome> {
  const { db, logger } = deps;
  const { job, period, now } = target;
  let claim;
  try {
    claim = await claimJobRun(db, job, period, target);
    if (!claim) return 'claimed elsewhere';
  } catch (error) {
    logger.warn(`Job ${job} could not claim ${period}: ${String(error)}`);
    return 'failed';
  }
  const held = claim;
  if (held.previous) logger.info(`Job ${job} takes over ${period} from an instance that stopped; it had recorded ${JSON.stringify(held.previous)}`);
  try {
    await work({ period, now, previous: held.previous, record: (result) => recordJobResult(db, held, result) });
    await finishJobRun(db, held, now);
    return 'ran';
  } catch (error) {
    if (error instanceof LostClaimError) {
      logger.warn(error.message);
      return 'claimed elsewhere';
    }
    logger.error(`Job ${job} failed for ${period}: ${String(error)}`);
    await releaseJobRun(db, held).catch(() => {});
    return 'failed';
  }
}

export interface Scheduler {
  /** Stops the timers and waits for runs in progress. */
  stop(): Promise<void>;
}

export interface SchedulerOptions {
  /** The clock; tests inject one instead of waiting. */
  now?: () => Date;
}

export function startScheduler(jobs: readonly Job[], deps: JobDeps, options: SchedulerOptions = {}): Scheduler {
  const now = options.now ?? (() => new Date());
  const running = new Set<Promise<RunOutcome>>();
  const tick = (job: Job) => {
    const run = runJob(job, deps, now()).finally(() => running.delete(run));
    running.add(run);
    return run;
  };
  const tasks: ScheduledTask[] = jobs.map((job) => cron.schedule(job.cron, () => tick(job), { name: job.name, timezone: 'UTC', noOverlap: true }));
  for (const job of jobs) if (job.runOnStart) void tick(job);
  return {
    async stop() {
      await Promise.all(tasks.map((task) => task.destroy()));
      await Promise.allSettled([...running]);
    },
  };
}

/** Periods of `minutes` minutes, named by their start: "2026-11-29T07:25Z". */
export function everyMinutes(minutes: number): (now: Date) => string {
  const size = minutes * 60_000;
  return (now) => `${new Date(Math.floor(now.getTime() / size) * size).toISOString().slice(0, 16)}Z`;
}
