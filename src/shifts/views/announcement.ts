/**
 * The message that announces a shift in the announcement channel, kept current in place with
 * chat.update after every change: seats taken, who is coming, Claim / Join waitlist / Leave; and
 * marked full, cancelled or over when it is. Pure.
 */
import type { KnownBlock } from '@slack/types';
import type { OpportunityRow } from '../../db/schema.js';
import type { Roster } from '../../signups/queries/claims.js';
import { ACTIONS } from '../../slack/ids.js';
import type { SlackMessage } from '../../slack/messages.js';
import { truncate } from '../../slack/mrkdwn.js';
import type { ShiftDetails } from '../queries.js';
import { detailLines, peopleList, plainSummary, seatsLine, titleOf, whenAndLength, whoMayClaim } from './shift-text.js';

export type AnnouncementState = 'open' | 'full' | 'cancelled' | 'over';

export function announcementState(opportunity: OpportunityRow, now: Date): AnnouncementState {
  if (opportunity.status === 'cancelled') return 'cancelled';
  if (now.getTime() >= opportunity.starts_at.getTime()) return 'over';
  return opportunity.filled >= opportunity.capacity ? 'full' : 'open';
}

const HEADLINE: Record<AnnouncementState, string> = {
  open: ':telephone_receiver: *Phone bank — seats open*',
  full: ':telephone_receiver: *Phone bank — full*, join the waitlist to be offered the next seat',
  cancelled: ':no_entry: *Cancelled* — this phone bank will not happen',
  over: ':checkered_flag: *This phone bank has started or is over* — thanks to everyone who called',
};

export function announcementMessage(input: { details: ShiftDetails; opportunity: OpportunityRow; roster: Roster; timeZone: string; now: Date }): SlackMessage {
  const { details, opportunity, roster, timeZone, now } = input;
  const state = announcementState(opportunity, now);
  const title = state === 'cancelled' ? `~${titleOf(details, opportunity)}~` : titleOf(details, opportunity);
  const who = whoMayClaim(opportunity);
  const coming = [...roster.seated, ...roster.offered].map((claim) => claim.user_id);
  const blocks: KnownBlock[] = [
    section(`${HEADLINE[state]}\n${title}\n${whenAndLength(opportunity, timeZone)}${who ? `\n${who}` : ''}`),
    section(detailLines(details).join('\n')),
    section(`*Seats:* ${seatsLine(opportunity, roster.waiting.length)}\n*Who's coming:* ${peopleList(coming)}`),
  ];
  if (state === 'open' || state === 'full') {
    blocks.push({
      type: 'actions',
      block_id: `shift_${opportunity.id}`,
      elements: [
        state === 'open'
          ? { type: 'button', action_id: ACTIONS.shiftClaim, style: 'primary', text: { type: 'plain_text', text: 'Claim a seat' }, value: String(opportunity.id) }
          : { type: 'button', action_id: ACTIONS.shiftJoinWaitlist, text: { type: 'plain_text', text: 'Join waitlist' }, value: String(opportunity.id) },
        { type: 'button', action_id: ACTIONS.shiftLeave, text: { type: 'plain_text', text: 'Leave' }, value: String(opportunity.id) },
      ],
    });
  }
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `Shift #${opportunity.id} · scheduled by <@${opportunity.created_by}> · times show in your own time zone · \`/shifts\` lists them all` }] });
  const stateWord = { open: 'seats open', full: 'full', cancelled: 'CANCELLED', over: 'over' }[state];
  return { text: truncate(`Phone bank (${stateWord}): ${plainSummary(details, opportunity, timeZone)}`, 3000), blocks };
}

function section(text: string): KnownBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: truncate(text, 3000) } };
}
