/**
 * What Groundwork knows about a person from Slack's users.info: their IANA time zone, which decides
 * what "today" and "this week" mean for them, and whether they are a workspace admin or owner (who
 * are Groundwork admins). Read once and cached in PostgreSQL (the people table), so a busy day costs
 * no Slack calls; this is the one place that calls users.info.
 */
import type { WebClient } from '@slack/web-api';
import type { Kysely } from 'kysely';
import { findTimeZone, savePerson, type PersonFromSlack } from './queries/people.js';
import type { DB } from '../db/schema.js';
import { within } from '../lib/deadline.js';

/** How long a cached profile is trusted before users.info is asked again. */
export const PERSON_REFRESH_AFTER_MS = 24 * 60 * 60 * 1000;
const FALLBACK_TIME_ZONE = 'UTC';
const USERS_INFO_BUDGET_MS = 1500;

/**
 * Zones this process read lately. A zone changes only when someone moves, so a few minutes of
 * staleness is harmless, and it spares the hot path of every command a database round trip.
 */
const recentZones = new Map<string, { timeZone: string; until: number }>();
const RECENT_ZONE_MS = 10 * 60 * 1000;
const RECENT_ZONE_LIMIT = 50_000;

export async function timeZoneOf(client: WebClient, db: Kysely<DB>, teamId: string, userId: string): Promise<string> {
  const key = `${teamId}:${userId}`;
  const recent = recentZones.get(key);
  if (recent && recent.until > Date.now()) return recent.timeZone;
  const cached = await findTimeZone(db, teamId, userId);
  const fresh = cached && Date.now() - cached.refreshedAt.getTime() < PERSON_REFRESH_AFTER_MS;
  // Callers are on their way to an ack or a views.open (3 s each): never wait long on Slack here.
  const fromSlack = fresh ? undefined : await within(refreshPerson(client, db, teamId, userId), USERS_INFO_BUDGET_MS, undefined);
  const timeZone = fresh ? cached.timeZone : (fromSlack?.timeZone ?? cached?.timeZone ?? FALLBACK_TIME_ZONE);
  // Remember only real answers: a fallback is retried on the next request.
  if (fresh || fromSlack) {
    if (recentZones.size >= RECENT_ZONE_LIMIT) recentZones.clear();
    recentZones.set(key, { timeZone, until: Date.now() + RECENT_ZONE_MS });
  }
  return timeZone;
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

/** Drops what this process remembers of a person (their zone), when they are forgotten. */
export function forgetRememberedPerson(teamId: string, userId: string): void {
  recentZones.delete(`${teamId}:${userId}`);
}
