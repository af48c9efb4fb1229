/**
 * The new-shift modal was submitted (staff). Every problem goes back onto its field and nothing is
 * stored; a good shift is stored once per submission (a double submit schedules one), announced
 * when asked, and the person who scheduled it is told where it is.
 */
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { ListenerDeps } from '../../slack/deps.js';
import { failureText } from '../../slack/failure.js';
import { SHIFT_BLOCKS } from '../../slack/ids.js';
import { plainReply } from '../../slack/messages.js';
import { noticeModal } from '../../slack/notice-modal.js';
import { teamIdOf } from '../../slack/payload.js';
import { sendPrivately } from '../../slack/send-privately.js';
import { GUARDED, requireRole } from '../../team/permissions.js';
import { postAnnouncement } from '../announce-shift.js';
import type { Shift } from '../queries.js';
import { scheduleShift } from '../schedule-shift.js';
import { titleOf, whenAndLength } from '../views/shift-text.js';
import { readShiftModalMetadata, readShiftSubmission } from '../views/shift-modal.js';

export function shiftNewSubmitted({ database, logger }: ListenerDeps) {
  return async ({ ack, body, view, client }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs): Promise<void> => {
    const deps = { db: database.db, client, logger };
    const teamId = teamIdOf(body);
    const userId = body.user.id;
    const now = new Date();
    const metadata = readShiftModalMetadata(view.private_metadata);
    let scheduled: { shift: Shift; created: boolean; announce: boolean };
    try {
      const allowed = await requireRole({ ...deps, teamId, userId, entry: GUARDED.shiftNewSubmission, refuse: (message) => ack({ response_action: 'update', view: noticeModal('Not allowed', message.text) }) });
      if (!allowed) return;
      if (!metadata) {
        await ack({ response_action: 'errors', errors: { [SHIFT_BLOCKS.title]: 'This form is out of date. Close it and open a new one with /shift new.' } });
        return;
      }
      const checked = readShiftSubmission(view, { now, timeZone: metadata.timeZone });
      if (!checked.ok) {
        await ack({ response_action: 'errors', errors: checked.errors });
        return;
      }
      const stored = await scheduleShift(database.db, { teamId, userId, plan: checked.plan, idempotencyKey: `view:${view.id}` });
      scheduled = { ...stored, announce: checked.plan.announce };
    } catch (error) {
      logger.error(`Scheduling a shift failed: ${String(error)}`);
      await ack({ response_action: 'errors', errors: { [SHIFT_BLOCKS.title]: failureText(error, 'saved') } });
      return;
    }
    await ack();
    const { shift, created, announce } = scheduled;
    const channelId = metadata?.announceChannelId ?? null;
    let where = `It isn't announced; people find it with \`/shifts\`.`;
    if (created && announce && channelId) {
      const posted = await postAnnouncement(deps, shift, channelId, now);
      where = posted.ok
        ? `Announced in <#${channelId}>, where the message stays current as people claim seats.`
        : `:warning: I couldn't post the announcement in <#${channelId}> (Slack said \`${posted.error}\`): invite me there with \`/invite @Groundwork\`. People can still find it with \`/shifts\`.`;
    }
    const timeZone = metadata?.timeZone ?? 'UTC';
    const lead = created ? ':white_check_mark: Scheduled' : ':white_check_mark: Already scheduled';
    const text = `${lead} ${titleOf(shift.details, shift.opportunity)}, ${whenAndLength(shift.opportunity, timeZone)}, ${shift.opportunity.capacity} seats. ${created ? where : ''}\nManage it with \`/shift edit ${shift.opportunity.id}\`, \`/shift roster ${shift.opportunity.id}\` or \`/shift cancel ${shift.opportunity.id}\`.`;
    await sendPrivately({ client, logger, userId, responseUrl: metadata?.responseUrl, message: plainReply(text) }).catch((error: unknown) => logger.warn(`Could not confirm a scheduled shift: ${String(error)}`));
  };
}
