/**
 * Who may do what. Four roles, each able to do everything the roles before it can:
 * volunteer (everyone) < leader < staff < admin.
 */
export const ROLES = ['volunteer', 'leader', 'staff', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  volunteer: 'volunteer',
  leader: 'leader',
  staff: 'staff',
  admin: 'admin',
};

/** True when `actual` includes everything `needed` may do. */
export function hasRole(actual: Role, needed: Role): boolean {
  return ROLES.indexOf(actual) >= ROLES.indexOf(needed);
}

/** The higher of two roles (a person in both the staff and leader groups is staff). */
export function higherRole(a: Role, b: Role): Role {
  return hasRole(a, b) ? a : b;
}

/** The roles an admin can give one person; everyone is a volunteer without a grant. */
export const GRANTABLE_ROLES = ['leader', 'staff', 'admin'] as const satisfies readonly Role[];
export type GrantableRole = (typeof GRANTABLE_ROLES)[number];

export function isGrantableRole(value: string): value is GrantableRole {
  return (GRANTABLE_ROLES as readonly string[]).includes(value);
}

/** Where a person's role can come from; the highest source wins. */
export interface RoleSources {
  /** Slack workspace admin or owner (null when Slack has not been asked yet). */
  workspaceAdmin: boolean | null;
  granted: GrantableRole | null;
  inStaffGroup: boolean;
  inLeaderGroup: boolean;
}

export function roleFromSources(sources: RoleSources): Role {
  if (sources.workspaceAdmin) return 'admin';
  let role: Role = sources.granted ?? 'volunteer';
  if (sources.inStaffGroup) role = higherRole(role, 'staff');
  if (sources.inLeaderGroup) role = higherRole(role, 'leader');
  return role;
}

/** "You're a volunteer", "you're staff". */
export const ROLE_WITH_ARTICLE: Record<Role, string> = {
  volunteer: 'a volunteer',
  leader: 'a leader',
  staff: 'staff',
  admin: 'an admin',
};

/** "Members of @organizers are staff", "… are leaders". */
export const ROLE_PLURAL: Record<Role, string> = {
  volunteer: 'volunteers',
  leader: 'leaders',
  staff: 'staff',
  admin: 'admins',
};
