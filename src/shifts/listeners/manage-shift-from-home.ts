/**
 * "Edit" / "Cancel" beside one of the team's upcoming shifts on the staff Home tab: the same modals
 * as `/shift edit N` and `/shift cancel N`, under the same permission check, or why not.
 */
import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { ListenerDeps } from '../../slack/deps.js';
import { openNotice, openThenFill } from '../../slack/open-modal.js';
import { teamIdOf } from '../../slack/payload.js';
import { readActionValue, rowId } from '../../slack/read-payload.js';
import { GUARDED, requireRole } from '../../team/permissions.js';
import { manageView } from '../shift-modals.js';

const ENTRY = { edit: GUARDED.editShiftFromHome, cancel: GUARDED.cancelShiftFromHome } as const;
const TITLE = { edit: 'Edit shift', cancel: 'Cancel shift' } as const;

export function manageShiftFromHome(purpose: 'edit' | 'cancel') {
  return ({ database, logger }: ListenerDeps) =>
    async ({ ack, body, action, client }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs): Promise<void> => {
      await ack();
      const deps = { db: database.db, client, logger };
      const teamId = teamIdOf(body);
      const userId = body.user.id;
      const open = { client, logger, userId, triggerId: body.trigger_id, title: TITLE[purpose] };
      try {
        // The buttons show only to staff, but a home published before a role changed may still show them.
        const allowed = await requireRole({ ...deps, teamId, userId, entry: ENTRY[purpose], refuse: async (message) => void (await openNotice({ ...open, text: message.text })) });
        if (!allowed) return;
        const shiftId = readActionValue(rowId, action.value);
        if (shiftId === null) {
          await openNotice({ ...open, text: `That button is broken, so nothing changed. \`/shift ${purpose}\` lists the upcoming shifts.` });
          return;
        }
        await openThenFill({
          ...open,
          build: async () => {
            const found = await manageView(deps, { teamId, userId, purpose, shiftId, now: new Date() });
            return found.ok ? found.view : { notice: found.text };
          },
        });
      } catch (error) {
        logger.error(`Could not open the ${purpose} modal from the home tab: ${String(error)}`);
      }
    };
}
