/**
 * Every 5 minutes (and once at start-up), posts the digest of each team whose scheduled moment has
 * come: the day and time from settings, in the team's time zone. Each team's week is its own claimed
 * run, so however many instances tick, each digest is posted once; teams go one at a time. A digest
 * whose moment passed while no instance ran is caught up on the next tick, unless it is more than a
 * day late: then it is recorded as skipped and logged, once.
 */
import { everyMinutes, runClaimed, type Job, type JobDeps } from '../jobs/scheduler.js';
import { postDigest } from './post-digest.js';
import { digestTeams } from './queries/teams.js';
import { dueDigest } from './schedule.js';

/** The claim name of one team's weekly post; its period is "<team>:<last day covered>". */
export const DIGEST_POST_JOB = 'digest-post';
/** Longer than a post can take with the job client's bounded timeouts and rate-limit waits. */
export const DIGEST_LEASE_MS = 10 * 60_000;

export const digestJob: Job = {
  name: 'digest',
  cron: '*/5 * * * *',
  periodOf: everyMinutes(5),
  runOnStart: true,
  async run({ db, client, logger, now }) {
    await postDueDigests({ db, client, logger }, now);
  },
};

/** Posts every digest due at `now` that no instance has posted yet. */
export async function postDueDigests(deps: JobDeps, now: Date): Promise<void> {
  const { db, logger } = deps;
  for (const team of await digestTeams(db)) {
    const due = dueDigest(now, team.schedule);
    await runClaimed(deps, { job: DIGEST_POST_JOB, period: `${team.teamId}:${due.window.to}`, now, leaseMs: DIGEST_LEASE_MS }, async (run) => {
      if (due.tooLate && !run.previous) {
        const hours = Math.round(due.lateMs / 3_600_000);
        logger.warn(`Skipped the digest of team ${team.teamId} for ${due.window.from}..${due.window.to}: it was due ${hours} h ago (more than a day), too late to be news`);
        await run.record({ skipped: 'more than a day late' });
        return;
      }
      if (run.previous?.skipped) return;
      await postDigest({ ...deps, teamId: team.teamId, channelId: team.channelId, window: due.window, timeZone: team.schedule.timeZone, run });
    });
  }
}
