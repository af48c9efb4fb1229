/**
 * What a volunteer sees after logging: exactly what was recorded, their week so far (offline and
 * online side by side), and an Undo button; or, for a report that repeats one made minutes before,
 * the earlier one and a question. Pure: reports in, Block Kit out.
 */
import { formatDay, type IsoDate } from '../../domain/dates.js';
import type { Counts, LogDraft } from '../log-entry.js';
import type { EarlierReport, StoredReport } from '../queries.js';
import type { PeriodTotals } from '../totals.js';
import { CHANNELS, TACTICS, UNIT_IDS, describeTactic, formatCount, type UnitId } from '../../domain/tactics.js';
import { ACTIONS } from '../../slack/ids.js';
import { SECTION_TEXT_MAX, plainReply, type SlackMessage } from '../../slack/messages.js';
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
export function describeAction(report: Pick<LogDraft, 'tacticId' | 'occurredOn' | 'place' | 'counts'>, format: 'mrkdwn' | 'plain' = 'mrkdwn'): string {
  const place = report.place ? ` at ${format === 'mrkdwn' ? asText(report.place) : report.place}` : '';
  const tactic = TACTICS[report.tacticId];
  return `${describeTactic(tactic)} on ${formatDay(report.occurredOn)}${place}: ${describeCounts(report.counts, tactic.units)}`;
}

function describeWeek(week: PeriodTotals): string {
  return CHANNELS.map((channel) => {
    const totals = week[channel];
    const label = channel === 'offline' ? 'Offline' : 'Online';
    if (totals.actions === 0) return `${label}: nothing yet`;
    const reports = `${totals.actions} ${totals.actions === 1 ? 'action' : 'actions'}`;
    return `${label}: ${reports} (${describeCounts(totals.counts)})`;
  }).join('\n');
}

export function loggedReply(options: { action: StoredReport; alreadyRecorded: boolean; week: PeriodTotals; weekStart: IsoDate }): SlackMessage {
  const { action, alreadyRecorded, week, weekStart } = options;
  const headline = alreadyRecorded ? ':white_check_mark: Already recorded' : ':white_check_mark: Recorded';
  const summary = `${headline}: *${describeAction(action)}*`;
  const extras = [
    action.note ? `Note: ${asText(action.note)}` : undefined,
    action.story ? `Story${action.storyConsent ? ' (may be featured in the weekly digest)' : ' (kept private)'}: ${asText(action.story)}` : undefined,
  ].filter((line): line is string => line !== undefined);
  const weekText = `*Your week so far* (since ${formatDay(weekStart)})\n${describeWeek(week)}`;
  return {
    text: `${headline}: ${describeAction(action)}`,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: truncate([summary, ...extras].join('\n'), SECTION_TEXT_MAX) } },
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

export function undoneReply(action: StoredReport): SlackMessage {
  return plainReply(`:leftwards_arrow_with_hook: Undone: ${describeAction(action)}. Nothing of it is kept.`);
}

/**
 * A report that repeats one the same person made minutes before was held back: show the earlier one and
 * ask whether this is a second session. Someone who retyped a report after an unclear answer says no.
 */
export function heldReply(options: { draft: LogDraft; earlier: EarlierReport; heldId: number; now: Date }): SlackMessage {
  const { draft, earlier, heldId, now } = options;
  const minutes = Math.max(1, Math.round((now.getTime() - earlier.createdAt.getTime()) / 60_000));
  const ago = `${minutes} minute${minutes === 1 ? '' : 's'} ago`;
  // The earlier report has the same tactic, counts and day; its place and note may differ.
  const before = describeAction({ ...draft, occurredOn: earlier.occurredOn, place: earlier.place });
  const text =
    `:raised_hand: You logged exactly this ${ago}: *${before}*.\n` +
    'Is this another, separate session? Nothing new is recorded until you say so.';
  const value = String(heldId);
  return {
    text: `You logged exactly this ${ago}: ${before}. Is this another session? Nothing new is recorded until you say so.`,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: truncate(text, SECTION_TEXT_MAX) } },
      {
        type: 'actions',
        elements: [
          { type: 'button', action_id: ACTIONS.recordHeldReport, style: 'primary', text: { type: 'plain_text', text: 'Yes, record it too' }, value },
          { type: 'button', action_id: ACTIONS.dropHeldReport, text: { type: 'plain_text', text: "No, it's the same one" }, value },
        ],
      },
    ],
  };
}

export const BROKEN_BUTTON = 'That button is broken; nothing was changed.';
export const HELD_QUESTION_ANSWERED = 'That question was already answered. Nothing else was changed.';

/** The answer once a held report was let go. */
export function heldDroppedReply(): SlackMessage {
  return plainReply(':ok_hand: Kept just the one you logged before. Nothing new was recorded.');
}
