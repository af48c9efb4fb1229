/**
 * The App Home tab: a person's own impact this week and all time, offline and online side by side
 * and by goal, with bars made of text; recognition against their own history only (streaks and
 * milestones, never a ranking of people); quick buttons; and for staff, the team's week at a glance.
 * Pure: aggregates in, Block Kit out, always within Slack's 100-block limit.
 */
import type { ActionsBlock, Button, KnownBlock, HomeView } from '@slack/types';
import { totalsByChannel, type CellTotals, type ChannelTotals } from '../../logging/totals.js';
import { formatDay, type IsoDate } from '../../domain/dates.js';
import {
  contributionMix,
  milestonesReached,
  nextMilestone,
  ordinal,
  streakOf,
  type Milestone,
  type RecognitionFacts,
} from '../recognition.js';
import { CHANNELS, GOALS, GOAL_LABELS, type Channel, type Goal } from '../../domain/tactics.js';
import { ACTIONS, COMMANDS } from '../../slack/ids.js';
import { describeCounts } from '../../logging/views/log-reply.js';
import { asText, slackDate } from '../../slack/mrkdwn.js';
import { formatInZone } from '../../domain/zoned-time.js';
import type { NextShift, TeamShift } from '../../shifts/next-shifts.js';
import type { TeamTraining } from '../../trainings/next-trainings.js';
import type { EarnedSkill, NextTraining } from '../../trainings/next-trainings.js';
import { trainingsSection } from './trainings-section.js';
import type { LadderFacts } from '../../engagement/ladder.js';
import { ladderHomeSection } from '../../engagement/views/ladder-home.js';

export const HOME_MAX_BLOCKS = 100;
const SECTION_TEXT_MAX = 3000;
const FIELD_TEXT_MAX = 2000;
const HEADER_TEXT_MAX = 150;
const BAR_WIDTH = 10;
/** Older milestones beyond these are summarised in one line; the newest matter most. */
const MILESTONES_LISTED = 8;

export interface HomeInput {
  userId: string;
  /** Monday of the person's current week. */
  thisWeek: IsoDate;
  week: readonly CellTotals[];
  allTime: readonly CellTotals[];
  recognition: RecognitionFacts;
  /** The person's next shifts (seats, offers, waitlist places), soonest first. */
  shifts?: readonly NextShift[];
  /** The person's next trainings (RSVPs, offers, waitlist places), soonest first. */
  trainings?: readonly NextTraining[];
  /** The skills the person has earned. */
  skills?: readonly EarnedSkill[];
  /** The person's zone, for the fallback text of times (Slack shows each reader their own). */
  timeZone?: string;
  /** Present only for staff and admins. */
  team?: TeamGlance;
  /** What the engagement ladder reads from the person's record: their rung and next step are shown. */
  ladder?: LadderFacts;
}

export interface TeamGlance {
  cells: readonly CellTotals[];
  people: Record<Channel | 'all', number>;
  /** Admins get a button to the settings; other staff are told who changes them. */
  canChangeSettings: boolean;
  /** For admins: no digest channel is chosen, so no weekly digest is posted. */
  missingDigestChannel?: boolean;
  /** The team's shifts that have not started, each with Edit and Cancel. */
  shifts?: readonly TeamShift[];
  trainings?: readonly TeamTraining[];
}

const CHANNEL_TITLES: Record<Channel, string> = { offline: 'Offline', online: 'Online' };

export function homeView(input: HomeInput): HomeView {
  const hasHistory = input.recognition.totalActions > 0;
  // In the order they matter; if the limit ever bit, the later ones would give way first.
  const sections: KnownBlock[][] = [
    greeting(input),
    shiftsSection(input.shifts ?? [], input.timeZone ?? 'UTC'),
    trainingsSection(input.trainings ?? [], input.skills ?? [], input.timeZone ?? 'UTC'),
    hasHistory ? periodSection('This week', `since ${formatDay(input.thisWeek)}`, input.week, 'Nothing logged yet this week — one door, one call or one post gets it going.') : [],
    hasHistory ? periodSection('All time', undefined, input.allTime, 'Nothing logged yet.') : [],
    hasHistory ? recognitionSection(input) : [],
    input.ladder ? ladderHomeSection(input.ladder) : [],
    input.team ? teamSection(input.team, input.thisWeek, input.timeZone ?? 'UTC') : [],
    footer(),
  ];
  return { type: 'home', blocks: fitWithin(sections, HOME_MAX_BLOCKS) };
}

