/** "New shift" in the staff part of the App Home tab: the same modal as `/shift new`, under the same permission check. */
import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { ListenerDeps } from '../../slack/deps.js';
import { teamIdOf } from '../../slack/payload.js';
import { GUARDED, requireRole } from '../../team/permissions.js';
import { openNotice, openThenFill } from '../../slack/open-modal.js';
import { shiftModalView } from '../shift-modals.js';

export function newShiftFromHome({ database, logger }: ListenerDeps) {
  return async ({ ack, body, client }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const deps = { db: database.db, client, logger };
    const person = { ...deps, teamId: teamIdOf(body), userId: body.user.id };
    try {
      // The button shows only to staff, but a home published before a role changed may still show it.
      const allowed = await requireRole({
        ...person,
        entry: GUARDED.newShiftFromHome,
        refuse: async (message) => {
          await openNotice({ client, logger, userId: person.userId, triggerId: body.trigger_id, title: 'New shift', text: message.text });
        },
      });
      if (!allowed) return;
      await openThenFill({ client, logger, userId: person.userId, triggerId: body.trigger_id, title: 'New phone-bank shift', build: () => shiftModalView(deps, { teamId: person.teamId, userId: person.userId, mode: 'new' }) });
    } catch (error) {
      logger.error(`Could not open the shift modal from the home tab: ${String(error)}`);
    }
  };
}
