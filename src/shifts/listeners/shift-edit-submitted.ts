/**
 * The edit modal was submitted (staff). The same checks as a new shift; seats cannot go below the
 * seats already held (refused on the seats field with the count). Once saved, everyone holding a seat
 * or waiting gets one DM with the new details, new seats are offered to the waitlist, and the
 * announcement is updated in place.
 */
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { ListenerDeps } from '../../slack/deps.js';
import { failureText } from '../../slack/failure.js';
import { SHIFT_BLOCKS } from '../../slack/ids.js';
import { plainReply } from '../../slack/messages.js';
import { noticeModal } from '../../slack/notice-modal.js';
import { teamIdOf } from '../../slack/payload.js';
import { sendPrivately } from '../../slack/send-privately.js';
import { deliverOutbox } from '../../signups/deliver-outbox.js';
import { editOpportunity, type EditOutcome } from '../../signups/queries/schedule-changes.js';
import { GUARDED, requireRole } from '../../team/permissions.js';
import { refreshAnnouncement } from '../announce-shift.js';
import { refreshHomesAfterScheduleChange } from '../../home/refresh-homes.js';
import { updateShiftDetails } from '../queries.js';
import { detailsOf } from '../schedule-shift.js';
import { SHIFT_FEATURES } from '../shift-feature.js';
import { readShiftModalMetadata, readShiftSubmission } from '../views/shift-modal.js';

export function shiftEditSubmitted({ database, logger, clock }: ListenerDeps) {
  return async ({ ack, body, view, client }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs): Promise<void> => {
    const deps = { db: database.db, client, logger };
    const teamId = teamIdOf(body);
    const userId = body.user.id;
    const now = clock();
    const metadata = readShiftModalMetadata(view.private_metadata);
    let edited: Extract<EditOutcome, { kind: 'edited' }>;
    try {
      const allowed = await requireRole({ ...deps, teamId, userId, entry: GUARDED.shiftEditSubmission, refuse: (message) => ack({ response_action: 'update', view: noticeModal('Not allowed', message.text) }) });
      if (!allowed) return;
      if (!metadata?.opportunityId) {
        await ack({ response_action: 'errors', errors: { [SHIFT_BLOCKS.title]: 'This form is out of date. Close it and open it again with /shift edit.' } });
        return;
      }
      const checked = readShiftSubmission(view, { now, timeZone: metadata.timeZone });
      if (!checked.ok) {
        await ack({ response_action: 'errors', errors: checked.errors });
        return;
      }
      const { plan } = checked;
      const opportunityId = metadata.opportunityId;
      const outcome = await editOpportunity(database.db, {
        teamId,
        opportunityId,
        now,
        change: { startsAt: plan.startsAt, endsAt: plan.endsAt, capacity: plan.capacity, minRole: plan.minRole },
        alsoWrite: (trx) => updateShiftDetails(trx, opportunityId, detailsOf(plan)),
      });
      if (outcome.kind !== 'edited') {
        const problem: Record<string, string> =
          outcome.kind === 'too_few_seats'
            ? { [SHIFT_BLOCKS.seats]: outcome.problem }
            : { [SHIFT_BLOCKS.title]: outcome.kind === 'cancelled' ? 'This shift was cancelled in the meantime, so it was not changed.' : 'This shift no longer exists, so nothing was changed.' };
        await ack({ response_action: 'errors', errors: problem });
        return;
      }
      edited = outcome;
    } catch (error) {
      logger.error(`Editing a shift failed: ${String(error)}`);
      await ack({ response_action: 'errors', errors: { [SHIFT_BLOCKS.title]: failureText(error, 'saved') } });
      return;
    }
    await ack();
    const opportunityId = edited.opportunity.id;
    await refreshAnnouncement(deps, opportunityId, now);
    await deliverOutbox({ ...deps, features: SHIFT_FEATURES, now, opportunityId }).catch((error: unknown) => logger.warn(`Could not send the edit notices of shift ${opportunityId} now (the job will): ${String(error)}`));
    const told = edited.notified.length === 0 ? 'Nobody had claimed it yet.' : `${edited.notified.length} ${edited.notified.length === 1 ? 'person was' : 'people were'} told by DM.`;
    await sendPrivately({ client, logger, userId, responseUrl: metadata.responseUrl, message: plainReply(`:white_check_mark: Saved shift #${opportunityId}. ${told}`) }).catch(() => {});
    await refreshHomesAfterScheduleChange(deps, { teamId, changedBy: userId, peopleSignedUp: edited.notified, now });
  };
}
