/**
 * Stores a checked draft and builds the confirmation both entry points (command and modal) send.
 */
import type { Kysely } from 'kysely';
import { personTotals, recordAction, type ActionOrigin } from './queries.js';
import type { DB } from '../db/schema.js';
import { addDays, todayIn, weekStart } from '../domain/dates.js';
import type { LogDraft } from './log-entry.js';
import { loggedReply } from './views/log-reply.js';
import { type SlackMessage } from '../slack/messages.js';

export interface SummarizedLog {
  reply: SlackMessage;
  /** Whether the person has a Home tab that now needs refreshing. */
  homeOpened: boolean;
}

export async function recordAndSummarize(db: Kysely<DB>, draft: LogDraft, origin: ActionOrigin, timeZone: string): Promise<SummarizedLog> {
  const { action, created, homeOpened } = await recordAction(db, draft, origin);
  const monday = weekStart(todayIn(timeZone));
  const week = await personTotals(db, origin.teamId, origin.userId, monday, addDays(monday, 6));
  return { reply: loggedReply({ action, alreadyRecorded: !created, week, weekStart: monday }), homeOpened };
}
