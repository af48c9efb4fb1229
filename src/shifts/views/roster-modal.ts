/**
 * A shift's roster for staff: who holds a seat, who has a seat on offer (until when), who is waiting
 * (in order), and a person picker to remove someone. Lists of names are packed into a few sections,
 * so even a 500-seat shift stays far inside Slack's 100 blocks. Pure.
 */
import type { KnownBlock, ModalView } from '@slack/types';
import type { Roster } from '../../signups/queries/claims.js';
import { SHIFT_BLOCKS, VIEWS } from '../../slack/ids.js';
import { truncate } from '../../slack/mrkdwn.js';
import type { Shift } from '../queries.js';
import { seatsLine, titleOf, when, whenAndLength } from './shift-text.js';

const SECTION_MAX = 3000;

export function rosterModal(options: { shift: Shift; roster: Roster; timeZone: string; now: Date; notice?: string }): ModalView {
  const { shift, roster, timeZone, now, notice } = options;
  const { opportunity, details } = shift;
  const canRemove = opportunity.status === 'open' && now.getTime() < opportunity.starts_at.getTime();
  const blocks: KnownBlock[] = [];
  if (notice) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: truncate(notice, SECTION_MAX) } });
  blocks.push(
    { type: 'section', text: { type: 'mrkdwn', text: `${titleOf(details, opportunity)}${opportunity.status === 'cancelled' ? ' — *cancelled*' : ''}\n${whenAndLength(opportunity, timeZone)}\n*Seats:* ${seatsLine(opportunity, roster.waiting.length)}` } },
    { type: 'divider' },
    ...listSections(`*Holding a seat (${roster.seated.length})*`, roster.seated.map((c) => `<@${c.user_id}>`), 'Nobody yet.'),
  );
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
  return {
    type: 'modal',
    callback_id: VIEWS.shiftRoster,
    title: { type: 'plain_text', text: `Roster #${opportunity.id}`.slice(0, 24) },
    close: { type: 'plain_text', text: 'Done' },
    ...(canRemove ? { submit: { type: 'plain_text', text: 'Remove' } } : {}),
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
