/**
 * The new-training modal was submitted (staff). Every problem goes back onto its field and nothing is
 * stored; a good training is stored once per submission (a double submit schedules one), announced
 * when asked, and the person who scheduled it is told where it is.
 */
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { ListenerDeps } from '../../slack/deps.js';
import { failureText } from '../../slack/failure.js';
import { COMMANDS, TRAINING_BLOCKS } from '../../slack/ids.js';
import { plainReply } from '../../slack/messages.js';
import { noticeModal } from '../../slack/notice-modal.js';
import { teamIdOf } from '../../slack/payload.js';
import { sendPrivately } from '../../slack/send-privately.js';
import { GUARDED, requireRole } from '../../team/permissions.js';
import { postTrainingAnnouncement } from '../announce-training.js';
import type { Training } from '../queries/trainings.js';
import { scheduleTraining } from '../schedule-training.js';
import { seatsLine, titleOf, whenAndLength } from '../views/training-text.js';
import { readTrainingModalMetadata, readTrainingSubmission } from '../views/training-modal.js';

export function trainingNewSubmitted({ database, logger }: ListenerDeps) {
  return async ({ ack, body, view, client }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs): Promise<void> => {
    const deps = { db: database.db, client, logger };
    const teamId = teamIdOf(body);
    const userId = body.user.id;
    const now = new Date();
    const metadata = readTrainingModalMetadata(view.private_metadata);
    let scheduled: { training: Training; created: boolean; announce: boolean };
    try {
      const allowed = await requireRole({ ...deps, teamId, userId, entry: GUARDED.trainingNewSubmission, refuse: (message) => ack({ response_action: 'update', view: noticeModal('Not allowed', message.text) }) });
      if (!allowed) return;
      if (!metadata) {
        await ack({ response_action: 'errors', errors: { [TRAINING_BLOCKS.title]: `This form is out of date. Close it and open a new one with ${COMMANDS.training} new.` } });
        return;
      }
      const checked = readTrainingSubmission(view, { now, timeZone: metadata.timeZone });
      if (!checked.ok) {
        await ack({ response_action: 'errors', errors: checked.errors });
        return;
      }
      const stored = await scheduleTraining(database.db, { teamId, userId, plan: checked.plan, idempotencyKey: `view:${view.id}` });
      scheduled = { ...stored, announce: checked.plan.announce };
    } catch (error) {
      logger.error(`Scheduling a training failed: ${String(error)}`);
      await ack({ response_action: 'errors', errors: { [TRAINING_BLOCKS.title]: failureText(error, 'saved') } });
      return;
    }
    await ack();
    const { training, created, announce } = scheduled;
    const channelId = metadata?.announceChannelId ?? null;
    let where = `It isn't announced; people find it with \`${COMMANDS.trainings}\`.`;
    if (created && announce && channelId) {
      const posted = await postTrainingAnnouncement(deps, training, channelId, now);
      where = posted.ok
        ? `Announced in <#${channelId}>, where the message stays current as people RSVP.`
        : `:warning: I couldn't post the announcement in <#${channelId}> (Slack said \`${posted.error}\`): invite me there with \`/invite @Groundwork\`. People can still find it with \`${COMMANDS.trainings}\`.`;
    }
    const timeZone = metadata?.timeZone ?? 'UTC';
    const id = training.opportunity.id;
    const lead = created ? ':white_check_mark: Scheduled' : ':white_check_mark: Already scheduled';
    const text = `${lead} ${titleOf(training.details, training.opportunity)}, ${whenAndLength(training.opportunity, timeZone)}, ${seatsLine(training.opportunity, training.details, 0)}. ${created ? where : ''}\nManage it with \`${COMMANDS.training} edit ${id}\` or \`${COMMANDS.training} cancel ${id}\`; once it starts, \`${COMMANDS.training} attendance ${id}\`.`;
    await sendPrivately({ client, logger, userId, responseUrl: metadata?.responseUrl, message: plainReply(text) }).catch((error: unknown) => logger.warn(`Could not confirm a scheduled training: ${String(error)}`));
  };
}
