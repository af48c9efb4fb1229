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
