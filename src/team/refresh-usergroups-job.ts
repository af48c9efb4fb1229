/**
 * Every 5 minutes, re-reads the staff and leader user groups of every workspace. The usergroup
 * events keep the cache current; this catches whatever an event missed (the app was down, Slack
 * gave up redelivering) and prunes groups no longer used.
 */
import { configuredUsergroups } from './queries/settings.js';
import { refreshWorkspaceUsergroups } from './usergroup-cache.js';
import { everyMinutes, type Job } from '../jobs/scheduler.js';

export const refreshUsergroupsJob: Job = {
  name: 'refresh-usergroups',
  cron: '*/5 * * * *',
  periodOf: everyMinutes(5),
  runOnStart: true,
  async run({ db, client, logger }) {
    for (const { teamId, usergroupIds } of await configuredUsergroups(db)) {
      await refreshWorkspaceUsergroups({ client, db, logger, teamId, usergroupIds });
    }
  },
};
