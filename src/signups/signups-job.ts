/**
 * Every minute (and at start-up, catching up whatever came due while no instance ran): pass on
 * offers whose deadline passed, close the announcements of opportunities that ended, and send the
 * DMs that are due (deliverOutbox first writes the reminders and report-back asks seats owe by now). The scheduler runs it in one instance per minute; deliverOutbox is safe from
 * several at once anyway, since listeners also send right after a change.
 */
import { everyMinutes, type Job } from '../jobs/scheduler.js';
import { deliverOutbox, type SignupFeatures } from './deliver-outbox.js';
import { expireOffers } from './queries/claims.js';
import { endedAnnouncements, markAnnouncementClosed } from './queries/opportunities.js';

export function signupsJob(features: SignupFeatures): Job {
  return {
    name: 'signups',
    cron: '* * * * *',
    periodOf: everyMinutes(1),
    runOnStart: true,
    async run({ db, client, logger, now }) {
      const deps = { db, client, logger };
      const expired = await expireOffers(db, now);
      const changed = await db
        .selectFrom('signup_opportunities')
        .select(['id', 'kind'])
        .where('id', 'in', expired.length > 0 ? [...new Set(expired.map((e) => e.opportunityId))] : [-1])
        .execute();
      for (const { id, kind } of changed) await features[kind]?.refreshAnnouncement(deps, id, now);
      for (const ended of await endedAnnouncements(db, now)) {
        await features[ended.kind]?.refreshAnnouncement(deps, ended.id, now);
        await markAnnouncementClosed(db, ended.id);
      }
      const report = await deliverOutbox({ ...deps, features, now });
      if (report.sent + report.dropped + report.failed + report.uncertain + report.deferred > 0) {
        logger.info(`Signup DMs: ${report.sent} sent, ${report.dropped} dropped, ${report.failed} failed, ${report.uncertain} uncertain, ${report.deferred} left for the next run (Slack rate limiting)`);
      }
    },
  };
}