/** Keeps whole sections, in order, while they fit; a section that would overflow is left out. */
export function fitWithin(sections: readonly (readonly KnownBlock[])[], maxBlocks: number): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  for (const section of sections) {
    if (blocks.length + section.length <= maxBlocks) blocks.push(...section);
  }
  return blocks;
}

/** `▇▇▇▇▁▁▁▁▁▁`: `value` against the biggest value in the same section; anything above zero shows. */
export function textBar(value: number, max: number, width = BAR_WIDTH): string {
  const filled = value <= 0 || max <= 0 ? 0 : Math.min(width, Math.max(1, Math.round((value / max) * width)));
  return `${'▇'.repeat(filled)}${'▁'.repeat(width - filled)}`;
}

function greeting(input: HomeInput): KnownBlock[] {
  const intro =
    input.recognition.totalActions > 0
      ? `Hi <@${input.userId}>! Here is what your organizing adds up to — offline and online, both count.`
      : `Hi <@${input.userId}>! Nothing logged yet. Knocked on doors, made calls, posted, wrote a letter? Log it here and watch it add up — offline and online, both count.`;
  return [
    header('Your organizing'),
    section(intro),
    {
      type: 'actions',
      block_id: 'home_quick_actions',
      elements: [
        button('Log an action', ACTIONS.homeLogAction, 'primary'),
        button('Find a shift', ACTIONS.homeFindShift),
        button('Upcoming trainings', ACTIONS.homeUpcomingTrainings),
      ],
    } satisfies ActionsBlock,
  ];
}

/** Offline and online side by side, then the three goals, each bar scaled within its own block. */
function periodSection(title: string, subtitle: string | undefined, cells: readonly CellTotals[], emptyText: string): KnownBlock[] {
  const blocks: KnownBlock[] = [{ type: 'divider' }, header(title)];
  if (subtitle) blocks.push(context(subtitle));
  const totals = totalsByChannel(cells);
  if (totals.offline.actions + totals.online.actions === 0) {
    blocks.push(section(emptyText));
    return blocks;
  }
  const busiest = Math.max(totals.offline.actions, totals.online.actions);
  blocks.push({
    type: 'section',
    fields: CHANNELS.map((channel) => ({ type: 'mrkdwn' as const, text: truncate(channelField(CHANNEL_TITLES[channel], totals[channel], busiest), FIELD_TEXT_MAX) })),
  });
  blocks.push(section(byGoal(cells, (n) => actionsWord(n))));
  return blocks;
}

function channelField(title: string, totals: ChannelTotals, busiest: number, suffix = ''): string {
  const lines = [`*${title}*`, `\`${textBar(totals.actions, busiest)}\` ${actionsWord(totals.actions)}${suffix}`];
  if (totals.actions > 0) lines.push(describeCounts(totals.counts));
  return lines.join('\n');
}

/** One line per goal: its offline and online actions, bars scaled to the busiest cell. */
function byGoal(cells: readonly CellTotals[], describe: (actions: number) => string): string {
  const actions = (goal: Goal, channel: Channel) => cells.filter((c) => c.goal === goal && c.channel === channel).reduce((sum, c) => sum + c.actions, 0);
  const busiest = Math.max(0, ...cells.map((c) => c.actions));
  const lines = GOALS.map((goal) => {
    const parts = CHANNELS.map((channel) => `${channel} \`${textBar(actions(goal, channel), busiest, 6)}\` ${describe(actions(goal, channel))}`);
    return `*${GOAL_LABELS[goal]}*  ${parts.join('  ·  ')}`;
  });
  return `*By goal*\n${lines.join('\n')}`;
}

