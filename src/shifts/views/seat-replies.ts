/**
 * What a person is told after pressing Claim, Join waitlist, Leave, Confirm or Pass: what happened,
 * and when it did not, why and what to do instead. Pure.
 */
import type { Button, KnownBlock } from '@slack/types';
import type { Clash } from '../../signups/queries/claims.js';
import type { ClaimStatus } from '../../signups/signup-rules.js';
import type { Role } from '../../team/roles.js';
import { ROLE_WITH_ARTICLE } from '../../team/roles.js';
import { ACTIONS, COMMANDS } from '../../slack/ids.js';
import type { SlackMessage } from '../../slack/messages.js';
import { truncate } from '../../slack/mrkdwn.js';
import { reminderPromise } from '../../signups/reminder-promise.js';
import type { Shift } from '../queries.js';
import { TACTICS, type TacticId } from '../../domain/tactics.js';
import type { Training } from '../../trainings/queries/trainings.js';
import { titleOf as trainingTitleOf, whenAndLength as trainingWhen } from '../../trainings/views/training-text.js';
import { titleOf, when, whenAndLength } from './shift-text.js';

export type SeatReply =
  | { kind: 'seated' | 'confirmed' }
  | { kind: 'waiting'; position: number }
  | { kind: 'already'; status: Exclude<ClaimStatus, 'left'>; position: number | null; offerExpiresAt: Date | null }
  | { kind: 'full'; waiting: number }
  | { kind: 'clash'; clash: Clash; other: Shift | undefined }
  | { kind: 'not_allowed'; role: Role; askUserIds: string[] }
  /** The shift requires a skill the person has not earned: the next training for it, or whom to ask. */
  | { kind: 'needs_skill'; skill: TacticId; next: Training | undefined; askUserIds: string[] }
  | { kind: 'left'; previous: Exclude<ClaimStatus, 'left'> }
  | { kind: 'passed' }
  | { kind: 'cancelled' | 'started' | 'not_found' | 'not_holding' | 'expired' | 'not_offered' };

/** Whether the reply is good news for the person (the view picks a check mark or a warning). */
export function seatReplyMessage(reply: SeatReply, shift: Shift | undefined, timeZone: string, now: Date): SlackMessage {
  const name = shift ? titleOf(shift.details, shift.opportunity) : 'that shift';
  const time = shift ? `, ${whenAndLength(shift.opportunity, timeZone)}` : '';
  const browse = `\`${COMMANDS.shifts}\` lists the shifts coming up.`;
  let text: string;
  let button: Button | undefined;
  switch (reply.kind) {
    case 'seated':
    case 'confirmed':
      text = `:white_check_mark: You're in: ${name}${time}. ${shift ? reminderPromise(shift.opportunity.starts_at, now) : ''}Can't make it after all? Leave any time before the start, so someone else can have the seat.`;
      break;
    case 'waiting':
      text = `:hourglass_flowing_sand: ${name} is full, so you're on the waitlist: number ${reply.position}. When a seat frees up I'll DM you, and you'll have a while to confirm it. Nothing else to do now.`;
      break;
    case 'already':
      text =
        reply.status === 'seated'
          ? `:white_check_mark: You already hold a seat on ${name}${time}. Nothing changed.`
          : reply.status === 'waiting'
            ? `:hourglass_flowing_sand: You're already on the waitlist for ${name}: number ${reply.position ?? '?'}. Nothing changed.`
            : `:tada: A seat on ${name} is already held for you${reply.offerExpiresAt ? ` until ${when(reply.offerExpiresAt, timeZone)}` : ''}: press *Confirm* in my DM to take it.`;
      break;
    case 'full':
      text = `:no_entry_sign: ${name} is full${reply.waiting > 0 ? ` (${reply.waiting} waiting)` : ''}. Join the waitlist and I'll offer you the next seat that frees up, or pick another shift: ${browse}`;
      if (shift) button = { type: 'button', action_id: ACTIONS.shiftJoinWaitlist, text: { type: 'plain_text', text: 'Join waitlist' }, value: String(shift.opportunity.id), style: 'primary' };
      break;
    case 'clash': {
      const other = reply.other ? `${titleOf(reply.other.details, reply.other.opportunity)}` : `shift #${reply.clash.opportunityId}`;
      text = `:warning: ${name} overlaps ${other} (${when(reply.clash.startsAt, timeZone)}), where you already hold a seat. Nothing changed. To swap, leave that one first; or pick another time: ${browse}`;
      break;
    }
    case 'not_allowed': {
      const ask = reply.askUserIds.length > 0 ? ` Ask ${reply.askUserIds.map((id) => `<@${id}>`).join(' or ')} if you'd like to join it.` : '';
      text = `:lock: ${name} is for leaders and up, and you're ${ROLE_WITH_ARTICLE[reply.role]} in Groundwork, so I can't give you a seat.${ask} Shifts open to everyone: ${browse}`;
      break;
    }
    case 'needs_skill': {
      const skill = `*${TACTICS[reply.skill].name}*`;
      if (reply.next) {
        text = `:mortar_board: ${name} needs the ${skill} skill, which you haven't earned yet, so nothing changed. The next training for it is ${trainingTitleOf(reply.next.details, reply.next.opportunity)}, ${trainingWhen(reply.next.opportunity, timeZone)}: RSVP, come, and this shift opens up to you.`;
        button = { type: 'button', action_id: ACTIONS.trainingRsvp, text: { type: 'plain_text', text: 'RSVP to the training' }, value: String(reply.next.opportunity.id), style: 'primary' };
      } else {
        const ask = reply.askUserIds.length > 0 ? reply.askUserIds.map((id) => `<@${id}>`).join(' or ') : 'your staff';
        text = `:mortar_board: ${name} needs the ${skill} skill, which you haven't earned yet, so nothing changed. No training for it is scheduled right now: ask ${ask} (they can also record the skill if you were trained elsewhere). ${browse}`;
      }
      break;
    }
    case 'left':
      text =
        reply.previous === 'waiting'
          ? `:wave: You left the waitlist for ${name}.`
          : `:wave: You gave up your seat on ${name}. Thanks for saying so in time: the next person waiting (if anyone) has been offered it.`;
      break;
    case 'passed':
      text = `:ok_hand: You passed on the seat on ${name}; it goes to the next person waiting. You're off the waitlist.`;
      break;
    case 'cancelled':
      text = `:no_entry: ${name} was cancelled, so nothing changed. ${browse}`;
      break;
    case 'started':
      text = `:clock3: ${name} has already started, so its seats can't be claimed or given up any more. ${browse}`;
      break;
    case 'not_found':
      text = `:grey_question: I can't find that shift any more; nothing changed. ${browse}`;
      break;
    case 'not_holding':
      text = `:grey_question: You don't hold a seat on ${name} and aren't waiting for one, so there was nothing to leave.`;
      break;
    case 'expired':
      text = `:hourglass: That offer for ${name} ran out, so the seat went to the next person waiting. ${browse}`;
      break;
    case 'not_offered':
      text = `:grey_question: No seat on ${name} is being held for you any more, so nothing changed. ${browse}`;
      break;
  }
  const blocks: KnownBlock[] = [{ type: 'section', text: { type: 'mrkdwn', text: truncate(text, 3000) } }];
  if (button) blocks.push({ type: 'actions', elements: [button] });
  return { text: truncate(text, 3000), blocks };
}
