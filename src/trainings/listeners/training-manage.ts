/**
 * `/training list` and `/training edit | cancel | attendance N` (staff): with a number, that
 * training's modal opens straight away; without one (or with `list`), the trainings and their
 * numbers, privately.
 */
import type { ListenerDeps } from '../../slack/deps.js';
import { failureReply } from '../../slack/failure.js';
import { plainReply } from '../../slack/messages.js';
import { openModal } from '../../slack/open-modal.js';
import { GUARDED, requireRole } from '../../team/permissions.js';
import { displayTimeZone } from '../../team/time-zone.js';
import { trainingsFrom } from '../queries/trainings.js';
import { manageTrainingView, type ManageTrainingPurpose } from '../training-modals.js';
import { trainingListMessage } from '../views/report-message.js';
import type { TrainingCommandArgs } from './training-command.js';

const ENTRY = {
  list: GUARDED.trainingListCommand,
  edit: GUARDED.trainingEditCommand,
  cancel: GUARDED.trainingCancelCommand,
  attendance: GUARDED.trainingAttendanceCommand,
} as const;
/** How far back the list reaches, so a training that just ended can still have its attendance marked. */
const LIST_FROM_DAYS_AGO = 7;
const LISTED = 40;

export async function manageTrainingCommand(
  { database, logger }: ListenerDeps,
  { command, ack, client }: TrainingCommandArgs,
  purpose: ManageTrainingPurpose | 'list',
  trainingId: number | null,
): Promise<void> {
  const deps = { db: database.db, client, logger };
  const teamId = command.team_id;
  const now = new Date();
  try {
    const allowed = await requireRole({ ...deps, teamId, userId: command.user_id, entry: ENTRY[purpose], refuse: (message) => ack({ response_type: 'ephemeral', ...message }) });
    if (!allowed) return;
    if (purpose === 'list' || trainingId === null) {
      const trainings = await trainingsFrom(database.db, teamId, new Date(now.getTime() - LIST_FROM_DAYS_AGO * 86_400_000), LISTED);
      await ack({ response_type: 'ephemeral', ...trainingListMessage(trainings, await displayTimeZone(database.db, teamId)) });
      return;
    }
    const found = await manageTrainingView(deps, { teamId, userId: command.user_id, purpose, trainingId, now, responseUrl: command.response_url });
    if (!found.ok) {
      await ack({ response_type: 'ephemeral', ...plainReply(`:grey_question: ${found.text}`) });
      return;
    }
    await ack();
    await openModal({ client, logger, userId: command.user_id, triggerId: command.trigger_id, responseUrl: command.response_url, view: found.view });
  } catch (error) {
    logger.error(`/training ${purpose} failed: ${String(error)}`);
    await ack({ response_type: 'ephemeral', ...failureReply(error, 'read') }).catch(() => {});
  }
}
