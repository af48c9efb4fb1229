/** Every scheduled job, listed by hand; main.ts hands this list to the scheduler. */
import { SHIFT_FEATURES } from '../shifts/shift-feature.js';
import { signupsJob } from '../signups/signups-job.js';
import { refreshUsergroupsJob } from '../team/refresh-usergroups-job.js';
import type { Job } from './scheduler.js';

export const jobs: readonly Job[] = [refreshUsergroupsJob, signupsJob(SHIFT_FEATURES)];
