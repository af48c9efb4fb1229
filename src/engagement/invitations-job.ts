/** Every minute (and at start-up): sends the batch invitations' DMs still owed, paced, across instances once. */
import { everyMinutes, type Job } from '../jobs/scheduler.js';
import { INVITES_PER_DRAIN, INVITE_PACE_MS, INVITE_LEASE_MS } from './invitation-rules.js';
import { drainInvitations } from './send-invitations.js';

export const invitationsJob: Job = {
  name: 'invitations',
  cron: '* * * * *',
  periodOf: everyMinutes(1),
  runOnStart: true,
  leaseMs: INVITE_LEASE_MS,
  async run({ db, client, logger }) {
    const report = await drainInvitations({ db, client, logger }, { clock: () => new Date(), paceMs: INVITE_PACE_MS, limit: INVITES_PER_DRAIN });
    if (report.sent + report.skipped + report.failed + report.uncertain + report.deferred > 0) logger.info(`Invitations: ${JSON.stringify(report)}`);
  },
};
