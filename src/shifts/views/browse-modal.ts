/**
 * The /shifts modal: shifts in the next two weeks the person may claim, their own first, each with
 * its time, seats left and one button (Claim, Join waitlist, Leave, Confirm). Pages of PAGE_SIZE
 * shifts keep it far inside Slack's 100 blocks however many are scheduled. Pure.
 */
import type { Button, KnownBlock, ModalView } from '@slack/types';
import { z } from 'zod';
import type { ListedOpportunity } from '../../signups/queries/opportunities.js';
import { ACTIONS, COMMANDS, SHIFTS_BROWSE_CALLBACK } from '../../slack/ids.js';
import { truncate } from '../../slack/mrkdwn.js';
import type { SlackMessage } from '../../slack/messages.js';
import { readActionValue, readMetadata } from '../../slack/read-payload.js';
import type { ShiftDetails } from '../queries.js';
import { requiredSkillLine, seatsLine, titleOf, when, whenAndLength, whoMayClaim } from './shift-text.js';

export const PAGE_SIZE = 20;
export const BROWSE_DAYS = 14;
/** No team schedules 20,000 shifts in two weeks. */
const MAX_PAGE = 999;

export interface BrowseItem {
  opportunity: ListedOpportunity;
  details: ShiftDetails;
}

export interface BrowseInput {
  items: readonly BrowseItem[];
  /** 0-based. */
  page: number;
  total: number;
  timeZone: string;
  /** The answer to the button just pressed, shown on top with its own buttons (a refusal's RSVP to the training it needs). */
  notice?: SlackMessage;
}

export function browseModal(input: BrowseInput): ModalView {
  const { items, page, total, timeZone, notice } = input;
  const blocks: KnownBlock[] = [];
  if (notice) blocks.push(...notice.blocks, { type: 'divider' });
  const mine = items.filter((item) => item.opportunity.myStatus !== null);
  const others = items.filter((item) => item.opportunity.myStatus === null);
  if (mine.length > 0) {
    blocks.push(section('*Your shifts*'));
    for (const item of mine) blocks.push(itemBlock(item, timeZone));
  }
  if (others.length > 0) {
    blocks.push(section(page === 0 && mine.length === 0 ? '*Shifts in the next two weeks*' : '*More shifts*'));
    for (const item of others) blocks.push(itemBlock(item, timeZone));
  }
  if (items.length === 0) {
    blocks.push(section(`No phone-bank shifts you can claim in the next ${BROWSE_DAYS} days. Staff schedule them with \`${COMMANDS.shift} new\`; check back soon.`));
  }
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  if (pages > 1) {
    const nav: Button[] = [];
    if (page > 0) nav.push({ type: 'button', action_id: `${ACTIONS.shiftsPage}`, text: { type: 'plain_text', text: '← Earlier' }, value: String(page - 1) });
    if (page < pages - 1) nav.push({ type: 'button', action_id: `${ACTIONS.shiftsPage}`, text: { type: 'plain_text', text: 'Later →' }, value: String(page + 1) });
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `Page ${page + 1} of ${pages} · ${total} shifts` }] }, { type: 'actions', block_id: 'shifts_pages', elements: nav });
  }
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: 'Times show in your own time zone.' }] });
  return {
    type: 'modal',
    callback_id: SHIFTS_BROWSE_CALLBACK,
    title: { type: 'plain_text', text: 'Phone-bank shifts' },
    close: { type: 'plain_text', text: 'Close' },
    private_metadata: JSON.stringify({ page }),
    blocks,
  };
}

/** A page number as the modal writes it; far more pages than two weeks of shifts fill are not ours. */
const PAGE = z.int().min(0).max(MAX_PAGE);
const BROWSE_METADATA = z.object({ page: PAGE });

/** The page the modal showed, or null when its metadata is not what browseModal wrote. */
export function readBrowsePage(privateMetadata: unknown): number | null {
  return readMetadata(BROWSE_METADATA, privateMetadata)?.page ?? null;
}

/** The page an "Earlier" / "Later" button names, or null when its value is not one it could carry. */
export function readPageButton(value: unknown): number | null {
  return readActionValue(z.string().regex(/^(0|[1-9]\d{0,3})$/).transform(Number).pipe(PAGE), value);
}

function itemBlock(item: BrowseItem, timeZone: string): KnownBlock {
  const { opportunity, details } = item;
  const lines = [titleOf(details, opportunity), whenAndLength(opportunity, timeZone), seatsLine(opportunity, opportunity.waiting)];
  const who = whoMayClaim(opportunity);
  if (who) lines.push(who);
  const skill = requiredSkillLine(details);
  if (skill) lines.push(skill);
  const button = (text: string, actionId: string, value: number, style?: 'primary' | 'danger'): Button => ({
    type: 'button',
    action_id: actionId,
    text: { type: 'plain_text', text },
    value: String(value),
    ...(style ? { style } : {}),
  });
  let accessory: Button;
  switch (opportunity.myStatus) {
    case 'seated':
      lines.push(':white_check_mark: You hold a seat');
      accessory = button('Leave', ACTIONS.shiftLeave, opportunity.id, 'danger');
      break;
    case 'waiting':
      lines.push(":hourglass_flowing_sand: You're on the waitlist");
      accessory = button('Leave waitlist', ACTIONS.shiftLeave, opportunity.id);
      break;
    case 'offered':
      lines.push(`:tada: A seat is held for you${opportunity.myOfferExpiresAt ? ` until ${when(opportunity.myOfferExpiresAt, timeZone)}` : ''}`);
      accessory = button('Confirm my seat', ACTIONS.shiftConfirm, opportunity.myClaimId ?? 0, 'primary');
      break;
    case null:
      accessory = opportunity.filled < opportunity.capacity ? button('Claim', ACTIONS.shiftClaim, opportunity.id, 'primary') : button('Join waitlist', ACTIONS.shiftJoinWaitlist, opportunity.id);
      break;
  }
  return { type: 'section', text: { type: 'mrkdwn', text: truncate(lines.join('\n'), 3000) }, accessory };
}

function section(text: string): KnownBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: truncate(text, 3000) } };
}
