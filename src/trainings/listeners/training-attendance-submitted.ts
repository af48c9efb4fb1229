/**
 * "Save attendance" on a started training (staff): the RSVPs ticked and the walk-ins added came, the
 * rest are no-shows; each person who came earns the skill and an Engage action, each person unticked
 * loses what this training gave them. The modal comes back with the numbers.
 */
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { refreshHome } from '../../home/publish-home.js';
import { rosterOf } from '../../signups/queries/claims.js';
import type { ListenerDeps } from '../../slack/deps.js';
import { failureText } from '../../slack/failure.js';
import { COMMANDS } from '../../slack/ids.js';
import { noticeModal } from '../../slack/notice-modal.js';
import { teamIdOf } from '../../slack/payload.js';
import { stateValuesOf } from '../../slack/read-payload.js';
import { GUARDED, requireRole } from '../../team/permissions.js';
import { readIdMetadata } from '../../shifts/views/cancel-shift-modal.js';
import { findTraining } from '../queries/trainings.js';
import { saveTrainingAttendance } from '../record-attendance.js';
import { attendanceView } from '../training-modals.js';
import { readTrainingAttendance } from '../views/attendance-modal.js';

const TITLE = 'Attendance';

export function trainingAttendanceSubmitted({ database, logger }: ListenerDeps) {
  return async ({ ack, body, view, client }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs): Promise<void> => {
    const db = database.db;
    const deps = { db, client, logger };
    const teamId = teamIdOf(body);
    const userId = body.user.id;
    const now = new Date();
    let changed: string[] = [];
    try {
      const allowed = await requireRole({ ...deps, teamId, userId, entry: GUARDED.trainingAttendanceSubmission, refuse: (message) => ack({ response_action: 'update', view: noticeModal('Not allowed', message.text) }) });
      if (!allowed) return;
      const metadata = readIdMetadata(view.private_metadata, 'opportunityId');
      const training = metadata && (await findTraining(db, teamId, metadata.id));
      if (!training) {
        await ack({ response_action: 'update', view: noticeModal(TITLE, `This form is out of date, so no attendance was saved. Open it again with \`${COMMANDS.training} attendance\`.`) });
        return;
      }
      const read = readTrainingAttendance(stateValuesOf(view) ?? {}, (await rosterOf(db, training.opportunity.id)).seated);
      if (!read.ok) {
        await ack({ response_action: 'errors', errors: read.errors });
        return;
      }
      const outcome = await saveTrainingAttendance(db, { teamId, training, came: read.data.came, walkIns: read.data.walkIns, markedBy: userId, now });
      if (outcome.kind !== 'marked') {
        const why: Record<typeof outcome.kind, string> = {
          missing: 'This training no longer exists',
          cancelled: 'This training was cancelled',
          not_started: "This training hasn't started yet; mark attendance once it has",
          nobody_seated: 'Nobody RSVPed and no walk-in was added',
          not_seated: 'Someone ticked no longer holds an RSVP; open the attendance again',
        };
        await ack({ response_action: 'update', view: noticeModal(TITLE, `${why[outcome.kind]}, so no attendance was saved.`) });
        return;
      }
      changed = [...outcome.cameUserIds, ...outcome.noLongerCameUserIds];
      const notice = `:white_check_mark: Attendance saved: ${outcome.came} came, ${outcome.noShows} ${outcome.noShows === 1 ? 'no-show' : 'no-shows'}. Everyone who came has the skill and an Engage action in their record.`;
      await ack({ response_action: 'update', view: await attendanceView(deps, training, now, notice) });
    } catch (error) {
      logger.error(`Marking a training's attendance failed: ${String(error)}`);
      await ack({ response_action: 'update', view: noticeModal(TITLE, `:warning: ${failureText(error, 'saved')}`) });
      return;
    }
    for (const person of changed) await refreshHome({ ...deps, teamId, userId: person });
  };
}
