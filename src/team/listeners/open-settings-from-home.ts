/**
 * "Team settings" in the staff part of the App Home tab: the same settings modal as
 * `/groundwork settings`, under the same permission check. From the Home tab there is no
 * response_url, so a refusal shows in a small modal and the "saved" confirmation comes as a DM.
 */
import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { ListenerDeps } from '../../slack/deps.js';
import { openSettingsModal } from '../open-settings-modal.js';
import { teamIdOf } from '../../slack/payload.js';
import { GUARDED, requireRole } from '../permissions.js';
import { openNotice } from '../../slack/open-modal.js';

const TITLE = 'Team settings';

export function openSettingsFromHome({ database, logger }: ListenerDeps) {
  return async ({ ack, body, client }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const person = { client, db: database.db, logger, teamId: teamIdOf(body), userId: body.user.id };
    try {
      // The button shows only to admins, but a home published before a role changed may still show it.
      const allowed = await requireRole({
        ...person,
        entry: GUARDED.settingsFromHome,
        refuse: async (message) => {
          await openNotice({ client, logger, userId: body.user.id, triggerId: body.trigger_id, title: TITLE, text: message.text });
        },
      });
      if (!allowed) return;
      await openSettingsModal({ ...person, triggerId: body.trigger_id });
    } catch (error) {
      logger.error(`Could not open the settings from the home tab: ${String(error)}`);
    }
  };
}
