/**
 * A shift's roster for staff: who holds a seat, who has a seat on offer (until when), who is waiting
 * (in order), and a person picker to remove someone. Once the shift has started, the seats are
 * listed to tick who came instead (the rest are no-shows), with the turnout so far. Lists of names
 * are packed into a few sections and ticks into groups of 10, so even a 500-seat shift stays inside
 * Slack's 100 blocks. Pure, with the reader of the ticks.
 */
import type { KnownBlock, ModalView, MrkdwnOption } from '@slack/types';
import { z } from 'zod';
import type { ClaimRow } from '../../db/schema.js';
import { canMarkAttendance, turnoutOf } from '../../signups/attendance-rules.js';
import type { Roster } from '../../signups/queries/claims.js';
import { SHIFT_BLOCKS, VIEWS } from '../../slack/ids.js';
import { truncate } from '../../slack/mrkdwn.js';
import { checkboxes, readInputs, type InputReader, type InputsRead } from '../../slack/read-payload.js';
import type { Shift } from '../queries.js';
import { seatsLine, titleOf, when, whenAndLength } from './shift-text.js';

const SECTION_MAX = 3000;
/** Slack's limit on the options of one checkboxes element. */
const TICKS_PER_GROUP = 10;

export function rosterModal(options: { shift: Shift; roster: Roster; timeZone: string; now: Date; notice?: string }): ModalView {
  const { shift, roster, timeZone, now, notice } = options;
  const { opportunity, details } = shift;
  const canRemove = opportunity.status === 'open' && now.getTime() < opportunity.starts_at.getTime();
  const canMark = canMarkAttendance(opportunity, now) && roster.seated.length > 0;
  const blocks: KnownBlock[] = [];
  if (notice) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: truncate(notice, SECTION_MAX) } });
  blocks.push(
    { type: 'section', text: { type: 'mrkdwn', text: `${titleOf(details, opportunity)}${opportunity.status === 'cancelled' ? ' — *cancelled*' : ''}\n${whenAndLength(opportunity, timeZone)}\n*Seats:* ${seatsLine(opportunity, roster.waiting.length)}` } },
    { type: 'divider' },
    ...listSections(`*Holding a seat (${roster.seated.length})*`, roster.seated.map((c) => `<@${c.user_id}>`), 'Nobody yet.'),
  );
  if (canMarkAttendance(opportunity, now)) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: turnoutLine(roster.seated) } });
  if (roster.offered.length > 0) {
    blocks.push(...listSections(`*Offered a freed seat (${roster.offered.length})*`, roster.offered.map((c) => `<@${c.user_id}> until ${c.offer_expires_at ? when(c.offer_expires_at, timeZone) : '?'}`), ''));
  }
  blocks.push(...listSections(`*Waitlist (${roster.waiting.length})*`, roster.waiting.map((c, i) => `${i + 1}. <@${c.user_id}>`), 'Nobody waiting.'));
  if (canRemove) {
    blocks.push({
      type: 'input',
      block_id: SHIFT_BLOCKS.remove,
      label: { type: 'plain_text', text: 'Remove someone' },
      hint: { type: 'plain_text', text: 'They get a DM; their seat goes to the first person waiting.' },
      element: { type: 'users_select', action_id: 'value', placeholder: { type: 'plain_text', text: 'Choose a person on this shift' } },
    });
  }
  if (canMark) blocks.push({ type: 'divider' }, ...attendanceBlocks(roster.seated));
  return {
    type: 'modal',
    callback_id: canMark ? VIEWS.shiftAttendance : VIEWS.shiftRoster,
    title: { type: 'plain_text', text: `Roster #${opportunity.id}`.slice(0, 24) },
    close: { type: 'plain_text', text: 'Done' },
    ...(canRemove ? { submit: { type: 'plain_text', text: 'Remove' } } : canMark ? { submit: { type: 'plain_text', text: 'Save attendance' } } : {}),
    private_metadata: JSON.stringify({ opportunityId: opportunity.id }),
    blocks,
  };
}

/** A heading and a list of names, split over as many sections as 3,000 characters each need. */
function listSections(heading: string, names: readonly string[], empty: string): KnownBlock[] {
  if (names.length === 0) return empty ? [{ type: 'section', text: { type: 'mrkdwn', text: `${heading}\n${empty}` } }] : [];
  const sections: string[] = [heading];
  for (const name of names) {
    const last = sections[sections.length - 1]!;
    if (last.length + name.length + 2 > SECTION_MAX) sections.push(name);
    else sections[sections.length - 1] = last === heading ? `${last}\n${name}` : `${last}, ${name}`;
  }
  return sections.map((text) => ({ type: 'section', text: { type: 'mrkdwn', text } }));
}

/** "Turnout: 7 of 10 came · 3 no-shows (30%)", or that nobody has marked it yet. */
function turnoutLine(seated: readonly ClaimRow[]): string {
  const turnout = turnoutOf(seated);
  if (turnout.noShowRate === null) return `*Turnout:* not marked yet${seated.length > 0 ? '. Tick who came below; the rest are no-shows.' : '.'}`;
  const noShows = `${turnout.noShows} ${turnout.noShows === 1 ? 'no-show' : 'no-shows'}`;
  return `*Turnout:* ${turnout.came} of ${turnout.marked} came · ${noShows} (no-show rate ${Math.round(turnout.noShowRate * 100)}%)`;
}

/** The seats in groups of 10, as the checkboxes list them; the reader checks a submission against the same groups. */
function groupsOf(seated: readonly ClaimRow[]): ClaimRow[][] {
  const groups: ClaimRow[][] = [];
  for (let i = 0; i < seated.length; i += TICKS_PER_GROUP) groups.push(seated.slice(i, i + TICKS_PER_GROUP));
  return groups;
}

function attendanceBlocks(seated: readonly ClaimRow[]): KnownBlock[] {
  const groups = groupsOf(seated);
  return groups.map((group, index) => {
    const option = (claim: ClaimRow): MrkdwnOption => ({ text: { type: 'mrkdwn', text: `<@${claim.user_id}>` }, value: claim.user_id });
    const came = group.filter((claim) => claim.attended === true).map(option);
    return {
      type: 'input',
      block_id: `${SHIFT_BLOCKS.attendancePrefix}${index}`,
      optional: true,
      label: { type: 'plain_text', text: groups.length === 1 ? 'Who came' : `Who came (${index * TICKS_PER_GROUP + 1}–${index * TICKS_PER_GROUP + group.length} of ${seated.length})` },
      ...(index === groups.length - 1 ? { hint: { type: 'plain_text', text: 'Everyone not ticked is counted as a no-show.' } } : {}),
      element: { type: 'checkboxes', action_id: 'value', options: group.map(option), ...(came.length > 0 ? { initial_options: came } : {}) },
    };
  });
}

/**
 * Who was ticked as having come, read against the seats the form listed: a person who was never
 * an option is an error on that group's field.
 */
export function readAttendance(values: Readonly<Record<string, unknown>>, seated: readonly ClaimRow[]): InputsRead<string[]> {
  const spec: Record<string, InputReader<string[]>> = {};
  groupsOf(seated).forEach((group, index) => {
    const [first, ...rest] = group.map((claim) => claim.user_id);
    spec[`${SHIFT_BLOCKS.attendancePrefix}${index}`] = checkboxes(z.enum([first!, ...rest]));
  });
  const read = readInputs(values, spec);
  if (!read.ok) return { ok: false, errors: read.errors, partial: [] };
  return { ok: true, data: Object.values(read.data).flat() };
}
