/**
 * `/groundwork my-data`: everything Groundwork stores about the person, as one JSON file in their DM
 * with the app (files.uploadV2 needs a channel id, so the DM is opened first).
 */
import type { WebClient } from '@slack/web-api';
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

/** Opens the person's DM with the app and uploads the file there. */
export async function sendFileToDm(client: WebClient, userId: string, file: { content: string; filename: string; title: string; comment: string }): Promise<void> {
  const opened = await client.conversations.open({ users: userId });
  const channelId = opened.channel?.id;
  if (!channelId) throw new Error('conversations.open gave no channel');
  await client.filesUploadV2({ channel_id: channelId, file: Buffer.from(file.content, 'utf8'), filename: file.filename, title: file.title, initial_comment: file.comment });
}
