/**
 * For staff: the trainings list with their numbers (`/training list`), and the report
 * (`/training report`): per training its RSVPs, attendance and rate, and how many of the people who
 * came used the skill within 30 days. Sections are packed to Slack's 3,000 characters. Pure.
 */
import type { KnownBlock } from '@slack/types';
import { COMMANDS } from '../../slack/ids.js';
import type { SlackMessage } from '../../slack/messages.js';
import { truncate } from '../../slack/mrkdwn.js';
import type { TrainingReportRow } from '../queries/report.js';
import type { Training } from '../queries/trainings.js';
import { attendanceLine, skillUseLine } from '../training-rules.js';
import { seatsLine, skillName, titleOf, whenAndLength } from './training-text.js';

const SECTION_MAX = 3000;

export function trainingListMessage(trainings: readonly Training[], timeZone: string): SlackMessage {
  if (trainings.length === 0) return packed(`No trainings coming up. Schedule one with \`${COMMANDS.training} new\`.`, []);
  const lines = trainings.map(({ opportunity, details }) => `${titleOf(details, opportunity)} · ${whenAndLength(opportunity, timeZone)} · ${skillName(details)} · ${seatsLine(opportunity, details, 0)}`);
  return packed(`*Trainings* — use the number: \`${COMMANDS.training} edit 12\`, \`cancel 12\`, \`attendance 12\` (once it has started), or leave it out to choose from a list`, lines);
}

export function trainingReportMessage(rows: readonly TrainingReportRow[], timeZone: string, days: number): SlackMessage {
  if (rows.length === 0) return packed(`No trainings in the last ${days} days or coming up.`, []);
  const lines = rows.map((row) => {
    const { opportunity, details } = row.training;
    const parts = [`${row.rsvps} ${row.rsvps === 1 ? 'RSVP' : 'RSVPs'}`, attendanceLine(row), skillUseLine(row)].filter((part): part is string => part !== null);
    return `${titleOf(details, opportunity)} · ${whenAndLength(opportunity, timeZone)} · *${skillName(details)}*\n${parts.join(' · ')}`;
  });
  return packed(`*Trainings report* — the last ${days} days and what is coming up. "Used the skill": held a seat on a shift that needs it, or logged that tactic.`, lines);
}

/** A heading and lines, split over as many sections as 3,000 characters each need (and at most 45). */
function packed(heading: string, lines: readonly string[]): SlackMessage {
  const texts: string[] = [heading];
  for (const line of lines) {
    const last = texts[texts.length - 1]!;
    if (last.length + line.length + 2 > SECTION_MAX) texts.push(line);
    else texts[texts.length - 1] = `${last}\n\n${line}`;
  }
  const blocks: KnownBlock[] = texts.slice(0, 45).map((text) => ({ type: 'section', text: { type: 'mrkdwn', text: truncate(text, SECTION_MAX) } }));
  return { text: truncate(texts.join('\n'), 3000), blocks };
}
