/** Every scheduled job, listed by hand; main.ts hands this list to the scheduler. */
import { refreshUsergroupsJob } from './refresh-usergroups.js';
import type { Job } from './scheduler.js';

export const jobs: readonly Job[] = [refreshUsergroupsJob];
