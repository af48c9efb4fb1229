/** `/groundwork my-data`: everything Groundwork stores about the person, as one JSON file, table by table. */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { PERSONAL_DATA_TABLES } from './personal-data.js';
import { personalDataOf } from './queries.js';

export async function myDataFile(db: Kysely<DB>, teamId: string, userId: string, now: Date): Promise<{ json: string; rows: number }> {
  const data = await personalDataOf(db, teamId, userId);
  const tables = Object.fromEntries(
    Object.entries(data).map(([table, rows]) => [table, { what: PERSONAL_DATA_TABLES[table as keyof typeof PERSONAL_DATA_TABLES].what, rows }]),
  );
  const rows = Object.values(data).reduce((sum, list) => sum + list.length, 0);
  const file = { about: userId, workspace: teamId, exported_at: now.toISOString(), tables };
  return { json: JSON.stringify(file, null, 2), rows };
}

