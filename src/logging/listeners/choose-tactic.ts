/**
 * Choosing a tactic in the modal swaps in that tactic's count inputs. Slack keeps what the
 * person already typed in fields whose block and action ids stay the same.
 */
import type { AllMiddlewareArgs, BlockStaticSelectAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { isTacticId } from '../../domain/tactics.js';
import type { ListenerDeps } from '../../slack/deps.js';
import { logActionModal, readLogModalMetadata } from '../views/log-action-modal.js';

export function chooseTactic({ logger }: ListenerDeps) {
  return async ({ ack, body, action, client }: SlackActionMiddlewareArgs<BlockStaticSelectAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const view = body.view;
    const tacticId = action.selected_option.value;
    const metadata = view && readLogModalMetadata(view.private_metadata);
    if (!view || !metadata || !isTacticId(tacticId)) {
      logger.warn(`Ignored a tactic choice outside the log-action modal (${tacticId})`);
      return;
    }
    await client.views.update({ view_id: view.id, hash: view.hash, view: logActionModal({ tacticId, metadata }) });
  };
}
