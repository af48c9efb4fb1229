/** "New training" in the staff part of the App Home tab: the same modal as `/training new`, under the same permission check. */
import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { ListenerDeps } from '../../slack/deps.js';
import { openNotice, openThenFill } from '../../slack/open-modal.js';
import { teamIdOf } from '../../slack/payload.js';
import { GUARDED, requireRole } from '../../team/permissions.js';
import { trainingModalView } from '../training-modals.js';

export function newTrainingFromHome({ database, logger }: ListenerDeps) {
  return async ({ ack, body, client }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const deps = { db: database.db, client, logger };
    const teamId = teamIdOf(body);
    const userId = body.user.id;
    try {
      // The button shows only to staff, but a home published before a role changed may still show it.
      const allowed = await requireRole({
        ...deps,
        teamId,
        userId,
        entry: GUARDED.newTrainingFromHome,
        refuse: async (message) => void (await openNotice({ client, logger, userId, triggerId: body.trigger_id, title: 'New training', text: message.text })),
      });
      if (!allowed) return;
      await openThenFill({ client, logger, userId, triggerId: body.trigger_id, title: 'New training', build: () => trainingModalView(deps, { teamId, userId, mode: 'new' }) });
    } catch (error) {
      logger.error(`Could not open the training modal from the home tab: ${String(error)}`);
    }
  };
}
