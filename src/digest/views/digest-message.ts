/**
 * The digest in words: Block Kit for Slack, and the same words as plain text for the message's
 * fallback and the operator's preview. Pure. Within Slack's limits whatever the week holds: at most
 * 50 blocks, 3000 characters a section, 150 a header; long stories are cut, with a link to the
 * original when there is one. Everything a person wrote goes through `asText`, so a quoted
 * `<!channel>` or `<@U…>` shows as text and pings nobody.
 */
import { LADDER } from '../../engagement/ladder.js';
import type { Climber } from '../../engagement/climbers.js';
import type { Button, KnownBlock } from '@slack/types';
import { formatDay } from '../../domain/dates.js';
import { GOAL_DESCRIPTIONS, GOAL_LABELS, TACTICS, UNITS, formatCount, type Channel } from '../../domain/tactics.js';
import { fitWithin } from '../../home/views/home.js';
import type { SlackMessage } from '../../slack/messages.js';
import { asText, truncate } from '../../slack/mrkdwn.js';
import { COMPARE_MIN_REACH, COMPARE_MIN_REPORTS, type CellSummary, type Conversion, type ConversionPeriod, type Digest, type Win } from '../compose-digest.js';
import type { Opportunity } from '../next-up.js';

export const DIGEST_MAX_BLOCKS = 50;
const SECTION_MAX = 3000;
const FIELD_MAX = 2000;
const HEADER_MAX = 150;
/** A story longer than this is cut; a whole story would crowd out the rest of the digest. */
export const STORY_CUT_CHARS = 500;
/** Slack shows at most ~40,000 characters of a message's text; the fallback stays well inside. */
const FALLBACK_MAX = 12_000;
const MAX_OPPORTUNITIES = 8;

/** Display names by user id; someone missing is shown as a mention. */
export type Names = ReadonlyMap<string, string>;

/** How words are marked up: mrkdwn for Slack, nothing for a terminal. */
interface Style {
  people(text: string): string;
  bold(text: string): string;
  link(url: string, label: string): string;
  mention(userId: string): string;
  quote(text: string): string;
  /** An instant each reader sees in their own time zone. */
  time(instant: Date): string;
}

const MRKDWN: Style = {
  people: asText,
  bold: (text) => `*${text}*`,
  // Only Slack's own https links (permalinks); `|` and `>` would end the link early.
  link: (url, label) => (/^https:\/\/[^\s|<>]+$/.test(url) ? `<${url}|${label}>` : label),
  mention: (userId) => `<@${userId}>`,
  quote: (text) => text.split('\n').map((line) => `>${line}`).join('\n'),
  time: (instant) => `<!date^${Math.floor(instant.getTime() / 1000)}^{date_short_pretty} {time}|${utcMinute(instant)}>`,
};

const PLAIN: Style = {
  people: (text) => text,
  bold: (text) => text,
  link: (url, label) => `${label}: ${url}`,
  mention: (userId) => `@${userId}`,
  quote: (text) => text.split('\n').map((line) => `  | ${line}`).join('\n'),
  time: utcMinute,
};

function utcMinute(instant: Date): string {
  return `${instant.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

type Part =
  | { kind: 'header'; text: string }
  | { kind: 'section'; text: string }
  | { kind: 'fields'; title: string; fields: string[] }
  | { kind: 'context'; text: string }
  | { kind: 'divider' }
  | { kind: 'opportunity'; text: string; button: Button };

/** The digest as a Slack message: blocks, and the whole digest again as fallback text. */
export function digestMessage(digest: Digest, names: Names): SlackMessage {
  const groups = partsOf(digest, names, MRKDWN);
  const blocks = fitWithin(groups.map((group) => group.map(toBlock)), DIGEST_MAX_BLOCKS);
  const text = truncate(groups.flat().map((part) => toText(part, MRKDWN)).filter((line) => line !== '').join('\n'), FALLBACK_MAX);
  return { text, blocks };
}

/** The digest as plain text, for `npm run digest -- --preview`. */
export function digestText(digest: Digest, names: Names): string {
  return partsOf(digest, names, PLAIN)
    .flat()
    .map((part) => toText(part, PLAIN, '-'.repeat(60)))
    .join('\n');
}

/** The digest's parts in groups (one per topic), most important first: if the block limit ever bit, the last would give way. */
function partsOf(digest: Digest, names: Names, style: Style): Part[][] {
  const range = `${formatDay(digest.window.from)} – ${formatDay(digest.window.to)}`;
  const person = (userId: string) => {
    const name = names.get(userId);
    return name ? style.people(name) : style.mention(userId);
  };
  const opening: Part[] = [{ kind: 'header', text: `Weekly digest · ${range}` }];
  const closing: Part[] = [
    { kind: 'divider' },
    { kind: 'context', text: 'Offline and online both count. The digest celebrates the team’s work toward its goals; it never ranks people.' },
  ];
  if (digest.quiet) {
    opening.push({
      kind: 'section',
      text: `:seedling: A quiet week: nothing was logged from ${range}, and that happens. One door, one call or one post gets next week going — log it with \`/log-action\`.`,
    });
    return [opening, nextUpParts(digest.nextUp, style), closing];
  }
  opening.push({ kind: 'context', text: 'Offline and online side by side, outcomes first, then the work behind them. Change is against the seven days before.' });
  opening.push({ kind: 'section', text: totalsLine(digest, style) });
  const headline: Part[] = digest.headline.map((line) => ({
    kind: 'fields',
    title: `${style.bold(GOAL_LABELS[line.goal])} — ${GOAL_DESCRIPTIONS[line.goal]}`,
    fields: (['offline', 'online'] as const).map((channel) => cellText(channel, line.cells[channel], style)),
  }));
  return [opening, headline, winsParts(digest.wins, person, style), compareParts(digest, style), peopleParts(digest, person, style), nextUpParts(digest.nextUp, style), closing];
}

