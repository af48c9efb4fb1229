/** The batch invitation's modals: choose what to invite a segment to, then a preview before anything is sent. Pure. */
import type { KnownBlock, ModalView } from '@slack/types';
import { z } from 'zod';
import { formatInZone } from '../../domain/zoned-time.js';
import { INVITE_BLOCKS, VIEWS } from '../../slack/ids.js';
import { asText, truncate } from '../../slack/mrkdwn.js';
import type { SlackMessage } from '../../slack/messages.js';
import { noticeModal } from '../../slack/notice-modal.js';
import { readMetadata, rowId, staticSelect } from '../../slack/read-payload.js';
import type { Recipients } from '../invitation-rules.js';
import type { InvitableOpportunity } from '../queries/invitations.js';
import { segmentDefinition, segmentIdValue, type SegmentId } from '../segments.js';

const MAX_OPTIONS = 100;
const people = (n: number) => `${n.toLocaleString('en-US')} ${n === 1 ? 'person' : 'people'}`;

export function inviteChooseModal(options: { segment: SegmentId; opportunities: readonly InvitableOpportunity[]; timeZone: string }): ModalView {
  const { segment, opportunities, timeZone } = options;
  const { label } = segmentDefinition(segment);
  if (opportunities.length === 0) {
    return noticeModal('Invite', 'There is no open shift or training to invite people to. Schedule one with `/shift new`, then come back.');
  }
  return {
    type: 'modal',
    callback_id: VIEWS.inviteChoose,
    title: { type: 'plain_text', text: 'Invite' },
    submit: { type: 'plain_text', text: 'Preview' },
    close: { type: 'plain_text', text: 'Back' },
    private_metadata: JSON.stringify({ segment }),
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `Invite *${label}* to a shift or training. You see who gets it and the message before anything is sent.` } },
      {
        type: 'input',
        block_id: INVITE_BLOCKS.opportunity,
        label: { type: 'plain_text', text: 'Invite them to' },
        element: {
          type: 'static_select',
          action_id: 'value',
          options: opportunities.slice(0, MAX_OPTIONS).map((o) => ({
            text: { type: 'plain_text', text: `${o.title}`.slice(0, 40) + ` · ${formatInZone(o.startsAt, timeZone)}`.slice(0, 35) },
            value: String(o.id),
          })),
        },
      },
    ],
  };
}

export const CHOOSE_INPUTS = {
  [INVITE_BLOCKS.opportunity]: staticSelect(rowId, { required: 'Choose the shift or training to invite them to.', invalid: 'Choose one from the list.' }),
};

export function readChooseMetadata(privateMetadata: unknown): { segment: SegmentId } | null {
  return readMetadata(z.object({ segment: segmentIdValue }), privateMetadata);
}

export function readPreviewMetadata(privateMetadata: unknown): { segment: SegmentId; opportunityId: number } | null {
  return readMetadata(z.object({ segment: segmentIdValue, opportunityId: z.number().int().positive() }), privateMetadata);
}

export function invitePreviewModal(options: { segment: SegmentId; opportunity: InvitableOpportunity; recipients: Recipients; sample: SlackMessage; timeZone: string }): ModalView {
  const { segment, opportunity, recipients, sample, timeZone } = options;
  const { label } = segmentDefinition(segment);
  const { optedOut, holding, alreadyInvited } = recipients.skipped;
  const skipped = [
    optedOut ? `${people(optedOut)} who opted out of invitations` : '',
    holding ? `${people(holding)} already coming or waiting` : '',
    alreadyInvited ? `${people(alreadyInvited)} invited to it before` : '',
  ].filter(Boolean);
  const count = recipients.send.length;
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text:
          `*${people(count)}* from *${label}* will get a DM inviting them to *${asText(truncate(opportunity.title, 200))}* (${formatInZone(opportunity.startsAt, timeZone)}).` +
          (skipped.length > 0 ? `\nSkipped: ${skipped.join('; ')}.` : '') +
          (count > 0 ? `\nThey go out about one a second${count > 60 ? `, so all of them take about ${Math.ceil(count / 60)} minutes` : ''}; each person gets it once.` : ''),
      },
    },
    { type: 'divider' },
    { type: 'context', elements: [{ type: 'mrkdwn', text: 'What they will see:' }] },
    ...sample.blocks,
  ];
  return {
    type: 'modal',
    callback_id: VIEWS.inviteSend,
    title: { type: 'plain_text', text: 'Preview invitation' },
    ...(count > 0 ? { submit: { type: 'plain_text' as const, text: `Send ${count}` } } : {}),
    close: { type: 'plain_text', text: count > 0 ? 'Cancel' : 'Close' },
    private_metadata: JSON.stringify({ segment, opportunityId: opportunity.id }),
    blocks: blocks.slice(0, 100),
  };
}

export function invitationQueuedNotice(recipients: number, again: boolean): ModalView {
  return noticeModal(
    'Invitations',
    again
      ? `:white_check_mark: This invitation was already sent from this preview (${people(recipients)}); nothing more was sent.`
      : `:white_check_mark: ${people(recipients)} will get the invitation, about one a second. Conversions show under *Invitations* in \`/segment\`.`,
  );
}
