/** "Report back" in the DM after a shift: opens the report-back modal, or says why not. */
import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { openModal } from '../../slack/open-modal.js';
import type { ListenerDeps } from '../../slack/deps.js';
import { noticeModal } from '../../slack/notice-modal.js';
import { teamIdOf } from '../../slack/payload.js';
import { readActionValue, rowId } from '../../slack/read-payload.js';
import { reportable } from '../report-back.js';
import { reportBackModal } from '../views/report-back-modal.js';

export function reportBackClicked({ database, logger }: ListenerDeps) {
  return async ({ ack, body, action, client }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const claimId = readActionValue(rowId, action.value);
    try {
      const check = claimId !== null
        ? await reportable(database.db, { teamId: teamIdOf(body), userId: body.user.id, claimId, now: new Date() })
        : ({ ok: false, text: 'That button is broken; nothing was recorded.' } as const);
      const view = check.ok ? reportBackModal({ shift: check.shift, claimId: check.claimId }) : noticeModal('Report back', check.text);
      await openModal({ client, logger, userId: body.user.id, triggerId: body.trigger_id, view });
    } catch (error) {
      logger.error(`Could not open the report-back modal: ${String(error)}`);
    }
  };
}
