/** Every scheduled job, listed by hand; main.ts hands this list to the scheduler. */
import { digestJob } from '../digest/digest-job.js';
import { forgetHeldReportsJob } from '../logging/forget-held-reports-job.js';
import { signupsJob } from '../signups/signups-job.js';
import { SIGNUP_FEATURES } from '../signup-features.js';
import { refreshUsergroupsJob } from '../team/refresh-usergroups-job.js';
import type { Job } from './scheduler.js';
import { invitationsJob } from '../engagement/invitations-job.js';
import { leaderSpottingJob } from '../engagement/leader-spotting-job.js';

export const jobs: readonly Job[] = [refreshUsergroupsJob, forgetHeldReportsJob, signupsJob(SIGNUP_FEATURES), digestJob, invitationsJob, leaderSpottingJob];
