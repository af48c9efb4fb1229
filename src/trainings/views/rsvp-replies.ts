/**
 * What a person is told after pressing RSVP, Join waitlist, Cancel RSVP, Confirm or Pass on a
 * training: what happened, and when it did not, why and what to do instead. Pure.
 */
import type { Button, KnownBlock } from '@slack/types';
import type { Clash } from '../../signups/queries/claims.js';
import type { ClaimStatus } from '../../signups/signup-rules.js';
import { ACTIONS, COMMANDS } from '../../slack/ids.js';
import type { SlackMessage } from '../../slack/messages.js';
import { asText, truncate } from '../../slack/mrkdwn.js';
import { reminderPromise } from '../../signups/reminder-promise.js';
import type { Training } from '../queries/trainings.js';
import { titleOf, when, whenAndLength } from './training-text.js';

export type RsvpReply =
  | { kind: 'seated' | 'confirmed' }
  | { kind: 'waiting'; position: number }
  | { kind: 'already'; status: Exclude<ClaimStatus, 'left'>; position: number | null; offerExpiresAt: Date | null }
  | { kind: 'full'; waiting: number }
  /** `otherTitle`: the title of the session it overlaps, when it is one we know. */
  | { kind: 'clash'; clash: Clash; otherTitle: string | null }
  | { kind: 'left'; previous: Exclude<ClaimStatus, 'left'> }
  | { kind: 'passed' }
  | { kind: 'cancelled' | 'started' | 'not_found' | 'not_holding' | 'expired' | 'not_offered' };

export function rsvpReplyMessage(reply: RsvpReply, training: Training | undefined, timeZone: string, now: Date): SlackMessage {
  const name = training ? titleOf(training.details, training.opportunity) : 'that training';
  const time = training ? `, ${whenAndLength(training.opportunity, timeZone)}` : '';
  const browse = `\`${COMMANDS.trainings}\` lists the trainings coming up.`;
  let text: string;
  let button: Button | undefined;
  switch (reply.kind) {
    case 'seated':
    case 'confirmed':
      text = `:white_check_mark: You're going: ${name}${time}. ${training ? reminderPromise(training.opportunity.starts_at, now, ', with the link or place') : ''}Can't make it after all? Cancel your RSVP any time before the start.`;
      break;
    case 'waiting':
      text = `:hourglass_flowing_sand: ${name} is full, so you're on the waitlist: number ${reply.position}. When a seat frees up I'll DM you, and you'll have a while to confirm it.`;
      break;
    case 'already':
      text =
        reply.status === 'seated'
          ? `:white_check_mark: You've already RSVPed to ${name}${time}. Nothing changed.`
          : reply.status === 'waiting'
            ? `:hourglass_flowing_sand: You're already on the waitlist for ${name}: number ${reply.position ?? '?'}. Nothing changed.`
            : `:tada: A seat at ${name} is already held for you${reply.offerExpiresAt ? ` until ${when(reply.offerExpiresAt, timeZone)}` : ''}: press *Confirm* in my DM to take it.`;
      break;
    case 'full':
      text = `:no_entry_sign: ${name} is full${reply.waiting > 0 ? ` (${reply.waiting} waiting)` : ''}. Join the waitlist and I'll offer you the next seat that frees up. ${browse}`;
      if (training) button = { type: 'button', action_id: ACTIONS.trainingJoinWaitlist, text: { type: 'plain_text', text: 'Join waitlist' }, value: String(training.opportunity.id), style: 'primary' };
      break;
    case 'clash': {
      const other = reply.otherTitle ? `*${asText(reply.otherTitle)}* (#${reply.clash.opportunityId})` : `#${reply.clash.opportunityId}`;
      text = `:warning: ${name} overlaps ${other} (${when(reply.clash.startsAt, timeZone)}), where you already hold a seat. Nothing changed. To swap, leave that one first.`;
      break;
    }
    case 'left':
      text = reply.previous === 'waiting' ? `:wave: You left the waitlist for ${name}.` : `:wave: You cancelled your RSVP to ${name}. Thanks for saying so in time: the next person waiting (if anyone) has been offered your seat.`;
      break;
    case 'passed':
      text = `:ok_hand: You passed on the seat at ${name}; it goes to the next person waiting. You're off the waitlist.`;
      break;
    case 'cancelled':
      text = `:no_entry: ${name} was cancelled, so nothing changed. ${browse}`;
      break;
    case 'started':
      text = `:clock3: ${name} has already started, so RSVPs can't change any more. ${browse}`;
      break;
    case 'not_found':
      text = `:grey_question: I can't find that training any more; nothing changed. ${browse}`;
      break;
    case 'not_holding':
      text = `:grey_question: You haven't RSVPed to ${name} and aren't waiting for a seat, so there was nothing to cancel.`;
      break;
    case 'expired':
      text = `:hourglass: That offer for ${name} ran out, so the seat went to the next person waiting. ${browse}`;
      break;
    case 'not_offered':
      text = `:grey_question: No seat at ${name} is being held for you any more, so nothing changed. ${browse}`;
      break;
  }
  const blocks: KnownBlock[] = [{ type: 'section', text: { type: 'mrkdwn', text: truncate(text, 3000) } }];
  if (button) blocks.push({ type: 'actions', elements: [button] });
  return { text: truncate(text, 3000), blocks };
}
