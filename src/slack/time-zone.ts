/**
 * A person's IANA time zone, which decides what "today" and "this week" mean for them.
 * Read from users.info once and cached in PostgreSQL, so a busy day costs no Slack calls.
 */
import type { WebClient } from '@slack/web-api';
import type { Kysely } from 'kysely';
import { findTimeZone, saveTimeZone } from '../db/people.js';
import type { DB } from '../db/schema.js';

const REFRESH_AFTER_MS = 24 * 60 * 60 * 1000;
const FALLBACK_TIME_ZONE = 'UTC';

export async function timeZoneOf(client: WebClient, db: Kysely<DB>, teamId: string, userId: string): Promise<string> {
  const cached = await findTimeZone(db, teamId, userId);
  if (cached && Date.now() - cached.refreshedAt.getTime() < REFRESH_AFTER_MS) return cached.timeZone;
  const fromSlack = await client.users
    .info({ user: userId })
    .then((answer) => answer.user?.tz)
    .catch(() => undefined);
  if (!fromSlack) return cached?.timeZone ?? FALLBACK_TIME_ZONE;
  await saveTimeZone(db, teamId, userId, fromSlack);
  return fromSlack;
}
