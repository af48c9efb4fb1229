/** `/trainings`: the modal of upcoming trainings, the person's own first, with RSVP buttons. */
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { ListenerDeps } from '../../slack/deps.js';
import { commandModalTarget, openThenFill } from '../../slack/open-modal.js';
import { browseTrainingsView } from '../browse-trainings.js';

export function trainingsCommand({ database, logger }: ListenerDeps) {
  return async ({ command, ack, client }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const deps = { db: database.db, client, logger };
    try {
      await openThenFill({
        ...commandModalTarget(command, client, logger),
        title: 'Trainings',
        build: () => browseTrainingsView(deps, { teamId: command.team_id, userId: command.user_id, now: new Date() }),
      });
    } catch (error) {
      logger.error(`Could not open the trainings modal: ${String(error)}`);
    }
  };
}
