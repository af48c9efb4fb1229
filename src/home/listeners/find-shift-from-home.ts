/** "Find a shift" on the App Home tab: the same modal as `/shifts`. */
import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { ListenerDeps } from '../../slack/deps.js';
import { teamIdOf } from '../../slack/payload.js';
import { browseShiftsView } from '../../shifts/browse-shifts.js';
import { openThenFill } from '../../slack/open-modal.js';

export function findShiftFromHome({ database, logger }: ListenerDeps) {
  return async ({ ack, body, client }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const deps = { db: database.db, client, logger };
    try {
      await openThenFill({
        client,
        logger,
        userId: body.user.id,
        triggerId: body.trigger_id,
        title: 'Phone-bank shifts',
        build: () => browseShiftsView(deps, { teamId: teamIdOf(body), userId: body.user.id, page: 0, now: new Date() }),
      });
    } catch (error) {
      logger.error(`Could not open the shifts modal from the home tab: ${String(error)}`);
    }
  };
}
