/**
 * A person opened the app's Home tab: remember that they have one (so their reports refresh it from
 * now on) and publish it, built fresh from the database. The Messages tab fires the same event and
 * needs nothing. A redelivered event simply publishes again.
 */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { ListenerDeps } from '../../slack/deps.js';
import { rememberHomeOpened } from '../queries.js';
import { publishHome } from '../publish-home.js';

export function appHomeOpened({ database, logger, clock }: ListenerDeps) {
  return async ({ event, body, context, client }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs): Promise<void> => {
    if (event.tab !== 'home') return;
    const teamId = context.teamId ?? body.team_id;
    try {
      await rememberHomeOpened(database.db, teamId, event.user);
      await publishHome({ client, db: database.db, teamId, userId: event.user, now: clock() });
    } catch (error) {
      // Slack keeps showing the last published home; the next opening tries again.
      logger.error(`Could not publish the home tab of ${event.user}: ${String(error)}`);
    }
  };
}
