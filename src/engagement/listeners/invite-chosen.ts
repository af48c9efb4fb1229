/** The opportunity was chosen (staff): the modal becomes the preview of who gets what. Nothing is sent yet. */
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { ListenerDeps } from '../../slack/deps.js';
import { failureText } from '../../slack/failure.js';
import { noticeModal, unreadableFormNotice } from '../../slack/notice-modal.js';
import { teamIdOf } from '../../slack/payload.js';
import { readInputs, stateValuesOf } from '../../slack/read-payload.js';
import { displayTimeZone } from '../../team/time-zone.js';
import { GUARDED, requireRole } from '../../team/permissions.js';
import { INVITE_BLOCKS } from '../../slack/ids.js';
import { planInvitation } from '../plan-invitation.js';
import { invitationDm } from '../views/invitation-dm.js';
import { CHOOSE_INPUTS, invitePreviewModal, readChooseMetadata } from '../views/invite-modals.js';

export function inviteChosen({ database, logger, clock }: ListenerDeps) {
  return async ({ ack, body, view, client }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs): Promise<void> => {
    const db = database.db;
    const teamId = teamIdOf(body);
    const userId = body.user.id;
    try {
      const allowed = await requireRole({ client, db, logger, teamId, userId, entry: GUARDED.inviteChooseSubmission, refuse: (message) => ack({ response_action: 'update', view: noticeModal('Not allowed', message.text) }) });
      if (!allowed) return;
      const metadata = readChooseMetadata(view.private_metadata);
      const values = stateValuesOf(view);
      if (!metadata || !values) {
        await ack({ response_action: 'update', view: unreadableFormNotice('saved', '`/segment`') });
        return;
      }
      const inputs = readInputs(values, CHOOSE_INPUTS);
      if (!inputs.ok) {
        await ack({ response_action: 'errors', errors: inputs.errors });
        return;
      }
      const now = clock();
      const timeZone = await displayTimeZone(db, teamId);
      const plan = await planInvitation(db, { teamId, segment: metadata.segment, opportunityId: inputs.data[INVITE_BLOCKS.opportunity], now, timeZone });
      if (!plan.opportunity) {
        await ack({ response_action: 'errors', errors: { [INVITE_BLOCKS.opportunity]: 'That one has started, was cancelled or is for leaders only. Choose another.' } });
        return;
      }
      const sample = invitationDm({ opportunity: plan.opportunity, invitedBy: userId, timeZone });
      await ack({ response_action: 'update', view: invitePreviewModal({ segment: metadata.segment, opportunity: plan.opportunity, recipients: plan.recipients, sample, timeZone }) });
    } catch (error) {
      logger.error(`Invitation preview failed: ${String(error)}`);
      await ack({ response_action: 'update', view: noticeModal('Invite', `:warning: ${failureText(error, 'read')}`) });
    }
  };
}
