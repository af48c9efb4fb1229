/** "Cancel the shift" confirmed (staff): everyone on it is told once, the announcement is marked cancelled. */
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { ListenerDeps } from '../../slack/deps.js';
import { failureText } from '../../slack/failure.js';
import { plainReply } from '../../slack/messages.js';
import { noticeModal } from '../../slack/notice-modal.js';
import { teamIdOf } from '../../slack/payload.js';
import { sendPrivately } from '../../slack/send-privately.js';
import { deliverOutbox } from '../../signups/deliver-outbox.js';
import { cancelOpportunity, type CancelOutcome } from '../../signups/queries/schedule-changes.js';
import { GUARDED, requireRole } from '../../team/permissions.js';
import { refreshAnnouncement } from '../announce-shift.js';
import { refreshHomesAfterScheduleChange } from '../../home/refresh-homes.js';
import { SHIFT_FEATURES } from '../shift-feature.js';
import { readIdMetadata } from '../views/cancel-shift-modal.js';

export function shiftCancelSubmitted({ database, logger }: ListenerDeps) {
  return async ({ ack, body, view, client }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs): Promise<void> => {
    const deps = { db: database.db, client, logger };
    const teamId = teamIdOf(body);
    const userId = body.user.id;
    const now = new Date();
    const metadata = readIdMetadata(view.private_metadata, 'opportunityId');
    let outcome: CancelOutcome;
    try {
      const allowed = await requireRole({ ...deps, teamId, userId, entry: GUARDED.shiftCancelSubmission, refuse: (message) => ack({ response_action: 'update', view: noticeModal('Not allowed', message.text) }) });
      if (!allowed) return;
      if (!metadata) {
        await ack({ response_action: 'update', view: noticeModal('Cancel shift', 'This form is out of date, so nothing was cancelled. Use `/shift cancel` again.') });
        return;
      }
      outcome = await cancelOpportunity(database.db, { teamId, opportunityId: metadata.id, now });
    } catch (error) {
      logger.error(`Cancelling a shift failed: ${String(error)}`);
      await ack({ response_action: 'update', view: noticeModal('Cancel shift', `:warning: ${failureText(error, 'changed')}`) });
      return;
    }
    if (outcome.kind !== 'cancelled') {
      const text = outcome.kind === 'already_cancelled' ? `Shift #${metadata.id} was cancelled already; nobody was told twice.` : `There is no shift #${metadata.id} any more; nothing changed.`;
      await ack({ response_action: 'update', view: noticeModal('Cancel shift', text) });
      return;
    }
    await ack();
    await refreshAnnouncement(deps, metadata.id, now);
    await deliverOutbox({ ...deps, features: SHIFT_FEATURES, now, opportunityId: metadata.id }).catch((error: unknown) => logger.warn(`Could not send the cancellation DMs now (the job will): ${String(error)}`));
    const told = outcome.notified.length === 0 ? 'Nobody had claimed it.' : `${outcome.notified.length} ${outcome.notified.length === 1 ? 'person was' : 'people were'} told by DM.`;
    await sendPrivately({ client, logger, userId, responseUrl: metadata.responseUrl, message: plainReply(`:no_entry: Cancelled shift #${metadata.id}. ${told}`) }).catch(() => {});
    await refreshHomesAfterScheduleChange(deps, { teamId, changedBy: userId, peopleSignedUp: outcome.notified, now });
  };
}
