/**
 * What a volunteer sees after logging: exactly what was recorded, their week so far (offline and
 * online side by side), and an Undo button. Pure: rows in, Block Kit out.
 */
import type { PeriodTotals } from '../queries.js';
import type { ActionRow } from '../../db/schema.js';
import { formatDay, type IsoDate } from '../../domain/dates.js';
import type { Counts } from '../log-entry.js';
import { CHANNELS, TACTICS, UNIT_IDS, describeTactic, formatCount, type UnitId } from '../../domain/tactics.js';
import { ACTIONS } from '../../slack/ids.js';
import { type SlackMessage } from '../../slack/messages.js';
import { asText, truncate } from '../../slack/mrkdwn.js';

/** Counts in a stable order (the tactic's own, else the catalog's): jsonb does not keep the order keys were written in. */
export function describeCounts(counts: Counts, order: readonly UnitId[] = UNIT_IDS): string {
  const parts = order.filter((unit) => (counts[unit] ?? 0) > 0).map((unit) => formatCount(unit, counts[unit] ?? 0));
  return parts.length > 0 ? parts.join(', ') : 'no counts';
}

/**
 * "Door knocking (Recruit · offline) on Sun 29 Nov at Elm St: 40 doors knocked, 12 conversations".
 * For mrkdwn the place the person typed is escaped; `plain` is for plain_text fields (a confirm dialog).
 */
export function describeAction(action: ActionRow, format: 'mrkdwn' | 'plain' = 'mrkdwn'): string {
  const place = action.place ? ` at ${format === 'mrkdwn' ? asText(action.place) : action.place}` : '';
  return `${describeTactic(TACTICS[action.tactic_id])} on ${formatDay(action.occurred_on)}${place}: ${describeCounts(action.counts, TACTICS[action.tactic_id].units)}`;
}

export function describeWeek(week: PeriodTotals): string {
  return CHANNELS.map((channel) => {
    const totals = week[channel];
    const label = channel === 'offline' ? 'Offline' : 'Online';
    if (totals.actions === 0) return `${label}: nothing yet`;
    const reports = `${totals.actions} ${totals.actions === 1 ? 'action' : 'actions'}`;
    return `${label}: ${reports} (${describeCounts(totals.counts)})`;
  }).join('\n');
}

export function loggedReply(options: { action: ActionRow; alreadyRecorded: boolean; week: PeriodTotals; weekStart: IsoDate }): SlackMessage {
  const { action, alreadyRecorded, week, weekStart } = options;
  const headline = alreadyRecorded ? ':white_check_mark: Already recorded' : ':white_check_mark: Recorded';
  const summary = `${headline}: *${describeAction(action)}*`;
  const extras = [
    action.note ? `Note: ${asText(action.note)}` : undefined,
    action.story ? `Story${action.story_consent ? ' (may be featured in the weekly digest)' : ' (kept private)'}: ${asText(action.story)}` : undefined,
  ].filter((line): line is string => line !== undefined);
  const weekText = `*Your week so far* (since ${formatDay(weekStart)})\n${describeWeek(week)}`;
  return {
    text: `${headline}: ${describeAction(action)}`,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: truncate([summary, ...extras].join('\n'), 3000) } },
      { type: 'section', text: { type: 'mrkdwn', text: weekText } },
      {
        type: 'actions',
        elements: [
          {
            type: 'button',
            action_id: ACTIONS.undoAction,
            text: { type: 'plain_text', text: 'Undo' },
            value: String(action.id),
            confirm: {
              title: { type: 'plain_text', text: 'Undo this report?' },
              text: { type: 'plain_text', text: truncate(describeAction(action, 'plain'), 300) },
              confirm: { type: 'plain_text', text: 'Undo' },
              deny: { type: 'plain_text', text: 'Keep it' },
            },
          },
        ],
      },
    ],
  };
}

export function undoneReply(action: ActionRow): SlackMessage {
  const text = `:leftwards_arrow_with_hook: Undone: ${describeAction(action)}. Nothing of it is kept.`;
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: truncate(text, 3000) } }] };
}
