/**
 * Fills the membership cache of the staff and leader user groups from usergroups.users.list.
 * Called after acks only (the usergroup events, saving settings, the periodic job): role checks
 * never wait for Slack.
 */
import type { Logger } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { forgetOtherUsergroups, replaceUsergroupMembers } from './queries/usergroups.js';

/** Slack's answers for a group that no longer exists (or was disabled): nobody gets a role from it. */
const GONE = new Set(['no_such_subteam', 'subteam_not_found', 'invalid_usergroup']);

/** Re-reads one group's members and replaces the cached ones; returns how many members it has. */
export async function refreshUsergroup(client: WebClient, db: Kysely<DB>, teamId: string, usergroupId: string): Promise<number> {
  let users: string[];
  try {
    const answer = await client.usergroups.users.list({ usergroup: usergroupId });
    users = answer.users ?? [];
  } catch (error) {
    if (!GONE.has(slackErrorCode(error) ?? '')) throw error;
    users = [];
  }
  await replaceUsergroupMembers(db, teamId, usergroupId, users);
  return users.length;
}

/** Member counts by group id; a group Slack could not be asked about is left out (its old cache stays). */
export type RefreshedCounts = Map<string, number>;

/** Refreshes every group a workspace uses for a role and forgets the cache of groups it no longer uses. */
export async function refreshWorkspaceUsergroups(options: {
  client: WebClient;
  db: Kysely<DB>;
  logger: Logger;
  teamId: string;
  usergroupIds: readonly string[];
}): Promise<RefreshedCounts> {
  const { client, db, logger, teamId, usergroupIds } = options;
  const counts: RefreshedCounts = new Map();
  for (const usergroupId of usergroupIds) {
    try {
      counts.set(usergroupId, await refreshUsergroup(client, db, teamId, usergroupId));
    } catch (error) {
      logger.warn(`Could not refresh the members of user group ${usergroupId} in ${teamId}: ${slackErrorCode(error) ?? String(error)}`);
    }
  }
  await forgetOtherUsergroups(db, teamId, usergroupIds);
  return counts;
}

function slackErrorCode(error: unknown): string | undefined {
  const code = (error as { data?: { error?: unknown } } | null)?.data?.error;
  return typeof code === 'string' ? code : undefined;
}
