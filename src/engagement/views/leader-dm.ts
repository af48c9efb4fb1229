/** The weekly leader-spotting DM to staff, and the ask a person receives when staff take it. Pure. */
import type { KnownBlock } from '@slack/types';
import { z } from 'zod';
import type { LeaderAsk } from '../../db/schema.js';
import { formatDay, type IsoDate } from '../../domain/dates.js';
import { ACTIONS } from '../../slack/ids.js';
import type { SlackMessage } from '../../slack/messages.js';
import { LEADER_SIGNALS } from '../ladder.js';
import { ASK_LABELS, SNOOZE_WEEKS, SPOTTED_LISTED_MAX, rungLabel, type Spotted } from '../leader-spotting.js';

export const ASK_ACTIONS: Record<LeaderAsk, string> = { lead_training: ACTIONS.leaderAskTraining, host: ACTIONS.leaderAskHost };

/** A button's value: the person and the week of the DM. */
export const personWeek = z
  .string()
  .regex(/^[UW][A-Z0-9]{2,30}\|\d{4}-\d{2}-\d{2}$/)
  .transform((value) => {
    const [userId, week] = value.split('|') as [string, IsoDate];
    return { userId, week };
  });

export function leaderSpottingDm(spotted: readonly Spotted[], week: IsoDate): SlackMessage {
  const listed = spotted.slice(0, SPOTTED_LISTED_MAX);
  const more = spotted.length - listed.length;
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: `Leaders to develop · week of ${formatDay(week)}` } },
    { type: 'context', elements: [{ type: 'mrkdwn', text: 'People who climbed a rung this week or show leader signals, by name, not ranked. Each has a suggested next ask.' }] },
  ];
  for (const person of listed) {
    const why = [
      person.climbedTo ? `climbed to *${rungLabel(person.climbedTo)}*` : `*${rungLabel(person.rung)}*`,
      ...LEADER_SIGNALS.filter((s) => person.signals.includes(s.id)).map((s) => s.label),
    ].join('; ');
    const value = `${person.userId}|${week}`;
    blocks.push(
      { type: 'section', text: { type: 'mrkdwn', text: `<@${person.userId}>: ${why}.\nSuggested next ask: *${ASK_LABELS[person.suggested].toLowerCase()}*.` } },
      {
        type: 'actions',
        elements: [
          ...(['lead_training', 'host'] as const).map((ask) => ({
            type: 'button' as const,
            action_id: ASK_ACTIONS[ask],
            value,
            text: { type: 'plain_text' as const, text: ASK_LABELS[ask] },
            ...(ask === person.suggested ? { style: 'primary' as const } : {}),
          })),
          { type: 'button', action_id: ACTIONS.leaderSnooze, value, text: { type: 'plain_text', text: `Snooze ${SNOOZE_WEEKS} weeks` } },
        ],
      },
    );
  }
  if (more > 0) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `…and ${more} more; \`/segment\` lists everyone by segment.` }] });
  const names = listed.map((p) => `<@${p.userId}>`).join(', ');
  return { text: `Leaders to develop this week: ${names}${more > 0 ? ` and ${more} more` : ''}.`, blocks };
}

const ASK_TEXT: Record<LeaderAsk, string> = {
  lead_training: 'would love you to *lead a training* for the team: you know this work, and others would learn it from you.',
  host: 'would love you to *host* something for the team, like a house party or a one-on-one evening: people come when you ask them.',
};

export function leaderAskDm(staffId: string, ask: LeaderAsk): SlackMessage {
  const text = `:sparkles: <@${staffId}> ${ASK_TEXT[ask]} Reply to them to talk it over.`;
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
}
