/**
 * A user group's members (subteam_members_changed) or the group itself (subteam_updated, e.g.
 * disabled) changed. When the workspace uses that group for a role, its members are read again
 * and the cache replaced; re-reading rather than applying the event's diff makes a redelivered or
 * out-of-order event harmless.
 */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { findWorkspaceSettings } from '../queries/settings.js';
import type { ListenerDeps } from '../../slack/deps.js';
import { refreshUsergroup } from '../usergroup-cache.js';

type UsergroupEventArgs = SlackEventMiddlewareArgs<'subteam_members_changed' | 'subteam_updated'> & AllMiddlewareArgs;

export function usergroupChanged({ database, logger }: ListenerDeps) {
  return async ({ event, body, context, client }: UsergroupEventArgs): Promise<void> => {
    const usergroupId = event.type === 'subteam_members_changed' ? event.subteam_id : event.subteam.id;
    const teamId = context.teamId ?? body.team_id;
    if (!usergroupId || !teamId) return;
    try {
      const settings = await findWorkspaceSettings(database.db, teamId);
      const used = settings && [...settings.staffUsergroupIds, ...settings.leaderUsergroupIds].includes(usergroupId);
      if (!used) return;
      const members = await refreshUsergroup(client, database.db, teamId, usergroupId);
      logger.info(`User group ${usergroupId} changed; ${members} members cached`);
    } catch (error) {
      // The periodic refresh (src/team/refresh-usergroups-job.ts) catches up within minutes.
      logger.warn(`Could not refresh user group ${usergroupId} after ${event.type}: ${String(error)}`);
    }
  };
}
