/** "Find a shift" on the App Home tab. Claiming shifts in Slack is not built yet; say so plainly. */
import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { ListenerDeps } from '../../slack/deps.js';
import { openNotice } from '../../slack/open-modal.js';

export function findShiftFromHome({ logger }: ListenerDeps) {
  return async ({ ack, body, client }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const text =
      ':telephone_receiver: Claiming phone-bank shifts right here is coming soon. Until then, ask your organizer which shifts still need people — and log your calls afterwards with *Log an action*.';
    await openNotice({ client, logger, userId: body.user.id, triggerId: body.trigger_id, title: 'Find a shift', text });
  };
}
