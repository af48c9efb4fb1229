/** "Earlier" / "Later" in the /shifts modal: the same modal, another page. */
import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { ListenerDeps } from '../../slack/deps.js';
import { plainReply } from '../../slack/messages.js';
import { teamIdOf } from '../../slack/payload.js';
import { browseShiftsView } from '../browse-shifts.js';
import { readPageButton } from '../views/browse-modal.js';

export function shiftsPage({ database, logger }: ListenerDeps) {
  return async ({ ack, body, action, client }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    if (!body.view) return;
    const page = readPageButton(action.value);
    try {
      // A page button that is not ours shows the first page, saying why, rather than nothing at all.
      const notice = page === null ? plainReply(':warning: That button is broken, so here is the first page.') : undefined;
      const view = await browseShiftsView({ db: database.db, client, logger }, { teamId: teamIdOf(body), userId: body.user.id, page: page ?? 0, now: new Date(), ...(notice ? { notice } : {}) });
      await client.views.update({ view_id: body.view.id, view });
    } catch (error) {
      logger.error(`Could not turn the page of the shifts modal: ${String(error)}`);
    }
  };
}
