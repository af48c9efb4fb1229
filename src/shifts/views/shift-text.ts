/**
 * How a shift reads in every view: its title (escaped: staff typed it), when in Slack's date
 * formatting (each reader sees their own zone; the fallback names the team's), how long, where,
 * and the seats. Pure.
 */
import type { OpportunityRow } from '../../db/schema.js';
import { formatInZone } from '../../domain/zoned-time.js';
import { asText, slackDate } from '../../slack/mrkdwn.js';
import { TACTICS } from '../../domain/tactics.js';
import { describeLength } from '../shift-rules.js';
import type { ShiftDetails } from '../queries.js';

/** "<!date^…|Sun, 14 Mar 2027, 18:00 (America/Chicago)>": the reader's own zone in Slack, the team's in the fallback. */
export function when(instant: Date, timeZone: string): string {
  return slackDate(instant, formatInZone(instant, timeZone));
}

/** "*Call for the levy* (#12)" */
export function titleOf(details: ShiftDetails, opportunity: OpportunityRow): string {
  return `*${asText(details.title)}* (#${opportunity.id})`;
}

/** "Sun 14 Mar 18:00 · 2 h" with Slack date formatting. */
export function whenAndLength(opportunity: OpportunityRow, timeZone: string): string {
  return `${when(opportunity.starts_at, timeZone)} · ${describeLength(opportunity.starts_at, opportunity.ends_at)}`;
}

/** Plain text for notifications and fallbacks: "Call for the levy, Sun, 14 Mar 2027, 18:00 (America/Chicago)". */
export function plainSummary(details: ShiftDetails, opportunity: OpportunityRow, timeZone: string): string {
  return `${asText(details.title)}, ${formatInZone(opportunity.starts_at, timeZone)}`;
}

/** A link a person typed, made safe for mrkdwn's <url|label> (the checks in shift-rules allowed only http(s) with no spaces). */
export function safeLink(url: string, label: string): string {
  let href: string;
  try {
    href = new URL(url).href;
  } catch {
    return asText(url);
  }
  return `<${href.replace(/\|/g, '%7C').replace(/>/g, '%3E').replace(/</g, '%3C')}|${asText(label)}>`;
}

/** Where, target and script, one per line. */
export function detailLines(details: ShiftDetails): string[] {
  const lines = [`:round_pushpin: ${asText(details.location)}`];
  if (details.target) lines.push(`:dart: ${asText(details.target)}`);
  if (details.script_url) lines.push(`:scroll: ${safeLink(details.script_url, 'Script and notes')}`);
  const skill = requiredSkillLine(details);
  if (skill) lines.push(skill);
  return lines;
}

/** "Requires the *Door knocking* skill" when the shift needs one. */
export function requiredSkillLine(details: ShiftDetails): string | null {
  return details.required_skill ? `:mortar_board: Requires the *${TACTICS[details.required_skill].name}* skill (from a training)` : null;
}

/** "3 of 10 seats taken", "Full · 2 waiting". */
export function seatsLine(opportunity: OpportunityRow, waiting: number): string {
  const left = opportunity.capacity - opportunity.filled;
  const queue = waiting > 0 ? ` · ${waiting} waiting` : '';
  if (left <= 0) return `Full (${opportunity.filled} of ${opportunity.capacity} seats)${queue}`;
  return `${opportunity.filled} of ${opportunity.capacity} seats taken, ${left} left${queue}`;
}

/** "Leaders and up" when the shift is not for everyone. */
export function whoMayClaim(opportunity: OpportunityRow): string | null {
  return opportunity.min_role === 'leader' ? ':star: For leaders and up' : null;
}

/** "<@U1>, <@U2> and 5 more" within a budget, since an announcement section holds 3,000 characters. */
export function peopleList(userIds: readonly string[], shown = 30): string {
  if (userIds.length === 0) return 'nobody yet';
  const listed = userIds.slice(0, shown).map((id) => `<@${id}>`);
  const more = userIds.length - listed.length;
  return more > 0 ? `${listed.join(', ')} and ${more} more` : listed.join(', ');
}
