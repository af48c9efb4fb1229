/** "Upcoming trainings" on the App Home tab: the same modal as `/trainings`, with RSVP buttons. */
import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { ListenerDeps } from '../../slack/deps.js';
import { openThenFill } from '../../slack/open-modal.js';
import { teamIdOf } from '../../slack/payload.js';
import { browseTrainingsView } from '../../trainings/browse-trainings.js';

export function upcomingTrainingsFromHome({ database, logger }: ListenerDeps) {
  return async ({ ack, body, client }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const deps = { db: database.db, client, logger };
    try {
      await openThenFill({
        client,
        logger,
        userId: body.user.id,
        triggerId: body.trigger_id,
        title: 'Trainings',
        build: () => browseTrainingsView(deps, { teamId: teamIdOf(body), userId: body.user.id, now: new Date() }),
      });
    } catch (error) {
      logger.error(`Could not open the trainings modal from the home tab: ${String(error)}`);
    }
  };
}
