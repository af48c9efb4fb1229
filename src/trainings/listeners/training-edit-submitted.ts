/**
 * The edit modal was submitted (staff). The same checks as a new training; seats cannot go below the
 * RSVPs already held. Once saved, everyone who RSVPed or is waiting gets one DM with the new
 * details, new seats are offered to the waitlist, and the announcement is updated in place.
 */
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { ListenerDeps } from '../../slack/deps.js';
import { failureText } from '../../slack/failure.js';
import { COMMANDS, TRAINING_BLOCKS } from '../../slack/ids.js';
import { plainReply } from '../../slack/messages.js';
import { noticeModal } from '../../slack/notice-modal.js';
import { teamIdOf } from '../../slack/payload.js';
import { refreshHomesAfterScheduleChange } from '../../home/refresh-homes.js';
import { sendPrivately } from '../../slack/send-privately.js';
import { deliverOutbox } from '../../signups/deliver-outbox.js';
import { editOpportunity, type EditOutcome } from '../../signups/queries/schedule-changes.js';
import { GUARDED, requireRole } from '../../team/permissions.js';
import { refreshTrainingAnnouncement } from '../announce-training.js';
import { updateTrainingDetails } from '../queries/trainings.js';
import { detailsOf } from '../schedule-training.js';
import { TRAINING_FEATURES } from '../training-feature.js';
import { capacityOf } from '../training-rules.js';
import { readTrainingModalMetadata, readTrainingSubmission } from '../views/training-modal.js';

export function trainingEditSubmitted({ database, logger }: ListenerDeps) {
  return async ({ ack, body, view, client }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs): Promise<void> => {
    const deps = { db: database.db, client, logger };
    const teamId = teamIdOf(body);
    const userId = body.user.id;
    const now = new Date();
    const metadata = readTrainingModalMetadata(view.private_metadata);
    let edited: Extract<EditOutcome, { kind: 'edited' }>;
    try {
      const allowed = await requireRole({ ...deps, teamId, userId, entry: GUARDED.trainingEditSubmission, refuse: (message) => ack({ response_action: 'update', view: noticeModal('Not allowed', message.text) }) });
      if (!allowed) return;
      if (!metadata?.opportunityId) {
        await ack({ response_action: 'errors', errors: { [TRAINING_BLOCKS.title]: `This form is out of date. Close it and open it again with ${COMMANDS.training} edit.` } });
        return;
      }
      const checked = readTrainingSubmission(view, { now, timeZone: metadata.timeZone });
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
        change: { startsAt: plan.startsAt, endsAt: plan.endsAt, capacity: capacityOf(plan.seats), minRole: 'volunteer' },
        alsoWrite: (trx) => updateTrainingDetails(trx, opportunityId, detailsOf(plan)),
      });
      if (outcome.kind !== 'edited') {
        const problem: Record<string, string> =
          outcome.kind === 'too_few_seats'
            ? { [TRAINING_BLOCKS.seats]: outcome.problem.replace('hold seats', 'have RSVPed').replace('holds a seat', 'has RSVPed').replace('Remove people from the roster first if you need fewer.', 'Leave it empty for unlimited.') }
            : { [TRAINING_BLOCKS.title]: outcome.kind === 'cancelled' ? 'This training was cancelled in the meantime, so it was not changed.' : 'This training no longer exists, so nothing was changed.' };
        await ack({ response_action: 'errors', errors: problem });
        return;
      }
      edited = outcome;
    } catch (error) {
      logger.error(`Editing a training failed: ${String(error)}`);
      await ack({ response_action: 'errors', errors: { [TRAINING_BLOCKS.title]: failureText(error, 'saved') } });
      return;
    }
    await ack();
    const opportunityId = edited.opportunity.id;
    await refreshTrainingAnnouncement(deps, opportunityId, now);
    await deliverOutbox({ ...deps, features: TRAINING_FEATURES, now, opportunityId }).catch((error: unknown) => logger.warn(`Could not send the edit notices of training ${opportunityId} now (the job will): ${String(error)}`));
    const told = edited.notified.length === 0 ? 'Nobody had RSVPed yet.' : `${edited.notified.length} ${edited.notified.length === 1 ? 'person was' : 'people were'} told by DM.`;
    await sendPrivately({ client, logger, userId, responseUrl: metadata.responseUrl, message: plainReply(`:white_check_mark: Saved training #${opportunityId}. ${told}`) }).catch(() => {});
    await refreshHomesAfterScheduleChange(deps, { teamId, changedBy: userId, peopleSignedUp: edited.notified, now });
  };
}
