/** "Find a shift" on the App Home tab. Claiming shifts in Slack is not built yet; say so plainly. */
import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { ListenerDeps } from '../../slack/deps.js';
import { noticeModal } from '../../slack/notice-modal.js';

export function findShiftFromHome(_deps: ListenerDeps) {
  return async ({ ack, body, client }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const text =
      ':telephone_receiver: Claiming phone-bank shifts right here is coming soon. Until then, ask your organizer which shifts still need people — and log your calls afterwards with *Log an action*.';
    await client.views.open({ trigger_id: body.trigger_id, view: noticeModal('Find a shift', text) });
  };
}
