/** "Invite…" beside a segment in /segment (staff): pushes the modal that chooses what to invite them to. */
import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { ListenerDeps } from '../../slack/deps.js';
import { openNotice } from '../../slack/open-modal.js';
import { teamIdOf } from '../../slack/payload.js';
import { readActionValue } from '../../slack/read-payload.js';
import { noticeModal } from '../../slack/notice-modal.js';
import { displayTimeZone } from '../../team/time-zone.js';
import { GUARDED, requireRole } from '../../team/permissions.js';
import { invitableOpportunities } from '../queries/invitations.js';
import { segmentIdValue } from '../segments.js';
import { inviteChooseModal } from '../views/invite-modals.js';

export function inviteFromSegment({ database, logger, clock }: ListenerDeps) {
  return async ({ ack, body, client, action }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const db = database.db;
    const teamId = teamIdOf(body);
    const userId = body.user.id;
    try {
      const allowed = await requireRole({
        client, db, logger, teamId, userId, entry: GUARDED.segmentInvite,
        refuse: async (message) => void (await openNotice({ client, logger, userId, triggerId: body.trigger_id, title: 'Invite', text: message.text })),
      });
      if (!allowed) return;
      const segment = readActionValue(segmentIdValue, action.value);
      const timeZone = await displayTimeZone(db, teamId);
      const view = segment
        ? inviteChooseModal({ segment, opportunities: await invitableOpportunities(db, teamId, clock(), 100), timeZone })
        : noticeModal('Invite', "I couldn't read which segment to invite, so nothing was sent. Open `/segment` again.");
      await client.views.push({ trigger_id: body.trigger_id, view });
    } catch (error) {
      logger.error(`Could not open the invitation modal: ${String(error)}`);
    }
  };
}
