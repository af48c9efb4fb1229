/**
 * Forgetting a person everywhere, for `/groundwork forget-me` and for a Slack account that was deleted:
 * first their upcoming seats are given up through the signup engine (the seat goes to the next person
 * waiting, and announcements stop naming them), then every table is cleared in one transaction (see
 * personal-data.ts), then what this process remembers of them.
 */
import type { Logger } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { leave } from '../signups/queries/claims.js';
import { forgetRememberedPerson } from '../team/slack-profiles.js';
import { deliverOutbox } from '../signups/deliver-outbox.js';
import { SIGNUP_FEATURES } from '../signup-features.js';
import { forgetPerson, upcomingHoldsOf } from './queries.js';

export interface ForgetDeps {
  db: Kysely<DB>;
  client: WebClient;
  logger: Logger;
}

export async function forgetEverywhere(deps: ForgetDeps, teamId: string, userId: string, now: Date): Promise<void> {
  const { db, logger } = deps;
  const left = await upcomingHoldsOf(db, teamId, userId, now);
  for (const { opportunityId } of left) await leave(db, { teamId, userId, opportunityId, now });
  await forgetPerson(db, teamId, userId);
  forgetRememberedPerson(teamId, userId);
  logger.info(`Forgot a person of ${teamId} (${left.length} upcoming seat(s) given up)`);
  // After the commit: the announcements list who is coming, and freed seats are offered on.
  for (const { opportunityId, kind } of left) {
    await SIGNUP_FEATURES[kind].refreshAnnouncement(deps, opportunityId, now);
    await deliverOutbox({ ...deps, features: SIGNUP_FEATURES, now, opportunityId }).catch((error: unknown) => logger.warn(`Could not offer a freed seat of ${opportunityId} now (the job will): ${String(error)}`));
  }
}
