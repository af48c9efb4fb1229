/**
 * "Log an action" on the App Home tab opens the same modal as /log-action. There is no
 * response_url from the Home tab, so the confirmation comes as a DM from the app.
 */
import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { todayIn } from '../../../domain/dates.js';
import type { ListenerDeps } from '../../deps.js';
import { failureMessage } from '../../failure.js';
import { teamIdOf } from '../../payload.js';
import { timeZoneOf } from '../../time-zone.js';
import { logActionModal } from '../../views/log-action-modal.js';

export function openLogModalFromHome({ database, logger }: ListenerDeps) {
  return async ({ ack, body, client }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    let timeZone = 'UTC';
    try {
      timeZone = await timeZoneOf(client, database.db, teamIdOf(body), body.user.id);
    } catch (error) {
      // The modal is still useful without the cache: the person can pick the date themselves.
      logger.warn(`Could not read the time zone of ${body.user.id}: ${failureMessage(error)}`);
    }
    await client.views.open({ trigger_id: body.trigger_id, view: logActionModal({ tacticId: null, metadata: { today: todayIn(timeZone) } }) });
  };
}
