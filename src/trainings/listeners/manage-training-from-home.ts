/**
 * "Edit" / "Cancel" beside one of the team's upcoming trainings on the staff Home tab: the same modals
 * as `/training edit N` and `/training cancel N`, under the same permission check, or why not.
 */
import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { ListenerDeps } from '../../slack/deps.js';
import { COMMANDS } from '../../slack/ids.js';
import { openNotice, openThenFill } from '../../slack/open-modal.js';
import { teamIdOf } from '../../slack/payload.js';
import { readActionValue, rowId } from '../../slack/read-payload.js';
import { GUARDED, requireRole } from '../../team/permissions.js';
import { manageTrainingView } from '../training-modals.js';

const ENTRY = { edit: GUARDED.editTrainingFromHome, cancel: GUARDED.cancelTrainingFromHome } as const;
const TITLE = { edit: 'Edit training', cancel: 'Cancel training' } as const;

export function manageTrainingFromHome(purpose: 'edit' | 'cancel') {
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
        const trainingId = readActionValue(rowId, action.value);
        if (trainingId === null) {
          await openNotice({ ...open, text: `That button is broken, so nothing changed. \`${COMMANDS.training} list\` lists the upcoming trainings.` });
          return;
        }
        await openThenFill({
          ...open,
          build: async () => {
            const found = await manageTrainingView(deps, { teamId, userId, purpose, trainingId, now: new Date() });
            return found.ok ? found.view : { notice: found.text };
          },
        });
      } catch (error) {
        logger.error(`Could not open the training ${purpose} modal from the home tab: ${String(error)}`);
      }
    };
}
