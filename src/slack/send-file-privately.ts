/** Uploads a file into a person's DM with the app: files.uploadV2 needs a channel id, so the DM is opened first. */
import type { WebClient } from '@slack/web-api';

export interface PrivateFile {
  content: string;
  filename: string;
  title: string;
  /** The message the file arrives with (mrkdwn written by us). */
  comment: string;
}

export async function sendFileToDm(client: WebClient, userId: string, file: PrivateFile): Promise<void> {
  const opened = await client.conversations.open({ users: userId });
  const channelId = opened.channel?.id;
  if (!channelId) throw new Error('conversations.open gave no channel');
  await client.filesUploadV2({ channel_id: channelId, file: Buffer.from(file.content, 'utf8'), filename: file.filename, title: file.title, initial_comment: file.comment });
}