function recognitionSection(input: HomeInput): KnownBlock[] {
  const facts = input.recognition;
  const blocks: KnownBlock[] = [{ type: 'divider' }, header('Your milestones')];
  const lines = [streakLine(facts), mixLine(totalsByChannel(input.allTime))].filter((line) => line !== '');
  blocks.push(section(lines.join('\n')));

  const milestones = milestonesReached(facts);
  if (milestones.length > 0) {
    const listed = milestones.slice(0, MILESTONES_LISTED).map(milestoneLine);
    const earlier = milestones.length - listed.length;
    if (earlier > 0) listed.push(`…and ${earlier} earlier ${earlier === 1 ? 'milestone' : 'milestones'}.`);
    blocks.push(section(listed.join('\n')));
  }
  const next = nextMilestone(facts.totalActions);
  if (next) blocks.push(context(`${actionsWord(next.toGo)} to go until your ${ordinal(next.count)}.`));
  return blocks;
}

function streakLine(facts: RecognitionFacts): string {
  const streak = streakOf(facts);
  if (streak.weeks === 0) return ':seedling: Log an action this week to start a streak of weeks in a row.';
  const run = `${streak.weeks} ${streak.weeks === 1 ? 'week' : 'weeks'} in a row`;
  return streak.includesThisWeek
    ? `:fire: *${run}* with an action, this week included.`
    : `:hourglass_flowing_sand: *${run}* with an action — log one this week to make it ${streak.weeks + 1}.`;
}

function mixLine(totals: Record<Channel, ChannelTotals>): string {
  switch (contributionMix({ offline: totals.offline.actions, online: totals.online.actions })) {
    case 'both':
      return ':handshake: You organize both offline and online — face to face and on the screen, the combination that wins campaigns.';
    case 'offline':
      return ':house: Your work so far is offline, face to face. Online actions (emails, petitions, posts) count here too.';
    case 'online':
      return ':computer: Your work so far is online. Offline actions (one-on-ones, doors, phone banks) count here too.';
    case 'none':
      return '';
  }
}

function milestoneLine(milestone: Milestone): string {
  const when = formatLongDay(milestone.reachedOn);
  return milestone.isNew ? `:tada: *New this week:* ${milestone.label} — ${when}` : `:white_check_mark: ${milestone.label} — ${when}`;
}

function teamSection(team: TeamGlance, thisWeek: IsoDate, timeZone: string): KnownBlock[] {
  const blocks: KnownBlock[] = [
    { type: 'divider' },
    header('Team this week'),
    context(`Everyone's actions since ${formatDay(thisWeek)}, for staff: where the team's energy is going, not who did most.`),
  ];
  const totals = totalsByChannel(team.cells);
  if (totals.offline.actions + totals.online.actions === 0) {
    blocks.push(section('No actions logged by the team yet this week.'));
  } else {
    const busiest = Math.max(totals.offline.actions, totals.online.actions);
    blocks.push({
      type: 'section',
      fields: CHANNELS.map((channel) => ({
        type: 'mrkdwn' as const,
        text: truncate(channelField(CHANNEL_TITLES[channel], totals[channel], busiest, ` by ${peopleWord(team.people[channel])}`), FIELD_TEXT_MAX),
      })),
    });
    blocks.push(section(byGoal(team.cells, actionsWord)));
    blocks.push(context(`${peopleWord(team.people.all)} took action this week.`));
  }
  if (team.missingDigestChannel) {
    blocks.push(section(':information_source: *No weekly digest is posted yet:* choose a digest channel (and its day and time) in Team settings, then invite me to that channel.'));
  }
  const staffButtons = [button('New shift', ACTIONS.homeNewShift), button('New training', ACTIONS.homeNewTraining), ...(team.canChangeSettings ? [button('Team settings', ACTIONS.homeSettings)] : [])];
  blocks.push({ type: 'actions', block_id: 'home_staff_actions', elements: staffButtons });
  if (!team.canChangeSettings) blocks.push(context(`Team settings (digest, staff and leader groups) are changed by admins with \`${COMMANDS.groundwork} settings\`.`));
  blocks.push(...teamShiftsSection(team.shifts ?? [], timeZone));
  blocks.push(...teamTrainingsSection(team.trainings ?? [], timeZone));
  return blocks;
}

