/**
 * "Log an action" on the App Home tab opens the same modal as /log-action. There is no
 * response_url from the Home tab, so the confirmation comes as a DM from the app.
 */
import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { ListenerDeps } from '../../slack/deps.js';
import { openLogActionModal } from '../open-log-action-modal.js';
import { teamIdOf } from '../../slack/payload.js';

export function openLogModalFromHome({ database, logger, clock }: ListenerDeps) {
  return async ({ ack, body, client }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    await openLogActionModal({ client, database, logger, now: clock(), teamId: teamIdOf(body), userId: body.user.id, triggerId: body.trigger_id, tacticId: null });
  };
}
