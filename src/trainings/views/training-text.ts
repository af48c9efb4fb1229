/**
 * How a training reads in every view: its title (escaped: staff typed it), when (Slack's date
 * formatting, so each reader sees their own zone), format, skill, where (a link made safe), and
 * the seats ("unlimited" when there is no limit). Pure.
 */
import type { OpportunityRow } from '../../db/schema.js';
import { TACTICS } from '../../domain/tactics.js';
import { formatInZone } from '../../domain/zoned-time.js';
import { asText, truncate } from '../../slack/mrkdwn.js';
import { describeLength, isWebLink } from '../../shifts/shift-rules.js';
import { safeLink, when } from '../../shifts/views/shift-text.js';
import { FORMAT_LABELS } from '../training-rules.js';
import type { TrainingDetails } from '../queries/trainings.js';

export { when };

/** "*Door knocking 101* (#12)" */
export function titleOf(details: TrainingDetails, opportunity: OpportunityRow): string {
  return `*${asText(details.title)}* (#${opportunity.id})`;
}

export function whenAndLength(opportunity: OpportunityRow, timeZone: string): string {
  return `${when(opportunity.starts_at, timeZone)} · ${describeLength(opportunity.starts_at, opportunity.ends_at)}`;
}

/** Plain text for notifications and fallbacks. */
export function plainSummary(details: TrainingDetails, opportunity: OpportunityRow, timeZone: string): string {
  return `${asText(details.title)}, ${formatInZone(opportunity.starts_at, timeZone)}`;
}

/** The skill's name from the catalog. */
export function skillName(details: Pick<TrainingDetails, 'skill'>): string {
  return TACTICS[details.skill].name;
}

/** Format and skill, where (a link for webinars and calls), and the description. */
export function detailLines(details: TrainingDetails, options: { description?: boolean } = {}): string[] {
  const lines = [`:mortar_board: ${FORMAT_LABELS[details.format]} · prepares you for *${skillName(details)}*`];
  lines.push(isWebLink(details.location) ? `:link: ${safeLink(details.location, 'Join link')}` : `:round_pushpin: ${asText(details.location)}`);
  if (options.description !== false && details.description) lines.push(truncate(asText(details.description), 1500));
  return lines;
}

/** "3 going · 7 seats left", "Full (10 going) · 2 waiting", "5 going · no seat limit". */
export function seatsLine(opportunity: OpportunityRow, details: Pick<TrainingDetails, 'unlimited'>, waiting: number): string {
  const queue = waiting > 0 ? ` · ${waiting} waiting` : '';
  if (details.unlimited) return `${opportunity.filled} going · no seat limit`;
  const left = opportunity.capacity - opportunity.filled;
  if (left <= 0) return `Full (${opportunity.filled} going, ${opportunity.capacity} seats)${queue}`;
  return `${opportunity.filled} going · ${left} of ${opportunity.capacity} seats left${queue}`;
}
