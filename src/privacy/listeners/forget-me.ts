/** `/groundwork forget-me`: opens the confirmation; nothing is deleted until it is submitted. */
import type { CommandArgs, ListenerDeps } from '../../slack/deps.js';
import { openModal } from '../../slack/open-modal.js';
import { forgetMeModal } from '../views/privacy-views.js';

export async function openForgetMeCommand({ logger }: ListenerDeps, { command, ack, client }: CommandArgs): Promise<void> {
  await ack();
  await openModal({ client, logger, userId: command.user_id, triggerId: command.trigger_id, responseUrl: command.response_url, view: forgetMeModal() });
}
