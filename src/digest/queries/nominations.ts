/** Story nominations: one row per nominated message, so its author is asked once however many react. */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

export interface NominatedMessage {
  teamId: string;
  channelId: string;
  messageTs: string;
}

/** Stores the nomination; true only for the first one of this message (the caller then asks its author). */
export async function nominateMessage(db: Kysely<DB>, message: NominatedMessage, authorId: string, nominatedBy: string): Promise<boolean> {
  const row = await db
    .insertInto('story_nominations')
    .values({ team_id: message.teamId, channel_id: message.channelId, message_ts: message.messageTs, author_id: authorId, nominated_by: nominatedBy })
    .onConflict((oc) => oc.doNothing())
    .returning('message_ts')
    .executeTakeFirst();
  return row !== undefined;
}

/** Forgets a nomination whose author could not be asked, so a later reaction asks again. */
export async function forgetNomination(db: Kysely<DB>, message: NominatedMessage): Promise<void> {
  await db
    .deleteFrom('story_nominations')
    .where('team_id', '=', message.teamId)
    .where('channel_id', '=', message.channelId)
    .where('message_ts', '=', message.messageTs)
    .where('status', '=', 'asked')
    .execute();
}

export async function findNomination(db: Kysely<DB>, message: NominatedMessage) {
  return db
    .selectFrom('story_nominations')
    .select(['author_id', 'status'])
    .where('team_id', '=', message.teamId)
    .where('channel_id', '=', message.channelId)
    .where('message_ts', '=', message.messageTs)
    .executeTakeFirst();
}

/** Records the author's answer once; false when it was already answered (a double click). */
export async function decideNomination(
  db: Kysely<DB>,
  message: NominatedMessage,
  decision: { status: 'allowed'; text: string; permalink: string | null } | { status: 'declined' },
  now: Date,
): Promise<boolean> {
  const row = await db
    .updateTable('story_nominations')
    .set(decision.status === 'allowed' ? { status: 'allowed', decided_at: now, text: decision.text, permalink: decision.permalink } : { status: 'declined', decided_at: now })
    .where('team_id', '=', message.teamId)
    .where('channel_id', '=', message.channelId)
    .where('message_ts', '=', message.messageTs)
    .where('status', '=', 'asked')
    .returning('message_ts')
    .executeTakeFirst();
  return row !== undefined;
}
