/** `/training report` (staff): RSVPs, attendance and its rate, and later use of the skill, per training. */
import type { ListenerDeps } from '../../slack/deps.js';
import { failureReply } from '../../slack/failure.js';
import { GUARDED, requireRole } from '../../team/permissions.js';
import { displayTimeZone } from '../../team/time-zone.js';
import { trainingReport } from '../queries/report.js';
import { trainingReportMessage } from '../views/report-message.js';
import type { TrainingCommandArgs } from './training-command.js';

const REPORT_DAYS = 90;
const REPORTED = 40;

export async function trainingReportCommand({ database, logger }: ListenerDeps, { command, ack, client }: TrainingCommandArgs): Promise<void> {
  const deps = { db: database.db, client, logger };
  const teamId = command.team_id;
  try {
    const allowed = await requireRole({ ...deps, teamId, userId: command.user_id, entry: GUARDED.trainingReportCommand, refuse: (message) => ack({ response_type: 'ephemeral', ...message }) });
    if (!allowed) return;
    const rows = await trainingReport(database.db, teamId, { now: new Date(), days: REPORT_DAYS, limit: REPORTED });
    await ack({ response_type: 'ephemeral', ...trainingReportMessage(rows, await displayTimeZone(database.db, teamId), REPORT_DAYS) });
  } catch (error) {
    logger.error(`/training report failed: ${String(error)}`);
    await ack({ response_type: 'ephemeral', ...failureReply(error, 'read') });
  }
}
