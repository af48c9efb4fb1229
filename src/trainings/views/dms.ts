/**
 * The DMs the signup engine owes people about a training, as the outbox sends them: reminders with
 * the link or place, a seat offer with Confirm / Pass, notices of an edit, a cancellation or a
 * removal. (No report-back ask: staff mark attendance, which records the action.) Pure.
 */
import type { Button, KnownBlock } from '@slack/types';
import type { OutboxRow } from '../../db/schema.js';
import { ACTIONS, COMMANDS } from '../../slack/ids.js';
import type { SlackMessage } from '../../slack/messages.js';
import { truncate } from '../../slack/mrkdwn.js';
import type { Training } from '../queries/trainings.js';
import { detailLines, plainSummary, seatsLine, titleOf, when, whenAndLength } from './training-text.js';

export function trainingDm(row: OutboxRow, training: Training, timeZone: string): SlackMessage {
  const { details, opportunity } = training;
  const name = titleOf(details, opportunity);
  const summary = plainSummary(details, opportunity, timeZone);
  const about = [whenAndLength(opportunity, timeZone), ...detailLines(details, { description: false })].join('\n');
  const button = (text: string, actionId: string, value: number, style?: 'primary'): Button => ({ type: 'button', action_id: actionId, text: { type: 'plain_text', text }, value: String(value), ...(style ? { style } : {}) });
  switch (row.kind) {
    case 'reminder': {
      const lead = (row.details as { lead?: string }).lead === '1h' ? 'in 1 hour' : 'in 24 hours';
      return message(`:alarm_clock: Reminder: the training ${name} starts ${lead}.\n${about}`, `Reminder: ${summary} starts ${lead}`, [button("Can't make it: cancel RSVP", ACTIONS.trainingCancelRsvp, opportunity.id)]);
    }
    case 'offer': {
      const expiresAt = new Date(String((row.details as { expiresAt?: string }).expiresAt));
      return message(
        `:tada: A seat opened at the training ${name} and it's held for you until ${when(expiresAt, timeZone)}. Confirm to take it, or pass so the next person gets it.\n${about}`,
        `A seat opened at ${summary}: confirm it in time`,
        [button('Confirm my seat', ACTIONS.trainingConfirm, row.claim_id ?? 0, 'primary'), button('Pass', ACTIONS.trainingPass, row.claim_id ?? 0)],
      );
    }
    case 'changed':
      return message(
        `:pencil2: The training ${name} was changed by staff. Here it is now:\n${about}\n*RSVPs:* ${seatsLine(opportunity, details, 0)}\nIf it no longer works for you, cancel your RSVP so someone else can have your place.`,
        `Changed: ${summary}`,
        [button('Cancel RSVP', ACTIONS.trainingCancelRsvp, opportunity.id)],
      );
    case 'cancelled':
      return message(`:no_entry: The training ${name} (${when(opportunity.starts_at, timeZone)}) was cancelled. Nothing for you to do; \`${COMMANDS.trainings}\` lists other trainings.`, `Cancelled: ${summary}`);
    case 'removed':
      return message(`:wave: Staff took you off the training ${name} (${when(opportunity.starts_at, timeZone)}). If that's a surprise, ask <@${opportunity.created_by}>, who scheduled it.`, `You were taken off ${summary}`);
    case 'report_back':
      // Never sent (the feature does not send this kind); kept total so a new kind cannot slip through untyped.
      return message(`Thanks for coming to ${name}!`, `Thanks for coming to ${summary}`);
  }
}

function message(text: string, fallback: string, buttons: Button[] = []): SlackMessage {
  const blocks: KnownBlock[] = [{ type: 'section', text: { type: 'mrkdwn', text: truncate(text, 3000) } }];
  if (buttons.length > 0) blocks.push({ type: 'actions', elements: buttons });
  return { text: truncate(fallback, 3000), blocks };
}
