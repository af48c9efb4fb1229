/** "Remove" in a shift's roster (staff): the person chosen leaves the shift, is told by DM, and the roster shows the result. */
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { ListenerDeps } from '../../slack/deps.js';
import { failureText } from '../../slack/failure.js';
import { SHIFT_BLOCKS } from '../../slack/ids.js';
import { noticeModal } from '../../slack/notice-modal.js';
import { teamIdOf } from '../../slack/payload.js';
import { readInputs, stateValuesOf, userSelect } from '../../slack/read-payload.js';
import { leave, rosterOf } from '../../signups/queries/claims.js';
import { GUARDED, requireRole } from '../../team/permissions.js';
import { findShift } from '../queries.js';
import { afterSeatChange } from '../seat-actions.js';
import { displayTimeZone } from '../../team/time-zone.js';
import { readIdMetadata } from '../views/cancel-shift-modal.js';
import { rosterModal } from '../views/roster-modal.js';

const REMOVE_INPUTS = { [SHIFT_BLOCKS.remove]: userSelect({ required: 'Choose the person to remove, then press Remove.' }) };

export function shiftRosterSubmitted({ database, logger }: ListenerDeps) {
  return async ({ ack, body, view, client }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs): Promise<void> => {
    const deps = { db: database.db, client, logger };
    const teamId = teamIdOf(body);
    const userId = body.user.id;
    const now = new Date();
    const metadata = readIdMetadata(view.private_metadata, 'opportunityId');
    const read = readInputs(stateValuesOf(view) ?? {}, REMOVE_INPUTS);
    let removing: string | null = null;
    let removed = false;
    try {
      const allowed = await requireRole({ ...deps, teamId, userId, entry: GUARDED.shiftRosterSubmission, refuse: (message) => ack({ response_action: 'update', view: noticeModal('Not allowed', message.text) }) });
      if (!allowed) return;
      if (!metadata) {
        await ack({ response_action: 'update', view: noticeModal('Roster', 'This roster is out of date, so nothing changed. Open it again with `/shift roster`.') });
        return;
      }
      if (!read.ok) {
        await ack({ response_action: 'errors', errors: read.errors });
        return;
      }
      removing = read.data[SHIFT_BLOCKS.remove];
      const outcome = await leave(database.db, { teamId, userId: removing, opportunityId: metadata.id, now, removedBy: userId });
      if (outcome.kind !== 'left') {
        const why =
          outcome.kind === 'not_holding' ? `<@${removing}> is not on this shift (no seat, no offer, not waiting).` : outcome.kind === 'started' ? 'The shift has started; people can no longer be removed.' : 'This shift no longer exists.';
        await ack({ response_action: 'errors', errors: { [SHIFT_BLOCKS.remove]: `${why} Nothing changed.` } });
        return;
      }
      removed = true;
      const shift = await findShift(database.db, teamId, metadata.id);
      if (!shift) throw new Error(`shift ${metadata.id} vanished`);
      const notice = `:white_check_mark: Removed <@${removing}>; they get a DM.${outcome.offers.length > 0 ? ` The seat was offered to <@${outcome.offers[0]!.userId}>, first on the waitlist.` : ''}`;
      await ack({ response_action: 'update', view: rosterModal({ shift, roster: await rosterOf(database.db, metadata.id), timeZone: await displayTimeZone(database.db, teamId), now, notice }) });
    } catch (error) {
      logger.error(`Removing someone from a shift failed: ${String(error)}`);
      await ack({ response_action: 'errors', errors: { [SHIFT_BLOCKS.remove]: failureText(error, 'changed') } });
      return;
    }
    if (removed && metadata && removing) await afterSeatChange(deps, { teamId, userId: removing, opportunityId: metadata.id, now });
  };
}
