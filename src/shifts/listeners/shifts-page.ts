/** "Earlier" / "Later" in the /shifts modal: the same modal, another page. */
import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { ListenerDeps } from '../../slack/deps.js';
import { teamIdOf } from '../../slack/payload.js';
import { browseShiftsView } from '../browse-shifts.js';

export function shiftsPage({ database, logger }: ListenerDeps) {
  return async ({ ack, body, action, client }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const page = Number(action.value);
    if (!body.view || !Number.isSafeInteger(page) || page < 0) return;
    try {
      const view = await browseShiftsView({ db: database.db, client, logger }, { teamId: teamIdOf(body), userId: body.user.id, page, now: new Date() });
      await client.views.update({ view_id: body.view.id, view });
    } catch (error) {
      logger.error(`Could not turn the page of the shifts modal: ${String(error)}`);
    }
  };
}
