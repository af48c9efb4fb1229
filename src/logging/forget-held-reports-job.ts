/**
 * Once a day, forgets reports held back as likely repeats that nobody answered about within a week:
 * the question under them has long scrolled away, and keeping the drafts would keep people's notes for
 * no purpose.
 */
import { everyMinutes, type Job } from '../jobs/scheduler.js';
import { forgetOldHeldReports } from './queries.js';

const KEEP_UNANSWERED_DAYS = 7;

export const forgetHeldReportsJob: Job = {
  name: 'forget-held-reports',
  cron: '17 3 * * *',
  periodOf: everyMinutes(24 * 60),
  runOnStart: true,
  async run({ db }) {
    await forgetOldHeldReports(db, KEEP_UNANSWERED_DAYS);
  },
};
