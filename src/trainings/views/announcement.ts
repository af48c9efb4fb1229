/**
 * The message that announces a training in the announcement channel, kept current in place with
 * chat.update after every change: who is going and the count, RSVP / Join waitlist / Cancel RSVP;
 * and marked full, cancelled or started when it is. Pure.
 */
import type { KnownBlock } from '@slack/types';
import type { OpportunityRow } from '../../db/schema.js';
import type { Roster } from '../../signups/queries/claims.js';
import { announcementState, type AnnouncementState } from '../../shifts/views/announcement.js';
import { peopleList } from '../../shifts/views/shift-text.js';
import { ACTIONS, COMMANDS } from '../../slack/ids.js';
import type { SlackMessage } from '../../slack/messages.js';
import { truncate } from '../../slack/mrkdwn.js';
import type { TrainingDetails } from '../queries/trainings.js';
import { detailLines, plainSummary, seatsLine, titleOf, whenAndLength } from './training-text.js';

const HEADLINE: Record<AnnouncementState, string> = {
  open: ':mortar_board: *Training — RSVP open*',
  full: ':mortar_board: *Training — full*, join the waitlist to be offered the next seat',
  cancelled: ':no_entry: *Cancelled* — this training will not happen',
  over: ':checkered_flag: *This training has started or is over* — thanks to everyone who came',
};

export function trainingAnnouncement(input: { details: TrainingDetails; opportunity: OpportunityRow; roster: Roster; timeZone: string; now: Date }): SlackMessage {
  const { details, opportunity, roster, timeZone, now } = input;
  const state = announcementState(opportunity, now);
  const title = state === 'cancelled' ? `~${titleOf(details, opportunity)}~` : titleOf(details, opportunity);
  const going = [...roster.seated, ...roster.offered].map((claim) => claim.user_id);
  const blocks: KnownBlock[] = [
    section(`${HEADLINE[state]}\n${title}\n${whenAndLength(opportunity, timeZone)}`),
    section(detailLines(details).join('\n')),
    section(`*RSVPs:* ${seatsLine(opportunity, details, roster.waiting.length)}\n*Who's going:* ${peopleList(going)}`),
  ];
  if (state === 'open' || state === 'full') {
    blocks.push({
      type: 'actions',
      block_id: `training_${opportunity.id}`,
      elements: [
        state === 'open'
          ? { type: 'button', action_id: ACTIONS.trainingRsvp, style: 'primary', text: { type: 'plain_text', text: 'RSVP' }, value: String(opportunity.id) }
          : { type: 'button', action_id: ACTIONS.trainingJoinWaitlist, text: { type: 'plain_text', text: 'Join waitlist' }, value: String(opportunity.id) },
        { type: 'button', action_id: ACTIONS.trainingCancelRsvp, text: { type: 'plain_text', text: 'Cancel RSVP' }, value: String(opportunity.id) },
      ],
    });
  }
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `Training #${opportunity.id} · scheduled by <@${opportunity.created_by}> · times show in your own time zone · \`${COMMANDS.trainings}\` lists them all` }] });
  const stateWord = { open: 'RSVP open', full: 'full', cancelled: 'CANCELLED', over: 'over' }[state];
  return { text: truncate(`Training (${stateWord}): ${plainSummary(details, opportunity, timeZone)} · ${opportunity.filled} going`, 3000), blocks };
}

function section(text: string): KnownBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: truncate(text, 3000) } };
}
