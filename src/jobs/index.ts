/** Every scheduled job, listed by hand; main.ts hands this list to the scheduler. */
import { digestJob } from '../digest/digest-job.js';
import { refreshUsergroupsJob } from '../team/refresh-usergroups-job.js';
import type { Job } from './scheduler.js';

export const jobs: readonly Job[] = [refreshUsergroupsJob, digestJob];
