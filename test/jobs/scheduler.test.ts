import { describe, expect, it } from 'vitest';
import { LostClaimError, claimJobRun, finishJobRun, recordJobResult } from '../../src/jobs/job-runs.js';
import { everyMinutes, runJob, startScheduler, type Job } from '../../src/jobs/scheduler.js';
import type { JobResult } from '../../src/db/schema.js';
import { useJobDeps } from '../support/job-deps.js';

const ctx = useJobDeps();

const claims = () => ctx().testDb.database.db.selectFrom('job_runs').select(['job', 'period', 'finished_at']).orderBy('period').execute();

function countingJob(overrides: Partial<Job> = {}): Job & { runs: string[] } {
  const runs: string[] = [];
  return {
    name: 'test-job',
    cron: '0 0 1 1 *',
    periodOf: everyMinutes(5),
    runOnStart: false,
    async run({ period }) {
      runs.push(period);
    },
    ...overrides,
    runs,
  };
}

describe('everyMinutes', () => {
  it('names each period by its start, in UTC', () => {
    const period = everyMinutes(5);
    expect(period(new Date('2026-11-29T07:24:59.999Z'))).toBe('2026-11-29T07:20Z');
    expect(period(new Date('2026-11-29T07:25:00.000Z'))).toBe('2026-11-29T07:25Z');
  });
});

describe('runJob', () => {
  it('runs a period once, however many instances fire for it', async () => {
    const job = countingJob();
    const now = new Date('2026-11-29T07:26:00Z');
    const outcomes = await Promise.all([runJob(job, ctx().deps, now), runJob(job, ctx().deps, now), runJob(job, ctx().deps, new Date('2026-11-29T07:29:59Z'))]);
    expect(outcomes.sort()).toEqual(['claimed elsewhere', 'claimed elsewhere', 'ran']);
    expect(job.runs).toEqual(['2026-11-29T07:25Z']);
    expect(await runJob(job, ctx().deps, new Date('2026-11-29T07:30:00Z'))).toBe('ran');
    expect((await claims()).map((c) => [c.period, c.finished_at !== null])).toEqual([
      ['2026-11-29T07:25Z', true],
      ['2026-11-29T07:30Z', true],
    ]);
  });

  it('gives a failed run its claim back, so the next tick may try again', async () => {
    let attempts = 0;
    const job = countingJob({
      async run() {
        attempts += 1;
        if (attempts === 1) throw new Error('Slack was down');
      },
    });
    const now = new Date('2026-11-29T07:26:00Z');
    expect(await runJob(job, ctx().deps, now)).toBe('failed');
    expect(ctx().logs.some((line) => line.includes('Job test-job failed for 2026-11-29T07:25Z: Error: Slack was down'))).toBe(true);
    expect(await claims()).toEqual([]);
    expect(await runJob(job, ctx().deps, now)).toBe('ran');
    expect(attempts).toBe(2);
  });

  it('forgets finished runs older than 30 days', async () => {
    await ctx().testDb.database.db
      .insertInto('job_runs')
      .values([
        { job: 'test-job', period: 'old', claimed_at: new Date(Date.now() - 40 * 86_400_000), finished_at: new Date(Date.now() - 40 * 86_400_000) },
        { job: 'other-job', period: 'old', claimed_at: new Date(Date.now() - 40 * 86_400_000), finished_at: new Date(Date.now() - 40 * 86_400_000) },
      ])
      .execute();
    await runJob(countingJob(), ctx().deps, new Date('2026-11-29T07:26:00Z'));
    expect((await ctx().testDb.database.db.selectFrom('job_runs').select(['job', 'period']).orderBy('job').execute())).toEqual([
      { job: 'other-job', period: 'old' },
      { job: 'test-job', period: '2026-11-29T07:25Z' },
    ]);
  });
});

describe('leases', () => {
  const LEASE = 60_000;
  const at = (iso: string) => new Date(iso);

  it('lets another instance take over a run whose holder stopped, once the lease has passed, with what it recorded', async () => {
    const db = ctx().testDb.database.db;
    const first = await claimJobRun(db, 'test-job', '2026-11-29T07:25Z', { now: at('2026-11-29T07:26:00Z'), leaseMs: LEASE });
    expect(first?.previous).toBeNull();
    await recordJobResult(db, first!, { channel: 'C1', ts: '1.000100' });
    // The first instance dies here: no finish, no release.
    const seen: (JobResult | null)[] = [];
    const job = countingJob({ leaseMs: LEASE, async run({ previous }) { seen.push(previous); } });
    expect(await runJob(job, ctx().deps, at('2026-11-29T07:26:59Z'))).toBe('claimed elsewhere');
    expect(await runJob(job, ctx().deps, at('2026-11-29T07:27:00Z'))).toBe('ran');
    expect(seen).toEqual([{ channel: 'C1', ts: '1.000100' }]);
    expect(ctx().logs.some((line) => line.includes('takes over 2026-11-29T07:25Z'))).toBe(true);
    expect(await runJob(job, ctx().deps, at('2026-11-29T07:29:00Z'))).toBe('claimed elsewhere');
  });

  it('refuses a stalled holder that lost its lease any further write, so it cannot finish over the new one', async () => {
    const db = ctx().testDb.database.db;
    const stalled = await claimJobRun(db, 'test-job', 'p', { now: at('2026-11-29T07:26:00Z'), leaseMs: LEASE });
    const taker = await claimJobRun(db, 'test-job', 'p', { now: at('2026-11-29T07:27:30Z'), leaseMs: LEASE });
    expect(taker).toBeDefined();
    await expect(recordJobResult(db, stalled!, { ts: 'late' })).rejects.toBeInstanceOf(LostClaimError);
    await expect(finishJobRun(db, stalled!, at('2026-11-29T07:27:31Z'))).rejects.toBeInstanceOf(LostClaimError);
    await finishJobRun(db, taker!, at('2026-11-29T07:27:32Z'));
    expect(await claims()).toEqual([{ job: 'test-job', period: 'p', finished_at: at('2026-11-29T07:27:32Z') }]);
  });

  it('keeps the progress of a failed run, so the next attempt does not repeat it', async () => {
    let attempts = 0;
    const seen: (JobResult | null)[] = [];
    const job = countingJob({
      async run({ previous, record }) {
        attempts += 1;
        seen.push(previous);
        if (attempts === 1) {
          await record({ posted: '1.000100' });
          throw new Error('the chart upload failed');
        }
      },
    });
    const now = at('2026-11-29T07:26:00Z');
    expect(await runJob(job, ctx().deps, now)).toBe('failed');
    expect(await runJob(job, ctx().deps, now)).toBe('ran');
    expect(seen).toEqual([null, { posted: '1.000100' }]);
  });
});

describe('startScheduler', () => {
  it('runs a job at start when asked, ticks on its cron, and waits for a run in progress when stopped', async () => {
    let finished = 0;
    const job = countingJob({
      cron: '* * * * * *',
      // One period per second here, so each tick is a new period.
      periodOf: (now) => now.toISOString().slice(0, 19),
      runOnStart: true,
      async run() {
        await new Promise((resolve) => setTimeout(resolve, 50));
        finished += 1;
      },
    });
    const scheduler = startScheduler([job], ctx().deps);
    const deadline = Date.now() + 5000;
    while (finished < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    await scheduler.stop();
    const stoppedAt = finished;
    expect(stoppedAt).toBeGreaterThanOrEqual(2);
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(finished).toBe(stoppedAt);
    expect((await claims()).every((c) => c.finished_at !== null)).toBe(true);
  });
});
