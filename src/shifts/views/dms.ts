/**
 * The DMs the signup engine owes people about a shift, as the outbox sends them: reminders, a seat
 * offer with Confirm / Pass, notices of an edit, a cancellation or a removal, and the report-back
 * ask after the shift. Pure.
 */
import type { Button, KnownBlock } from '@slack/types';
import type { OutboxRow } from '../../db/schema.js';
import { ACTIONS, COMMANDS } from '../../slack/ids.js';
import type { SlackMessage } from '../../slack/messages.js';
import { truncate } from '../../slack/mrkdwn.js';
import type { Shift } from '../queries.js';
import { detailLines, plainSummary, seatsLine, titleOf, when, whenAndLength } from './shift-text.js';

export function shiftDm(row: OutboxRow, shift: Shift, timeZone: string): SlackMessage {
  const { details, opportunity } = shift;
  const name = titleOf(details, opportunity);
  const summary = plainSummary(details, opportunity, timeZone);
  const about = [whenAndLength(opportunity, timeZone), ...detailLines(details)].join('\n');
  const button = (text: string, actionId: string, value: number, style?: 'primary'): Button => ({
    type: 'button',
    action_id: actionId,
    text: { type: 'plain_text', text },
    value: String(value),
    ...(style ? { style } : {}),
  });
  switch (row.kind) {
    case 'reminder': {
      const lead = (row.details as { lead?: string }).lead === '1h' ? 'in 1 hour' : 'in 24 hours';
      return message(`:alarm_clock: Reminder: ${name} starts ${lead}.\n${about}`, `Reminder: ${summary} starts ${lead}`, [
        button("Can't make it: leave", ACTIONS.shiftLeave, opportunity.id),
      ]);
    }
    case 'offer': {
      const expiresAt = new Date(String((row.details as { expiresAt?: string }).expiresAt));
      return message(
        `:tada: A seat opened on ${name} and it's held for you until ${when(expiresAt, timeZone)}. Confirm to take it, or pass so the next person gets it.\n${about}`,
        `A seat opened on ${summary}: confirm it in time`,
        [button('Confirm my seat', ACTIONS.shiftConfirm, row.claim_id ?? 0, 'primary'), button('Pass', ACTIONS.shiftPass, row.claim_id ?? 0)],
      );
    }
    case 'changed':
      return message(
        `:pencil2: ${name} was changed by staff. Here it is now:\n${about}\n*Seats:* ${seatsLine(opportunity, 0)}\nIf it no longer works for you, leave so someone else can have your place.`,
        `Changed: ${summary}`,
        [button('Leave', ACTIONS.shiftLeave, opportunity.id)],
      );
    case 'cancelled':
      return message(`:no_entry: ${name} (${when(opportunity.starts_at, timeZone)}) was cancelled. Nothing for you to do; \`${COMMANDS.shifts}\` lists other shifts.`, `Cancelled: ${summary}`);
    case 'removed':
      return message(
        `:wave: Staff took you off ${name} (${when(opportunity.starts_at, timeZone)}). If that's a surprise, ask <@${opportunity.created_by}>, who scheduled it. \`${COMMANDS.shifts}\` lists other shifts.`,
        `You were taken off ${summary}`,
      );
    case 'report_back':
      return message(
        `:raised_hands: Thanks for phone banking on ${name}! How did it go? Tell me the calls you made, the conversations and commitments, and a story if you have one: it goes into your record beside everything else you logged.`,
        `How did ${summary} go?`,
        [button('Report back', ACTIONS.shiftReportBack, row.claim_id ?? 0, 'primary')],
      );
  }
}

function message(text: string, fallback: string, buttons: Button[] = []): SlackMessage {
  const blocks: KnownBlock[] = [{ type: 'section', text: { type: 'mrkdwn', text: truncate(text, 3000) } }];
  if (buttons.length > 0) blocks.push({ type: 'actions', elements: buttons });
  return { text: truncate(fallback, 3000), blocks };
}
