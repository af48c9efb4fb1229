import { describe, expect, it } from 'vitest';
import { hasRole, higherRole, isGrantableRole, roleFromSources, type RoleSources } from '../../src/team/roles.js';

const none: RoleSources = { workspaceAdmin: false, granted: null, inStaffGroup: false, inLeaderGroup: false };

describe('roles', () => {
  it('orders the ladder: each role can do what the ones before it can', () => {
    expect(hasRole('admin', 'volunteer')).toBe(true);
    expect(hasRole('staff', 'leader')).toBe(true);
    expect(hasRole('leader', 'staff')).toBe(false);
    expect(hasRole('volunteer', 'leader')).toBe(false);
    expect(higherRole('leader', 'staff')).toBe('staff');
  });

  it('only grants leader, staff and admin', () => {
    expect(['leader', 'staff', 'admin'].every(isGrantableRole)).toBe(true);
    expect(['volunteer', 'owner', ''].some(isGrantableRole)).toBe(false);
  });

  it.each<[string, Partial<RoleSources>, string]>([
    ['nothing', {}, 'volunteer'],
    ['an unknown admin flag', { workspaceAdmin: null }, 'volunteer'],
    ['a leader group', { inLeaderGroup: true }, 'leader'],
    ['a staff group', { inStaffGroup: true }, 'staff'],
    ['both groups', { inStaffGroup: true, inLeaderGroup: true }, 'staff'],
    ['a leader grant in a staff group', { granted: 'leader', inStaffGroup: true }, 'staff'],
    ['an admin grant in a leader group', { granted: 'admin', inLeaderGroup: true }, 'admin'],
    ['the workspace admin flag', { workspaceAdmin: true }, 'admin'],
    ['the admin flag with a leader grant', { workspaceAdmin: true, granted: 'leader' }, 'admin'],
  ])('takes the highest source: %s', (_name, sources, role) => {
    expect(roleFromSources({ ...none, ...sources })).toBe(role);
  });
});
