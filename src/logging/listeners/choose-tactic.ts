/**
 * Choosing a tactic in the modal swaps in that tactic's count inputs. Slack keeps what the
 * person already typed in fields whose block and action ids stay the same.
 */
import type { AllMiddlewareArgs, BlockStaticSelectAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { ListenerDeps } from '../../slack/deps.js';
import { COMMANDS } from '../../slack/ids.js';
import { unreadableFormNotice } from '../../slack/notice-modal.js';
import { logActionModal, readLogModalMetadata, readTacticChoice } from '../views/log-action-modal.js';

export function chooseTactic({ logger }: ListenerDeps) {
  return async ({ ack, body, action, client }: SlackActionMiddlewareArgs<BlockStaticSelectAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const view = body.view;
    if (!view) {
      logger.warn('Ignored a tactic choice outside the log-action modal');
      return;
    }
    const tacticId = readTacticChoice(action.selected_option?.value);
    const metadata = readLogModalMetadata(view.private_metadata);
    if (!tacticId || !metadata) {
      // Nothing this form sends could be recorded: say so now rather than when it is submitted.
      logger.warn(`Replaced a log-action modal that could not be read (view ${view.id})`);
      await client.views.update({ view_id: view.id, hash: view.hash, view: unreadableFormNotice('recorded', COMMANDS.logAction) });
      return;
    }
    await client.views.update({ view_id: view.id, hash: view.hash, view: logActionModal({ tacticId, metadata }) });
  };
}