function totalsLine(digest: Digest, style: Style): string {
  const { offline, online } = digest.totals;
  const all = offline.actions + online.actions;
  const people = digest.people.active;
  return `${style.bold(`${actionsWord(all)} by ${peopleWord(people)}`)}: ${offline.actions.toLocaleString('en-US')} offline (${change(offline.actions, offline.previousActions)}), ${online.actions.toLocaleString('en-US')} online (${change(online.actions, online.previousActions)}).`;
}

function cellText(channel: Channel, cell: CellSummary, style: Style): string {
  const title = `${style.bold(channel === 'offline' ? 'Offline' : 'Online')} · ${actionsWord(cell.actions)} (${change(cell.actions, cell.previousActions)})`;
  if (cell.actions === 0) return title;
  const lines = [title];
  if (cell.outcomes.length > 0) lines.push(cell.outcomes.map((o) => formatCount(o.unit, o.amount)).join(' · '));
  if (cell.activity.length > 0) lines.push(cell.activity.map((o) => formatCount(o.unit, o.amount)).join(' · '));
  return lines.join('\n');
}

function winsParts(wins: readonly Win[], person: (userId: string) => string, style: Style): Part[] {
  if (wins.length === 0) return [];
  const parts: Part[] = [{ kind: 'divider' }, { kind: 'header', text: 'Wins' }];
  for (const win of wins) {
    const story = win.story;
    const cut = story.text.length > STORY_CUT_CHARS;
    const shown = cut ? truncate(story.text, STORY_CUT_CHARS) : story.text;
    const more = cut ? (story.permalink ? ` ${style.link(story.permalink, 'Read it all')}` : ' (shortened)') : '';
    parts.push({ kind: 'section', text: `${style.quote(style.people(shown))}${more}` });
    const what = story.tacticId ? `${TACTICS[story.tacticId].name} (${TACTICS[story.tacticId].channel})` : story.permalink ? style.link(story.permalink, 'from Slack') : 'from Slack';
    parts.push({ kind: 'context', text: `— ${person(story.authorId)} · ${what} · ${formatDay(story.on)}` });
  }
  return parts;
}

function compareParts(digest: Digest, style: Style): Part[] {
  const { thisWeek, eightWeeks, perHour } = digest.compare;
  const parts: Part[] = [{ kind: 'divider' }, { kind: 'header', text: 'What converted best' }];
  parts.push({ kind: 'section', text: `${style.bold('This week')} — sign-ups per 100 reached\n${periodLines(thisWeek, 'this week')}` });
  parts.push({ kind: 'section', text: `${style.bold('The last eight weeks')} — sign-ups per 100 reached\n${periodLines(eightWeeks, 'over eight weeks')}` });
  const hours =
    perHour.length > 0
      ? perHour.map((rate) => `• ${TACTICS[rate.tacticId].name}: ${rate.perHour.toFixed(1)} sign-ups per volunteer-hour (${rate.signups} in ${rate.hours} h)`).join('\n')
      : 'Per volunteer-hour: no report in the last eight weeks logged both hours and sign-ups, so there is nothing to compare per hour yet.';
  parts.push({ kind: 'section', text: hours });
  parts.push({
    kind: 'context',
    text: `A tactic is compared once it has at least ${COMPARE_MIN_REPORTS} reports and ${COMPARE_MIN_REACH} of what it reaches people with (doors, calls, emails, posts…) in the period.`,
  });
  return parts;
}

function periodLines(period: ConversionPeriod, when: string): string {
  const lines = period.qualifying.slice(0, 6).map(conversionLine);
  if (period.enough) return lines.join('\n');
  const few = period.qualifying.length === 0 ? 'no tactic has' : 'only one tactic has';
  return [`Too little data to compare ${when}: ${few} enough reports yet.`, ...lines].join('\n');
}

function conversionLine(c: Conversion): string {
  const per100 = c.per100 >= 10 ? c.per100.toFixed(0) : c.per100.toFixed(1);
  return `• ${TACTICS[c.tacticId].name} (${c.channel}): ${per100} per 100 ${UNITS[c.reachUnit].plural} (${c.signups.toLocaleString('en-US')} of ${c.reach.toLocaleString('en-US')})`;
}

