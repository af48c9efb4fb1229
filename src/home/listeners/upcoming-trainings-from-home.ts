/** "Upcoming trainings" on the App Home tab. RSVPs in Slack are not built yet; say so plainly. */
import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { ListenerDeps } from '../../slack/deps.js';
import { openNotice } from '../../slack/open-modal.js';

export function upcomingTrainingsFromHome({ logger }: ListenerDeps) {
  return async ({ ack, body, client }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const text =
      ':mortar_board: Seeing upcoming trainings and RSVPing right here is coming soon. Until then, ask your organizer when the next one is — and log it afterwards with *Log an action*.';
    await openNotice({ client, logger, userId: body.user.id, triggerId: body.trigger_id, title: 'Upcoming trainings', text });
  };
}
