/**
 * Publishes a person's App Home tab: their aggregates, their role (staff also see the team's week),
 * the pure view, then views.publish. Called when they open the tab and after they log or undo.
 */
import type { Logger } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Kysely } from 'kysely';
import { hasOpenedHome, personHome, teamWeek } from './queries.js';
import { roleOf } from '../team/queries/roles.js';
import { findWorkspaceSettings } from '../team/queries/settings.js';
import type { DB } from '../db/schema.js';
import { todayIn, weekStart } from '../domain/dates.js';
import { hasRole } from '../team/roles.js';
import { timeZoneOf } from '../team/slack-profiles.js';
import { homeView } from './views/home.js';

export interface PublishHomeOptions {
  client: WebClient;
  db: Kysely<DB>;
  teamId: string;
  userId: string;
  /** The person's zone when the caller already knows it, saving a lookup. */
  timeZone?: string;
}

export async function publishHome(options: PublishHomeOptions): Promise<void> {
  const { client, db, teamId, userId } = options;
  const timeZone = options.timeZone ?? (await timeZoneOf(client, db, teamId, userId));
  const thisWeek = weekStart(todayIn(timeZone));
  const [person, role] = await Promise.all([personHome(db, teamId, userId, thisWeek), roleOf(db, teamId, userId)]);
  const isAdmin = hasRole(role, 'admin');
  const team = hasRole(role, 'staff')
    ? {
        ...(await teamWeek(db, teamId, thisWeek)),
        canChangeSettings: isAdmin,
        // Admins are the ones who can fix it, so only they are told why no digest is posted.
        missingDigestChannel: isAdmin && !(await findWorkspaceSettings(db, teamId))?.digestChannelId,
      }
    : undefined;
  const view = homeView({ userId, thisWeek, ...person, ...(team ? { team } : {}) });
  await client.views.publish({ user_id: userId, view });
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
