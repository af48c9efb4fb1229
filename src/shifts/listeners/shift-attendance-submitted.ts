/**
 * "Save attendance" in a started shift's roster (staff): the people ticked came, every other seat
 * is a no-show. The roster comes back with the turnout and no-show rate.
 */
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { markAttendance } from '../../signups/queries/attendance.js';
import { rosterOf } from '../../signups/queries/claims.js';
import type { ListenerDeps } from '../../slack/deps.js';
import { failureText } from '../../slack/failure.js';
import { noticeModal } from '../../slack/notice-modal.js';
import { teamIdOf } from '../../slack/payload.js';
import { stateValuesOf } from '../../slack/read-payload.js';
import { GUARDED, requireRole } from '../../team/permissions.js';
import { findShift } from '../queries.js';
import { displayTimeZone } from '../../team/time-zone.js';
import { readIdMetadata } from '../views/cancel-shift-modal.js';
import { readAttendance, rosterModal } from '../views/roster-modal.js';

const TITLE = 'Attendance';

export function shiftAttendanceSubmitted({ database, logger }: ListenerDeps) {
  return async ({ ack, body, view, client }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs): Promise<void> => {
    const db = database.db;
    const teamId = teamIdOf(body);
    const userId = body.user.id;
    const now = new Date();
    try {
      const allowed = await requireRole({ db, client, logger, teamId, userId, entry: GUARDED.shiftAttendanceSubmission, refuse: (message) => ack({ response_action: 'update', view: noticeModal('Not allowed', message.text) }) });
      if (!allowed) return;
      const metadata = readIdMetadata(view.private_metadata, 'opportunityId');
      const shift = metadata && (await findShift(db, teamId, metadata.id));
      if (!shift) {
        await ack({ response_action: 'update', view: noticeModal(TITLE, 'This roster is out of date, so no attendance was saved. Open it again with `/shift roster`.') });
        return;
      }
      const read = readAttendance(stateValuesOf(view) ?? {}, (await rosterOf(db, shift.opportunity.id)).seated);
      if (!read.ok) {
        await ack({ response_action: 'errors', errors: read.errors });
        return;
      }
      const outcome = await markAttendance(db, { teamId, opportunityId: shift.opportunity.id, came: read.data, markedBy: userId, now });
      if (outcome.kind !== 'marked') {
        const why: Record<typeof outcome.kind, string> = {
          missing: 'This shift no longer exists',
          cancelled: 'This shift was cancelled',
          not_started: "This shift hasn't started yet; mark attendance once it has",
          nobody_seated: 'Nobody holds a seat on this shift',
          not_seated: 'Someone ticked no longer holds a seat; open the roster again',
        };
        await ack({ response_action: 'update', view: noticeModal(TITLE, `${why[outcome.kind]}, so no attendance was saved.`) });
        return;
      }
      const notice = `:white_check_mark: Attendance saved: ${outcome.came} came, ${outcome.noShows} ${outcome.noShows === 1 ? 'no-show' : 'no-shows'}.`;
      await ack({ response_action: 'update', view: rosterModal({ shift, roster: await rosterOf(db, shift.opportunity.id), timeZone: await displayTimeZone(db, teamId), now, notice }) });
    } catch (error) {
      logger.error(`Marking attendance failed: ${String(error)}`);
      await ack({ response_action: 'update', view: noticeModal(TITLE, `:warning: ${failureText(error, 'saved')}`) });
    }
  };
}
