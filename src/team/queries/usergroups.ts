/**
 * The cached members of the user groups a workspace chose as staff or leaders. Role checks read
 * only this cache; src/team/usergroup-cache.ts fills it from usergroups.users.list.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

const INSERT_BATCH = 1000;

/**
 * Replaces a group's cached members with `userIds`, in one transaction so a role check never sees
 * the group half-written. Two refreshes of one group (an event and the periodic job) take turns.
 */
export async function replaceUsergroupMembers(db: Kysely<DB>, teamId: string, usergroupId: string, userIds: readonly string[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext(${`usergroup:${teamId}:${usergroupId}`}))`.execute(trx);
    await trx.deleteFrom('usergroup_members').where('team_id', '=', teamId).where('usergroup_id', '=', usergroupId).execute();
    const unique = [...new Set(userIds)];
    for (let start = 0; start < unique.length; start += INSERT_BATCH) {
      await trx
        .insertInto('usergroup_members')
        .values(unique.slice(start, start + INSERT_BATCH).map((userId) => ({ team_id: teamId, usergroup_id: usergroupId, user_id: userId })))
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
  });
}

/** Forgets cached members of groups the workspace no longer uses for a role. */
export async function forgetOtherUsergroups(db: Kysely<DB>, teamId: string, keepUsergroupIds: readonly string[]): Promise<void> {
  let query = db.deleteFrom('usergroup_members').where('team_id', '=', teamId);
  if (keepUsergroupIds.length > 0) query = query.where('usergroup_id', 'not in', keepUsergroupIds);
  await query.execute();
}
