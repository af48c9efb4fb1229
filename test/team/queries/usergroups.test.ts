import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { forgetOtherUsergroups, replaceUsergroupMembers } from '../../../src/team/queries/usergroups.js';
import { openTestDatabase, type TestDatabase } from '../../support/test-database.js';

let testDb: TestDatabase;

beforeAll(async () => {
  testDb = await openTestDatabase({ poolSize: 10 });
});
afterAll(async () => {
  await testDb?.close();
});
beforeEach(async () => {
  await testDb.reset();
});

const TEAM = 'T0GROUND';
const db = () => testDb.database.db;
const members = async (usergroupId: string) =>
  (await db().selectFrom('usergroup_members').select('user_id').where('team_id', '=', TEAM).where('usergroup_id', '=', usergroupId).orderBy('user_id').execute()).map((r) => r.user_id);

describe('the user group membership cache', () => {
  it('replaces a group’s members, ignoring duplicates, and leaves other groups alone', async () => {
    await replaceUsergroupMembers(db(), TEAM, 'S0STAFF', ['U1', 'U2']);
    await replaceUsergroupMembers(db(), TEAM, 'S0LEADS', ['U3']);
    await replaceUsergroupMembers(db(), TEAM, 'S0STAFF', ['U2', 'U4', 'U4']);
    expect(await members('S0STAFF')).toEqual(['U2', 'U4']);
    expect(await members('S0LEADS')).toEqual(['U3']);
  });

  it('stores a large group in batches', async () => {
    const everyone = Array.from({ length: 2500 }, (_, i) => `U${String(i).padStart(5, '0')}`);
    await replaceUsergroupMembers(db(), TEAM, 'S0ALL', everyone);
    expect(await members('S0ALL')).toEqual(everyone);
  });

  it('forgets groups no longer used for a role', async () => {
    await replaceUsergroupMembers(db(), TEAM, 'S0STAFF', ['U1']);
    await replaceUsergroupMembers(db(), TEAM, 'S0OLD', ['U2']);
    await forgetOtherUsergroups(db(), TEAM, ['S0STAFF']);
    expect(await members('S0OLD')).toEqual([]);
    expect(await members('S0STAFF')).toEqual(['U1']);
    await forgetOtherUsergroups(db(), TEAM, []);
    expect(await members('S0STAFF')).toEqual([]);
  });

  it('lets concurrent refreshes of one group take turns: the cache ends as one whole answer, never a mix', async () => {
    const answers = Array.from({ length: 8 }, (_, i) => Array.from({ length: 50 }, (_, j) => `U${i}_${String(j).padStart(2, '0')}`));
    await Promise.all(answers.map((answer) => replaceUsergroupMembers(db(), TEAM, 'S0STAFF', answer)));
    const cached = await members('S0STAFF');
    expect(answers).toContainEqual(cached);
  });
});
