/**
 * What Groundwork knows about a person from Slack's users.info: their IANA time zone, which decides
 * what "today" and "this week" mean for them, and whether they are a workspace admin or owner (who
 * are Groundwork admins). Read once and cached in PostgreSQL (the people table), so a busy day costs
 * no Slack calls; this is the one place that calls users.info.
 */
import type { WebClient } from '@slack/web-api';
import type { Kysely } from 'kysely';
import { findTimeZone, savePerson, type PersonFromSlack } from '../db/people.js';
import type { DB } from '../db/schema.js';

/** How long a cached profile is trusted before users.info is asked again. */
export const PERSON_REFRESH_AFTER_MS = 24 * 60 * 60 * 1000;
const FALLBACK_TIME_ZONE = 'UTC';

export async function timeZoneOf(client: WebClient, db: Kysely<DB>, teamId: string, userId: string): Promise<string> {
  const cached = await findTimeZone(db, teamId, userId);
  if (cached && Date.now() - cached.refreshedAt.getTime() < PERSON_REFRESH_AFTER_MS) return cached.timeZone;
  const fromSlack = await refreshPerson(client, db, teamId, userId);
  return fromSlack?.timeZone ?? cached?.timeZone ?? FALLBACK_TIME_ZONE;
}

/** Asks users.info about a person and caches the answer; undefined when Slack did not answer. */
export async function refreshPerson(client: WebClient, db: Kysely<DB>, teamId: string, userId: string): Promise<PersonFromSlack | undefined> {
  const user = await client.users
    .info({ user: userId })
    .then((answer) => answer.user)
    .catch(() => undefined);
  if (!user) return undefined;
  const person: PersonFromSlack = {
    timeZone: user.tz ?? (await findTimeZone(db, teamId, userId))?.timeZone ?? FALLBACK_TIME_ZONE,
    isAdmin: user.is_admin === true,
    isOwner: user.is_owner === true,
  };
  await savePerson(db, teamId, userId, person);
  return person;
}
