/**
 * `/shift edit | cancel | roster [number]` (staff): with a shift number, its modal opens straight
 * away; without one, a list of the upcoming shifts to choose from.
 */
import type { ListenerDeps } from '../../slack/deps.js';
import { failureReply } from '../../slack/failure.js';
import { plainReply } from '../../slack/messages.js';
import { upcomingOpportunities } from '../../signups/queries/opportunities.js';
import { GUARDED, requireRole } from '../../team/permissions.js';
import { openModal, openThenFill } from '../../slack/open-modal.js';
import { shiftDetailsOf, type Shift } from '../queries.js';
import { manageView } from '../shift-modals.js';
import { displayTimeZone } from '../../team/time-zone.js';
import { PICK_MAX_OPTIONS, pickShiftModal, type ManagePurpose } from '../views/pick-shift-modal.js';
import type { ShiftCommandArgs } from './shift-command.js';

const ENTRY = { edit: GUARDED.shiftEditCommand, cancel: GUARDED.shiftCancelCommand, roster: GUARDED.shiftRosterCommand } as const;
const TITLE: Record<ManagePurpose, string> = { edit: 'Edit shift', cancel: 'Cancel shift', roster: 'Roster' };

export async function manageShiftCommand({ database, logger }: ListenerDeps, { command, ack, client, respond }: ShiftCommandArgs, purpose: ManagePurpose, shiftId: number | null): Promise<void> {
  const deps = { db: database.db, client, logger };
  const teamId = command.team_id;
  const now = new Date();
  try {
    const allowed = await requireRole({ ...deps, teamId, userId: command.user_id, entry: ENTRY[purpose], refuse: (message) => ack({ response_type: 'ephemeral', ...message }) });
    if (!allowed) return;
    if (shiftId !== null) {
      const found = await manageView(deps, { teamId, userId: command.user_id, purpose, shiftId, now, responseUrl: command.response_url });
      if (!found.ok) {
        await ack({ response_type: 'ephemeral', ...plainReply(`:grey_question: ${found.text}`) });
        return;
      }
      await ack();
      await openModal({ client, logger, userId: command.user_id, triggerId: command.trigger_id, responseUrl: command.response_url, view: found.view });
      return;
    }
  } catch (error) {
    logger.error(`/shift ${purpose} failed: ${String(error)}`);
    await ack({ response_type: 'ephemeral', ...failureReply(error, 'read') });
    return;
  }
  await ack();
  try {
    const open = { client, logger, userId: command.user_id, triggerId: command.trigger_id, responseUrl: command.response_url, title: TITLE[purpose] };
    await openThenFill({ ...open, build: async () => {
      const upcoming = await upcomingOpportunities(database.db, teamId, 'shift', purpose === 'roster' ? new Date(now.getTime() - 7 * 86_400_000) : now, PICK_MAX_OPTIONS);
      const details = await shiftDetailsOf(database.db, upcoming.map((o) => o.id));
      const shifts: Shift[] = upcoming.flatMap((opportunity) => {
        const shift = details.get(opportunity.id);
        return shift ? [{ opportunity, details: shift }] : [];
      });
      return pickShiftModal({ purpose, shifts, timeZone: await displayTimeZone(database.db, teamId), responseUrl: command.response_url });
    } });
  } catch (error) {
    logger.error(`Could not open the shift list: ${String(error)}`);
    await respond({ response_type: 'ephemeral', ...plainReply(':warning: I could not open the list of shifts just now. Please try again in a minute.') });
  }
}