function peopleParts(digest: Digest, person: (userId: string) => string, style: Style): Part[] {
  const { newcomers, moreNewcomers, bothChannels, moreBoth, climbers, moreClimbers } = digest.people;
  if (newcomers.length === 0 && bothChannels.length === 0 && climbers.length === 0) return [];
  const parts: Part[] = [{ kind: 'divider' }, { kind: 'header', text: 'People' }];
  if (newcomers.length > 0) {
    const listed = newcomers.map((n) => ({ name: person(n.userId), text: `${person(n.userId)} (${TACTICS[n.firstTacticId].name.toLowerCase()}, ${formatDay(n.firstOn)})` }));
    parts.push({ kind: 'section', text: `${style.bold('Welcome!')} First actions this week: ${alphabetical(listed).join(', ')}${andMore(moreNewcomers)}.` });
  }
  if (bothChannels.length > 0) {
    const listed = bothChannels.map((userId) => ({ name: person(userId), text: person(userId) }));
    parts.push({ kind: 'section', text: `${style.bold('Offline and online')}: ${alphabetical(listed).join(', ')}${andMore(moreBoth)} worked both ways this week.` });
  }
  if (climbers.length > 0) parts.push({ kind: 'section', text: climbersLine(climbers, moreClimbers, person, style) });
  return parts;
}

/** Who climbed a rung, by the rung reached (in the ladder's order) and by name within it. */
function climbersLine(climbers: readonly Climber[], more: number, person: (userId: string) => string, style: Style): string {
  const byRung = LADDER.filter((rung) => climbers.some((c) => c.rung === rung.id)).map((rung) => {
    const listed = climbers.filter((c) => c.rung === rung.id).map((c) => ({ name: person(c.userId), text: person(c.userId) }));
    return `${rung.label}: ${alphabetical(listed).join(', ')}`;
  });
  return `${style.bold('Climbed the ladder')} this week: ${byRung.join(' · ')}${andMore(more)}.`;
}

/** By name, never by how much someone did. */
function alphabetical(people: { name: string; text: string }[]): string[] {
  return people.sort((a, b) => a.name.localeCompare(b.name)).map((p) => p.text);
}

function nextUpParts(opportunities: readonly Opportunity[], style: Style): Part[] {
  if (opportunities.length === 0) return [];
  const parts: Part[] = [{ kind: 'divider' }, { kind: 'header', text: 'Next up' }];
  for (const o of opportunities.slice(0, MAX_OPPORTUNITIES)) {
    const when = style.time(o.startsAt);
    parts.push({
      kind: 'opportunity',
      text: `${o.kind === 'training' ? 'Training: ' : ''}${style.bold(style.people(o.title))} · ${when} · ${o.seatsLeft === null ? 'no seat limit' : `${o.seatsLeft} ${o.seatsLeft === 1 ? 'seat' : 'seats'} left`}`,
      button: { type: 'button', action_id: o.actionId, value: o.value, text: { type: 'plain_text', text: o.kind === 'shift' ? 'Claim' : 'RSVP' } },
    });
  }
  return parts;
}

function toBlock(part: Part): KnownBlock {
  switch (part.kind) {
    case 'header':
      return { type: 'header', text: { type: 'plain_text', text: truncate(part.text, HEADER_MAX) } };
    case 'section':
      return { type: 'section', text: { type: 'mrkdwn', text: truncate(part.text, SECTION_MAX) } };
    case 'fields':
      return {
        type: 'section',
        text: { type: 'mrkdwn', text: truncate(part.title, SECTION_MAX) },
        fields: part.fields.map((field) => ({ type: 'mrkdwn' as const, text: truncate(field, FIELD_MAX) })),
      };
    case 'context':
      return { type: 'context', elements: [{ type: 'mrkdwn', text: truncate(part.text, SECTION_MAX) }] };
    case 'divider':
      return { type: 'divider' };
    case 'opportunity':
      return { type: 'section', text: { type: 'mrkdwn', text: truncate(part.text, SECTION_MAX) }, accessory: part.button };
  }
}

function toText(part: Part, style: Style, divider = ''): string {
  switch (part.kind) {
    case 'header':
      return `\n${style === PLAIN ? part.text.toUpperCase() : style.bold(part.text)}`;
    case 'fields':
      return [part.title, ...part.fields.map((field) => `  ${field.replace(/\n/g, '\n    ')}`)].join('\n');
    case 'divider':
      return divider;
    default:
      return part.text;
  }
}

function change(now: number, before: number): string {
  if (now === before) return before === 0 ? 'none the week before either' : 'same as the week before';
  return now > before ? `↑ from ${before.toLocaleString('en-US')}` : `↓ from ${before.toLocaleString('en-US')}`;
}

function andMore(n: number): string {
  return n > 0 ? ` and ${n} more` : '';
}

function actionsWord(n: number): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? 'action' : 'actions'}`;
}

function peopleWord(n: number): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? 'person' : 'people'}`;
}
