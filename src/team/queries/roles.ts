/**
 * Who holds which role, read only from PostgreSQL: Slack's admin/owner flags cached on `people`,
 * grants an admin made, and the cached members of the staff and leader user groups.
 */
import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import { roleFromSources, type GrantableRole, type Role, type RoleSources } from '../roles.js';
import type { DB } from '../../db/schema.js';

export interface RoleFacts extends RoleSources {
  /** When users.info last told us the admin/owner flags; null when it never has. */
  adminFlagsReadAt: Date | null;
}

/** A person's role in a workspace: the highest of admin flag, grant, staff group, leader group; volunteer otherwise. */
export async function roleOf(db: Kysely<DB>, teamId: string, userId: string): Promise<Role> {
  return roleFromSources(await roleFactsOf(db, teamId, userId));
}

/** Every source of a person's role, in one round trip (the permission check and grant replies read these). */
export async function roleFactsOf(db: Kysely<DB>, teamId: string, userId: string): Promise<RoleFacts> {
  const person = (eb: ExpressionBuilder<DB, never>) =>
    eb.selectFrom('people').where('people.team_id', '=', teamId).where('people.user_id', '=', userId);
  const inGroups = (eb: ExpressionBuilder<DB, never>, column: 'staff_usergroup_ids' | 'leader_usergroup_ids') =>
    eb.exists(
      eb
        .selectFrom('usergroup_members as m')
        .innerJoin('workspace_settings as s', 's.team_id', 'm.team_id')
        .where('m.team_id', '=', teamId)
        .where('m.user_id', '=', userId)
        .where((inner) => inner('m.usergroup_id', '=', inner.fn.any(`s.${column}`)))
        .select(sql.lit(1).as('one')),
    );
  const row = await db
    .selectNoFrom((eb) => [
      person(eb)
        .select(sql<boolean | null>`case when is_admin is null and is_owner is null then null else coalesce(is_admin, false) or coalesce(is_owner, false) end`.as('flag'))
        .as('workspace_admin'),
      person(eb)
        .select(sql<Date | null>`case when is_admin is null then null else refreshed_at end`.as('read_at'))
        .as('admin_flags_read_at'),
      eb
        .selectFrom('role_grants')
        .select('role')
        .where('role_grants.team_id', '=', teamId)
        .where('role_grants.user_id', '=', userId)
        .as('granted'),
      inGroups(eb, 'staff_usergroup_ids').as('in_staff_group'),
      inGroups(eb, 'leader_usergroup_ids').as('in_leader_group'),
    ])
    .executeTakeFirstOrThrow();
  return {
    workspaceAdmin: row.workspace_admin ?? null,
    granted: row.granted ?? null,
    inStaffGroup: Boolean(row.in_staff_group),
    inLeaderGroup: Boolean(row.in_leader_group),
    adminFlagsReadAt: row.admin_flags_read_at ?? null,
  };
}

export interface GrantResult {
  /** The role the person had been granted before, if any. */
  previous: GrantableRole | null;
}

/** Grants one person a role (replacing an earlier grant). Granting the same role twice changes nothing. */
export async function grantRole(db: Kysely<DB>, teamId: string, userId: string, role: GrantableRole, grantedBy: string): Promise<GrantResult> {
  return db.transaction().execute(async (trx) => {
    const previous = await trx
      .selectFrom('role_grants')
      .select('role')
      .where('team_id', '=', teamId)
      .where('user_id', '=', userId)
      .forUpdate()
      .executeTakeFirst();
    if (previous?.role === role) return { previous: role };
    await trx
      .insertInto('role_grants')
      .values({ team_id: teamId, user_id: userId, role, granted_by: grantedBy, granted_at: new Date() })
      .onConflict((oc) => oc.columns(['team_id', 'user_id']).doUpdateSet({ role, granted_by: grantedBy, granted_at: new Date() }))
      .execute();
    return { previous: previous?.role ?? null };
  });
}

/** Removes a person's granted role; returns the role removed, or null when there was none. */
export async function revokeRole(db: Kysely<DB>, teamId: string, userId: string): Promise<GrantableRole | null> {
  const removed = await db
    .deleteFrom('role_grants')
    .where('team_id', '=', teamId)
    .where('user_id', '=', userId)
    .returning('role')
    .executeTakeFirst();
  return removed?.role ?? null;
}

/** Up to `limit` people known to be Groundwork admins: workspace admins and owners seen so far, and admin grants. */
export async function knownAdmins(db: Kysely<DB>, teamId: string, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('people')
    .select('user_id')
    .where('team_id', '=', teamId)
    .where((eb) => eb.or([eb('is_admin', '=', true), eb('is_owner', '=', true)]))
    .union(db.selectFrom('role_grants').select('user_id').where('team_id', '=', teamId).where('role', '=', 'admin'))
    .orderBy('user_id')
    .limit(limit)
    .execute();
  return rows.map((row) => row.user_id);
}