/** The team's next trainings for staff, each with Edit and Cancel; nothing when none is scheduled. */
function teamTrainingsSection(trainings: readonly TeamTraining[], timeZone: string): KnownBlock[] {
  if (trainings.length === 0) return [];
  const blocks: KnownBlock[] = [header("Team's upcoming trainings")];
  for (const training of trainings) {
    const when = slackDate(training.startsAt, formatInZone(training.startsAt, timeZone));
    const seats = training.capacity === null ? `${training.filled} RSVPed, no seat limit` : `${training.filled} of ${training.capacity} seats taken`;
    blocks.push(section(`*${asText(training.title)}* (#${training.opportunityId})\n${when} · ${seats}`), {
      type: 'actions',
      block_id: `home_team_training_${training.opportunityId}`,
      elements: [
        { type: 'button', action_id: ACTIONS.homeEditTraining, text: { type: 'plain_text', text: 'Edit' }, value: String(training.opportunityId) },
        { type: 'button', action_id: ACTIONS.homeCancelTraining, text: { type: 'plain_text', text: 'Cancel' }, style: 'danger', value: String(training.opportunityId) },
      ],
    });
  }
  return blocks;
}

/** The team's next shifts for staff, each with Edit and Cancel; nothing when none is scheduled. */
function teamShiftsSection(shifts: readonly TeamShift[], timeZone: string): KnownBlock[] {
  if (shifts.length === 0) return [];
  const blocks: KnownBlock[] = [header("Team's upcoming shifts")];
  for (const shift of shifts) {
    const when = slackDate(shift.startsAt, formatInZone(shift.startsAt, timeZone));
    blocks.push(
      section(`*${asText(shift.title)}* (#${shift.opportunityId})\n${when} · ${shift.filled} of ${shift.capacity} seats taken`),
      {
        type: 'actions',
        block_id: `home_team_shift_${shift.opportunityId}`,
        elements: [
          { type: 'button', action_id: ACTIONS.homeEditShift, text: { type: 'plain_text', text: 'Edit' }, value: String(shift.opportunityId) },
          { type: 'button', action_id: ACTIONS.homeCancelShift, text: { type: 'plain_text', text: 'Cancel' }, style: 'danger', value: String(shift.opportunityId) },
        ],
      },
    );
  }
  return blocks;
}

/** The person's next shifts, each with a Leave button; nothing when they have none. */
function shiftsSection(shifts: readonly NextShift[], timeZone: string): KnownBlock[] {
  if (shifts.length === 0) return [];
  const blocks: KnownBlock[] = [{ type: 'divider' }, header('Your next shifts')];
  for (const shift of shifts) {
    const status =
      shift.status === 'seated'
        ? ':white_check_mark: you hold a seat'
        : shift.status === 'waiting'
          ? ":hourglass_flowing_sand: you're on the waitlist"
          : ':tada: a seat is held for you: confirm it in my DM';
    const when = slackDate(shift.startsAt, formatInZone(shift.startsAt, timeZone));
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: truncate(`*${asText(shift.title)}* (#${shift.opportunityId})\n${when}\n${status}`, SECTION_TEXT_MAX) },
      accessory: { type: 'button', action_id: ACTIONS.shiftLeave, text: { type: 'plain_text', text: shift.status === 'waiting' ? 'Leave waitlist' : 'Leave' }, value: String(shift.opportunityId) },
    });
  }
  return blocks;
}

function footer(): KnownBlock[] {
  return [{ type: 'divider' }, context('Groundwork shows you your own progress, never a leaderboard: every door, call and post counts.')];
}

function header(text: string): KnownBlock {
  return { type: 'header', text: { type: 'plain_text', text: truncate(text, HEADER_TEXT_MAX) } };
}

function section(text: string): KnownBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: truncate(text, SECTION_TEXT_MAX) } };
}

function context(text: string): KnownBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: truncate(text, SECTION_TEXT_MAX) }] };
}

function button(text: string, actionId: string, style?: 'primary'): Button {
  return { type: 'button', action_id: actionId, text: { type: 'plain_text', text }, ...(style ? { style } : {}) };
}

function actionsWord(n: number): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? 'action' : 'actions'}`;
}

function peopleWord(n: number): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? 'person' : 'people'}`;
}

// Built once: toLocaleDateString builds a formatter on every call (~0.1 ms each).
const LONG_DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** "20 Nov 2025": milestones can be years old, so the year matters here. */
function formatLongDay(date: IsoDate): string {
  return LONG_DAY.format(new Date(`${date}T00:00:00Z`));
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
