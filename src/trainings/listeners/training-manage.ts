/**
 * `/training list` and `/training edit | cancel | attendance [number]` (staff): with a number, that
 * training's modal opens straight away; without one, a list of the trainings it applies to to choose
 * from (upcoming ones to edit or cancel, those started in the last week to mark attendance); `list`
 * shows the trainings and their numbers, privately.
 */
import type { ListenerDeps } from '../../slack/deps.js';
import { failureReply } from '../../slack/failure.js';
import { plainReply } from '../../slack/messages.js';
import { commandModalTarget, openModal, openThenFill } from '../../slack/open-modal.js';
import { PICK_MAX_OPTIONS } from '../../slack/pick-modal.js';
import { GUARDED, requireRole } from '../../team/permissions.js';
import { displayTimeZone } from '../../team/time-zone.js';
import { trainingsFrom, type Training } from '../queries/trainings.js';
import { manageTrainingView, type ManageTrainingPurpose } from '../training-modals.js';
import { pickTrainingModal } from '../views/pick-training-modal.js';
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
  { database, logger, clock }: ListenerDeps,
  { command, ack, client, respond }: TrainingCommandArgs,
  purpose: ManageTrainingPurpose | 'list',
  trainingId: number | null,
): Promise<void> {
  const deps = { db: database.db, client, logger };
  const teamId = command.team_id;
  const now = clock();
  const weekAgo = new Date(now.getTime() - LIST_FROM_DAYS_AGO * 86_400_000);
  try {
    const allowed = await requireRole({ ...deps, teamId, userId: command.user_id, entry: ENTRY[purpose], refuse: (message) => ack({ response_type: 'ephemeral', ...message }) });
    if (!allowed) return;
    if (purpose === 'list') {
      const trainings = await trainingsFrom(database.db, teamId, weekAgo, LISTED);
      await ack({ response_type: 'ephemeral', ...trainingListMessage(trainings, await displayTimeZone(database.db, teamId)) });
      return;
    }
    if (trainingId === null) {
      await ack();
      await openThenFill({
        ...commandModalTarget(command, client, logger),
        title: 'Which training?',
        build: async () => {
          const all = await trainingsFrom(database.db, teamId, purpose === 'attendance' ? weekAgo : now, PICK_MAX_OPTIONS);
          const started = (training: Training) => training.opportunity.starts_at.getTime() <= now.getTime();
          // Attendance is marked once a training has started; editing and cancelling end there.
          const trainings = all.filter((training) => (purpose === 'attendance' ? started(training) : !started(training)));
          return pickTrainingModal({ purpose, trainings, timeZone: await displayTimeZone(database.db, teamId), responseUrl: command.response_url });
        },
      }).catch(async (error: unknown) => {
        logger.error(`Could not open the training list: ${String(error)}`);
        await respond({ response_type: 'ephemeral', ...plainReply(':warning: I could not open the list of trainings just now. Please try again in a minute.') });
      });
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
