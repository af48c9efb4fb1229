/** `/shifts`: the modal of shifts in the next two weeks the person may claim, their own first. */
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { ListenerDeps } from '../../slack/deps.js';
import { browseShiftsView } from '../browse-shifts.js';
import { commandModalTarget, openThenFill } from '../../slack/open-modal.js';

export function shiftsCommand({ database, logger }: ListenerDeps) {
  return async ({ command, ack, client }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const deps = { db: database.db, client, logger };
    try {
      await openThenFill({
        ...commandModalTarget(command, client, logger),
        title: 'Phone-bank shifts',
        build: () => browseShiftsView(deps, { teamId: command.team_id, userId: command.user_id, page: 0, now: new Date() }),
      });
    } catch (error) {
      logger.error(`Could not open the shifts modal: ${String(error)}`);
    }
  };
}
