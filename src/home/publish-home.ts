/**
 * Publishes a person's App Home tab: their aggregates, their role (staff also see the team's week),
 * the pure view, then views.publish. Called when they open the tab and after they log or undo.
 */
import type { Logger } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { HomeView } from '@slack/types';
import type { Kysely } from 'kysely';
import { hasOpenedHome, personHome, teamWeek } from './queries.js';
import { roleOf } from '../team/queries/roles.js';
import { findWorkspaceSettings } from '../team/queries/settings.js';
import type { DB } from '../db/schema.js';
import { todayIn, weekStart } from '../domain/dates.js';
import { hasRole } from '../team/roles.js';
import { timeZoneOf } from '../team/slack-profiles.js';
import { homeView } from './views/home.js';
import { nextShiftsOf, teamUpcomingShifts } from '../shifts/next-shifts.js';
import { teamUpcomingTrainings, trainingsHomeOf } from '../trainings/next-trainings.js';
import { personLadderFacts } from '../engagement/queries/ladder.js';

export interface PublishHomeOptions {
  client: WebClient;
  db: Kysely<DB>;
  teamId: string;
  userId: string;
  /** The person's zone when the caller already knows it, saving a lookup. */
  timeZone?: string;
  /** When the request that asked for it arrived: "this week" is its week. The system clock otherwise. */
  now?: Date;
}

/** How often one publish rebuilds after finding the home changed under it, before leaving it to the next change. */
const PUBLISH_ATTEMPTS = 3;
/** Hashes remembered; beyond this the oldest is forgotten (its next publish just costs one more read). */
const REMEMBERED_HOMES_MAX = 10_000;

/**
 * The hash Slack gave the home this process last published, by team and person. Publishing with it
 * succeeds only if nobody (another instance, another publish here) published since.
 */
const lastPublished = new Map<string, string>();

/**
 * Publishes a person's home so that, when several publishes race (instances behind a load
 * balancer, an opened tab and a report at once), the view left on top is built from the newest data.
 * A publish guarded by the hash of our last one goes through only if nobody published since; on
 * `hash_conflict` it rebuilds from the database and publishes again. A publish without a known hash
 * (first since start-up, or after a conflict) can cover a newer one that landed just before it, so it
 * reads the database once more afterwards and, if the home changed, publishes that (guarded).
 */
export async function publishHome(options: PublishHomeOptions): Promise<void> {
  const { client, db, teamId, userId } = options;
  const key = `${teamId}:${userId}`;
  const timeZone = options.timeZone ?? (await timeZoneOf(client, db, teamId, userId));
  const now = options.now ?? new Date();
  const build = () => buildHome(db, teamId, userId, timeZone, now);
  let hash = lastPublished.get(key);
  let view = await build();
  for (let attempt = 1; ; attempt++) {
    let answered: string | undefined;
    try {
      const answer = await client.views.publish({ user_id: userId, view, ...(hash ? { hash } : {}) });
      answered = answer.view?.hash;
    } catch (error) {
      lastPublished.delete(key);
      if (!isHashConflict(error) || attempt >= PUBLISH_ATTEMPTS) throw error;
      hash = undefined;
      view = await build();
      continue;
    }
    if (answered) remember(key, answered);
    // Guarded and accepted: nothing landed in between, and whatever lands later conflicts or checks.
    if (hash !== undefined || !answered || attempt >= PUBLISH_ATTEMPTS) return;
    const fresh = await build();
    if (JSON.stringify(fresh) === JSON.stringify(view)) return;
    hash = answered;
    view = fresh;
  }
}

/** The person's home as the database has it now. */
async function buildHome(db: Kysely<DB>, teamId: string, userId: string, timeZone: string, now: Date): Promise<HomeView> {
  const thisWeek = weekStart(todayIn(timeZone, now));
  const [person, role, shifts, trainings, ladder] = await Promise.all([
    personHome(db, teamId, userId, thisWeek),
    roleOf(db, teamId, userId),
    nextShiftsOf(db, teamId, userId, now),
    trainingsHomeOf(db, teamId, userId, now),
    personLadderFacts(db, teamId, userId, thisWeek, timeZone),
  ]);
  const isAdmin = hasRole(role, 'admin');
  const team = hasRole(role, 'staff')
    ? {
        ...(await teamWeek(db, teamId, thisWeek)),
        canChangeSettings: isAdmin,
        // Admins are the ones who can fix it, so only they are told why no digest is posted.
        missingDigestChannel: isAdmin && !(await findWorkspaceSettings(db, teamId))?.digestChannelId,
        shifts: await teamUpcomingShifts(db, teamId, now),
        trainings: await teamUpcomingTrainings(db, teamId, now),
      }
    : undefined;
  return homeView({ userId, thisWeek, ...person, shifts, ...trainings, timeZone, ladder, ...(team ? { team } : {}) });
}

function isHashConflict(error: unknown): boolean {
  return (error as { data?: { error?: string } }).data?.error === 'hash_conflict';
}

function remember(key: string, hash: string): void {
  lastPublished.delete(key);
  lastPublished.set(key, hash);
  if (lastPublished.size > REMEMBERED_HOMES_MAX) lastPublished.delete(lastPublished.keys().next().value as string);
}

export type RefreshHomeOptions = PublishHomeOptions & {
  logger: Logger;
  /** Known already when the caller's own query read it (the log paths do); otherwise looked up. */
  homeOpened?: boolean;
};

/** Refreshes in flight in this process, by team and person, with the request that arrived meanwhile. */
const refreshing = new Map<string, { next: RefreshHomeOptions | undefined; done: Promise<void> }>();

/**
 * Rebuilds the home tab after a change (a log, an undo) so it is never stale. Called after the
 * person has their answer: a failure here is logged and changes nothing they were told. Someone
 * who has never opened the Home tab has nothing to refresh: opening it publishes a fresh one.
 *
 * Changes that arrive while this person's home is being published are folded into one more
 * publish after it, which reads them all: a burst of reports costs two publishes, not one each.
 * Resolves once a publish that started after the call has finished.
 */
export function refreshHome(options: RefreshHomeOptions): Promise<void> {
  const key = `${options.teamId}:${options.userId}`;
  const inFlight = refreshing.get(key);
  if (inFlight) {
    inFlight.next = options;
    return inFlight.done;
  }
  const entry: { next: RefreshHomeOptions | undefined; done: Promise<void> } = { next: undefined, done: Promise.resolve() };
  refreshing.set(key, entry);
  entry.done = (async () => {
    try {
      for (let current: RefreshHomeOptions | undefined = options; current; current = entry.next) {
        entry.next = undefined;
        const { logger, homeOpened, ...publish } = current;
        try {
          if (homeOpened ?? (await hasOpenedHome(publish.db, publish.teamId, publish.userId))) await publishHome(publish);
        } catch (error) {
          logger.warn(`Could not refresh the home tab of ${current.userId}: ${String(error)}`);
        }
      }
    } finally {
      refreshing.delete(key);
    }
  })();
  return entry.done;
}
