/** "Upcoming trainings" on the App Home tab. RSVPs in Slack are not built yet; say so plainly. */
import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { ListenerDeps } from '../../slack/deps.js';
import { noticeModal } from '../../slack/notice-modal.js';

export function upcomingTrainingsFromHome(_deps: ListenerDeps) {
  return async ({ ack, body, client }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const text =
      ':mortar_board: Seeing upcoming trainings and RSVPing right here is coming soon. Until then, ask your organizer when the next one is — and log it afterwards with *Log an action*.';
    await client.views.open({ trigger_id: body.trigger_id, view: noticeModal('Upcoming trainings', text) });
  };
}
