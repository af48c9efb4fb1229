/**
 * "Send" on the invitation preview (staff): the invitation and one row per recipient are written at
 * once (keyed by the preview's view id, so a double submit is one invitation), the modal says so, and
 * the DMs start going out, paced; the invitations job finishes whatever this request does not.
 */
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { ListenerDeps } from '../../slack/deps.js';
import { failureText } from '../../slack/failure.js';
import { noticeModal, unreadableFormNotice } from '../../slack/notice-modal.js';
import { teamIdOf } from '../../slack/payload.js';
import { displayTimeZone } from '../../team/time-zone.js';
import { GUARDED, requireRole } from '../../team/permissions.js';
import { INVITES_PER_DRAIN, INVITE_PACE_MS } from '../invitation-rules.js';
import { planInvitation } from '../plan-invitation.js';
import { createInvitation } from '../queries/invitations.js';
import { drainInvitations } from '../send-invitations.js';
import { invitationQueuedNotice, readPreviewMetadata } from '../views/invite-modals.js';

export function inviteConfirmed({ database, logger, clock }: ListenerDeps) {
  return async ({ ack, body, view, client }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs): Promise<void> => {
    const db = database.db;
    const teamId = teamIdOf(body);
    const userId = body.user.id;
    let invitation: { id: number; created: boolean; recipients: number };
    try {
      const allowed = await requireRole({ client, db, logger, teamId, userId, entry: GUARDED.inviteSendSubmission, refuse: (message) => ack({ response_action: 'update', view: noticeModal('Not allowed', message.text) }) });
      if (!allowed) return;
      const metadata = readPreviewMetadata(view.private_metadata);
      if (!metadata) {
        await ack({ response_action: 'update', view: unreadableFormNotice('saved', '`/segment`') });
        return;
      }
      const plan = await planInvitation(db, { teamId, segment: metadata.segment, opportunityId: metadata.opportunityId, now: clock(), timeZone: await displayTimeZone(db, teamId) });
      if (!plan.opportunity) {
        await ack({ response_action: 'update', view: noticeModal('Invite', 'That shift or training has started, was cancelled or is for leaders only since the preview, so nothing was sent.') });
        return;
      }
      invitation = await createInvitation(db, { teamId, opportunityId: metadata.opportunityId, segment: metadata.segment, createdBy: userId, idempotencyKey: view.id, recipients: plan.recipients.send });
    } catch (error) {
      logger.error(`Creating an invitation failed: ${String(error)}`);
      await ack({ response_action: 'update', view: noticeModal('Invite', `:warning: ${failureText(error, 'saved')}`) });
      return;
    }
    await ack({ response_action: 'update', view: invitationQueuedNotice(invitation.recipients, !invitation.created) });
    if (!invitation.created) return;
    try {
      await drainInvitations({ db, client, logger }, { clock, paceMs: INVITE_PACE_MS, limit: INVITES_PER_DRAIN, invitationId: invitation.id });
    } catch (error) {
      logger.warn(`Invitation ${invitation.id}: sending stopped (the invitations job carries on): ${String(error)}`);
    }
  };
}
