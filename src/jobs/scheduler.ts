/**
 * The one scheduler every job uses. node-cron fires in every instance; each run first claims its
 * (job, period) in PostgreSQL and only the winner works, so several instances run a job once per
 * period. A failed run gives its claim back and the next tick tries again.
 */
import type { Logger } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Kysely } from 'kysely';
import cron, { type ScheduledTask } from 'node-cron';
import { claimJobRun, finishJobRun, forgetOldJobRuns, releaseJobRun } from './job-runs.js';
import type { DB } from '../db/schema.js';

export interface JobDeps {
  db: Kysely<DB>;
  client: WebClient;
  logger: Logger;
}

export interface JobContext extends JobDeps {
  /** The period this run claimed, e.g. "2026-11-29T07:25Z". */
  period: string;
  now: Date;
}

export interface Job {
  /** Stable: it is stored with every claim. */
  name: string;
  /** A cron expression, evaluated in UTC. */
  cron: string;
  /** The period a run at `now` does the work of; one run per period across all instances. */
  periodOf(now: Date): string;
  /** Run once at start-up too (a period missed while no instance ran is caught up). */
  runOnStart: boolean;
  run(context: JobContext): Promise<void>;
}

export type RunOutcome = 'ran' | 'claimed elsewhere' | 'failed';

const KEEP_RUNS_DAYS = 30;

/** One tick of a job: claim the period, run, record the outcome. Never throws. */
export async function runJob(job: Job, deps: JobDeps, now: Date = new Date()): Promise<RunOutcome> {
  const { db, logger } = deps;
  const period = job.periodOf(now);
  try {
    if (!(await claimJobRun(db, job.name, period))) return 'claimed elsewhere';
  } catch (error) {
    logger.warn(`Job ${job.name} could not claim ${period}: ${String(error)}`);
    return 'failed';
  }
  try {
    await job.run({ ...deps, period, now });
    await finishJobRun(db, job.name, period);
    await forgetOldJobRuns(db, job.name, KEEP_RUNS_DAYS);
    return 'ran';
  } catch (error) {
    logger.error(`Job ${job.name} failed for ${period}: ${String(error)}`);
    await releaseJobRun(db, job.name, period).catch(() => {});
    return 'failed';
  }
}

export interface Scheduler {
  /** Stops the timers and waits for runs in progress. */
  stop(): Promise<void>;
}

export function startScheduler(jobs: readonly Job[], deps: JobDeps): Scheduler {
  const running = new Set<Promise<RunOutcome>>();
  const tick = (job: Job) => {
    const run = runJob(job, deps).finally(() => running.delete(run));
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
