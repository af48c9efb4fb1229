/**
 * Once a week per team (the first tick of each Monday-week, UTC, and at start-up to catch a missed
 * one): each staff member gets a DM listing the people spotted (leader-spotting.ts). Each team's week
 * is one claimed run, and each staff member's DM is recorded in it as it goes out, so a run taken over
 * after a crash DMs only those not yet DMed.
 */
import { weekStart, todayIn } from '../domain/dates.js';
import { everyMinutes, runClaimed, type Job, type JobDeps } from '../jobs/scheduler.js';
import { climbersOfWeek } from './climbers.js';
import { spotLeaders } from './leader-spotting.js';
import { ladderFacts } from './queries/ladder.js';
import { snoozedOn, staffOf, teamsWithSettings } from './queries/leaders.js';
import { leaderSpottingDm } from './views/leader-dm.js';

export const LEADER_SPOTTING_JOB = 'leader-spotting-week';

export const leaderSpottingJob: Job = {
  name: 'leader-spotting',
  cron: '7 * * * *',
  periodOf: everyMinutes(60),
  runOnStart: true,
  async run({ db, client, logger, now }) {
    await sendLeaderSpotting({ db, client, logger }, now);
  },
};

export async function sendLeaderSpotting(deps: JobDeps, now: Date): Promise<void> {
  const { db, client, logger } = deps;
  for (const team of await teamsWithSettings(db)) {
    const today = todayIn(team.timeZone, now);
    // The week just finished: a DM on Monday is about last week's record.
    const week = weekStart(todayIn(team.timeZone, new Date(now.getTime() - 7 * 86_400_000)));
    await runClaimed(deps, { job: LEADER_SPOTTING_JOB, period: `${team.teamId}:${week}`, now, leaseMs: 10 * 60_000 }, async (run) => {
      const [facts, climbers, snoozed, staff] = await Promise.all([
        ladderFacts(db, { teamId: team.teamId, week, timeZone: team.timeZone }),
        climbersOfWeek(db, team.teamId, week, team.timeZone),
        snoozedOn(db, team.teamId, today),
        staffOf(db, team.teamId),
      ]);
      const spotted = spotLeaders({ facts, climbers, snoozed }).filter((person) => !staff.includes(person.userId));
      if (spotted.length === 0) return;
      const message = leaderSpottingDm(spotted, week);
      for (const staffId of staff) {
        if (run.previous?.[staffId]) continue;
        const answer = await client.chat.postMessage({ channel: staffId, ...message });
        await run.record({ [staffId]: answer.ts ?? 'sent' });
      }
      logger.info(`Leader spotting for ${team.teamId}, week of ${week}: ${spotted.length} people, ${staff.length} staff told`);
    });
  }
}
