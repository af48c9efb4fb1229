/**
 * The /trainings modal: trainings in the next BROWSE_DAYS days, the person's own first, each with
 * its time (in the reader's own zone), format, skill, seats and one button (RSVP, Join waitlist,
 * Cancel RSVP, Confirm). At most LISTED of them, which keeps it far inside Slack's 100 blocks. Pure.
 */
import type { Button, KnownBlock, ModalView } from '@slack/types';
import type { ListedOpportunity } from '../../signups/queries/opportunities.js';
import { ACTIONS, COMMANDS, TRAININGS_BROWSE_CALLBACK } from '../../slack/ids.js';
import { truncate } from '../../slack/mrkdwn.js';
import type { TrainingDetails } from '../queries/trainings.js';
import { detailLines, seatsLine, titleOf, when, whenAndLength } from './training-text.js';

export const BROWSE_DAYS = 60;
export const LISTED = 25;

export interface BrowseItem {
  opportunity: ListedOpportunity;
  details: TrainingDetails;
}

export function trainingsBrowseModal(input: { items: readonly BrowseItem[]; total: number; timeZone: string; notice?: string }): ModalView {
  const { items, total, timeZone, notice } = input;
  const blocks: KnownBlock[] = [];
  if (notice) blocks.push(section(notice), { type: 'divider' });
  const mine = items.filter((item) => item.opportunity.myStatus !== null);
  const others = items.filter((item) => item.opportunity.myStatus === null);
  if (mine.length > 0) {
    blocks.push(section('*Your trainings*'));
    for (const item of mine) blocks.push(itemBlock(item, timeZone));
  }
  if (others.length > 0) {
    blocks.push(section(mine.length === 0 ? '*Upcoming trainings*' : '*More trainings*'));
    for (const item of others) blocks.push(itemBlock(item, timeZone));
  }
  if (items.length === 0) {
    blocks.push(section(`No trainings in the next ${BROWSE_DAYS} days. Staff schedule them with \`${COMMANDS.training} new\`; check back soon.`));
  }
  if (total > items.length) blocks.push(context(`Showing the first ${items.length} of ${total}; RSVP to these and the later ones show up here as these pass.`));
  blocks.push(context('Times show in your own time zone. Attending earns you the skill, which some shifts require.'));
  return {
    type: 'modal',
    callback_id: TRAININGS_BROWSE_CALLBACK,
    title: { type: 'plain_text', text: 'Trainings' },
    close: { type: 'plain_text', text: 'Close' },
    blocks,
  };
}

function itemBlock(item: BrowseItem, timeZone: string): KnownBlock {
  const { opportunity, details } = item;
  const lines = [titleOf(details, opportunity), whenAndLength(opportunity, timeZone), ...detailLines(details, { description: false }), seatsLine(opportunity, details, opportunity.waiting)];
  const button = (text: string, actionId: string, value: number, style?: 'primary' | 'danger'): Button => ({ type: 'button', action_id: actionId, text: { type: 'plain_text', text }, value: String(value), ...(style ? { style } : {}) });
  let accessory: Button;
  switch (opportunity.myStatus) {
    case 'seated':
      lines.push(":white_check_mark: You're going");
      accessory = button('Cancel RSVP', ACTIONS.trainingCancelRsvp, opportunity.id, 'danger');
      break;
    case 'waiting':
      lines.push(":hourglass_flowing_sand: You're on the waitlist");
      accessory = button('Leave waitlist', ACTIONS.trainingCancelRsvp, opportunity.id);
      break;
    case 'offered':
      lines.push(`:tada: A seat is held for you${opportunity.myOfferExpiresAt ? ` until ${when(opportunity.myOfferExpiresAt, timeZone)}` : ''}`);
      accessory = button('Confirm my seat', ACTIONS.trainingConfirm, opportunity.myClaimId ?? 0, 'primary');
      break;
    case null:
      accessory = opportunity.filled < opportunity.capacity ? button('RSVP', ACTIONS.trainingRsvp, opportunity.id, 'primary') : button('Join waitlist', ACTIONS.trainingJoinWaitlist, opportunity.id);
      break;
  }
  return { type: 'section', text: { type: 'mrkdwn', text: truncate(lines.join('\n'), 3000) }, accessory };
}

function section(text: string): KnownBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: truncate(text, 3000) } };
}

function context(text: string): KnownBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: truncate(text, 3000) }] };
}
