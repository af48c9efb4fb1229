/**
 * The shift modal, for scheduling a new shift and editing one: title, campaign or target, start
 * (a date and a time in the team's time zone, named on the form), length, seats, who may claim,
 * where, script link, and whether to announce it. Pure, with the reader of its submission.
 */
import type { KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import type { OpportunityRow } from '../../db/schema.js';
import { wallClockOf } from '../../domain/zoned-time.js';
import type { MinRole } from '../../signups/signup-rules.js';
import { SHIFT_BLOCKS, VIEWS } from '../../slack/ids.js';
import { SCRIPT_URL_MAX_CHARS, TARGET_MAX_CHARS, TITLE_MAX_CHARS, WHERE_MAX_CHARS, type ShiftField, type ShiftInput, type ShiftProblem } from '../shift-rules.js';
import type { ShiftDetails } from '../queries.js';

/** Carried through the modal: the zone its times are in, where to answer, where to announce, which shift. */
export interface ShiftModalMetadata {
  timeZone: string;
  responseUrl?: string;
  /** Where a new shift is announced; null when there is nowhere to announce it. */
  announceChannelId?: string | null;
  opportunityId?: number;
}

export type AnnounceOption = { channelId: string; source: 'settings' | 'here' } | { channelId: null; reason: string };

export function shiftModal(options: {
  mode: 'new' | 'edit';
  timeZone: string;
  /** "the team's time zone" or "your own time zone (no team zone is set)". */
  zoneNote: string;
  metadata: ShiftModalMetadata;
  announce?: AnnounceOption;
  existing?: { opportunity: OpportunityRow; details: ShiftDetails };
}): ModalView {
  const { mode, timeZone, zoneNote, metadata, announce, existing } = options;
  const start = existing ? wallClockOf(existing.opportunity.starts_at, timeZone) : null;
  const hours = existing ? (existing.opportunity.ends_at.getTime() - existing.opportunity.starts_at.getTime()) / 3_600_000 : null;
  const text = (blockId: string, label: string, maxLength: number, opts: { optional?: boolean; initial?: string | null; placeholder?: string; hint?: string; multiline?: boolean } = {}): KnownBlock => ({
    type: 'input',
    block_id: blockId,
    optional: opts.optional ?? false,
    label: { type: 'plain_text', text: label },
    ...(opts.hint ? { hint: { type: 'plain_text', text: opts.hint } } : {}),
    element: {
      type: 'plain_text_input',
      action_id: 'value',
      max_length: maxLength,
      ...(opts.multiline ? { multiline: true } : {}),
      ...(opts.initial ? { initial_value: opts.initial } : {}),
      ...(opts.placeholder ? { placeholder: { type: 'plain_text', text: opts.placeholder } } : {}),
    },
  });
  const whoOptions: Record<MinRole, PlainTextOption> = {
    volunteer: { text: { type: 'plain_text', text: 'Everyone' }, value: 'volunteer' },
    leader: { text: { type: 'plain_text', text: 'Leaders and up' }, value: 'leader' },
  };
  const blocks: KnownBlock[] = [
    text(SHIFT_BLOCKS.title, 'Title', TITLE_MAX_CHARS, { initial: existing?.details.title, placeholder: 'Call voters about the library levy' }),
    text(SHIFT_BLOCKS.target, 'Campaign or target', TARGET_MAX_CHARS, { optional: true, initial: existing?.details.target, placeholder: 'Yes on Measure L: voters in wards 3 and 4' }),
    {
      type: 'input',
      block_id: SHIFT_BLOCKS.date,
      label: { type: 'plain_text', text: 'Day' },
      element: { type: 'datepicker', action_id: 'value', ...(start ? { initial_date: start.date } : {}) },
    },
    {
      type: 'input',
      block_id: SHIFT_BLOCKS.time,
      label: { type: 'plain_text', text: `Start (${timeZone})` },
      hint: { type: 'plain_text', text: `In ${zoneNote}. Everyone sees it in their own time zone.` },
      element: { type: 'timepicker', action_id: 'value', ...(start ? { initial_time: start.time } : {}) },
    },
    text(SHIFT_BLOCKS.length, 'Length (hours)', 5, { initial: hours === null ? '2' : String(Number(hours.toFixed(2))), hint: 'e.g. 2 or 1.5; at most 12' }),
    {
      type: 'input',
      block_id: SHIFT_BLOCKS.seats,
      label: { type: 'plain_text', text: 'Seats' },
      element: { type: 'number_input', action_id: 'value', is_decimal_allowed: false, min_value: '1', ...(existing ? { initial_value: String(existing.opportunity.capacity) } : {}) },
    },
    {
      type: 'input',
      block_id: SHIFT_BLOCKS.who,
      label: { type: 'plain_text', text: 'Who may claim a seat' },
      element: {
        type: 'radio_buttons',
        action_id: 'value',
        options: [whoOptions.volunteer, whoOptions.leader],
        initial_option: whoOptions[existing?.opportunity.min_role ?? 'volunteer'],
      },
    },
    text(SHIFT_BLOCKS.where, 'Where (video link or address)', WHERE_MAX_CHARS, { initial: existing?.details.location, placeholder: 'https://meet.example.org/phonebank' }),
    text(SHIFT_BLOCKS.script, 'Script or notes link', SCRIPT_URL_MAX_CHARS, { optional: true, initial: existing?.details.script_url, placeholder: 'https://docs.example.org/script' }),
  ];
  if (mode === 'new' && announce) {
    if (announce.channelId !== null) {
      const where = announce.source === 'settings' ? `<#${announce.channelId}>` : `<#${announce.channelId}>, where you typed the command (no announcement channel is set)`;
      blocks.push({
        type: 'input',
        block_id: SHIFT_BLOCKS.announce,
        optional: true,
        label: { type: 'plain_text', text: 'Announce it' },
        element: {
          type: 'checkboxes',
          action_id: 'value',
          options: [{ text: { type: 'mrkdwn', text: `Post it in ${where} with Claim buttons` }, value: 'announce' }],
          initial_options: [{ text: { type: 'mrkdwn', text: `Post it in ${where} with Claim buttons` }, value: 'announce' }],
        },
      });
    } else {
      blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `:information_source: ${announce.reason}` }] });
    }
  }
  if (mode === 'edit') {
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: ':information_source: Everyone holding a seat or waiting gets one DM with the new details.' }] });
  }
  return {
    type: 'modal',
    callback_id: mode === 'new' ? VIEWS.shiftNew : VIEWS.shiftEdit,
    title: { type: 'plain_text', text: mode === 'new' ? 'New phone-bank shift' : `Edit shift #${metadata.opportunityId ?? ''}`.slice(0, 24) },
    submit: { type: 'plain_text', text: mode === 'new' ? 'Schedule' : 'Save' },
    close: { type: 'plain_text', text: 'Cancel' },
    private_metadata: JSON.stringify(metadata),
    blocks,
  };
}

export function readShiftModalMetadata(privateMetadata: string): ShiftModalMetadata | null {
  try {
    const parsed = JSON.parse(privateMetadata) as Partial<ShiftModalMetadata>;
    if (typeof parsed.timeZone !== 'string') return null;
    return {
      timeZone: parsed.timeZone,
      ...(typeof parsed.responseUrl === 'string' ? { responseUrl: parsed.responseUrl } : {}),
      announceChannelId: typeof parsed.announceChannelId === 'string' ? parsed.announceChannelId : null,
      ...(typeof parsed.opportunityId === 'number' ? { opportunityId: parsed.opportunityId } : {}),
    };
  } catch {
    return null;
  }
}

type StateValues = Record<string, Record<string, { value?: string | null; selected_date?: string | null; selected_time?: string | null; selected_option?: { value: string } | null; selected_options?: { value: string }[] }>>;

/** The modal's values as typed; the rules in shift-rules.ts say what is wrong with them. */
export function readShiftSubmission(values: StateValues): ShiftInput {
  const field = (blockId: string) => values[blockId]?.value;
  const text = (blockId: string) => {
    const value = field(blockId)?.value;
    return typeof value === 'string' && value.trim() !== '' ? value : null;
  };
  return {
    title: text(SHIFT_BLOCKS.title),
    target: text(SHIFT_BLOCKS.target),
    date: field(SHIFT_BLOCKS.date)?.selected_date ?? null,
    time: field(SHIFT_BLOCKS.time)?.selected_time ?? null,
    length: text(SHIFT_BLOCKS.length),
    seats: text(SHIFT_BLOCKS.seats),
    minRole: field(SHIFT_BLOCKS.who)?.selected_option?.value === 'leader' ? 'leader' : 'volunteer',
    where: text(SHIFT_BLOCKS.where),
    scriptUrl: text(SHIFT_BLOCKS.script),
    announce: (field(SHIFT_BLOCKS.announce)?.selected_options ?? []).some((option) => option.value === 'announce'),
  };
}

const BLOCK_OF: Record<ShiftField, string> = {
  title: SHIFT_BLOCKS.title,
  target: SHIFT_BLOCKS.target,
  date: SHIFT_BLOCKS.date,
  time: SHIFT_BLOCKS.time,
  length: SHIFT_BLOCKS.length,
  seats: SHIFT_BLOCKS.seats,
  where: SHIFT_BLOCKS.where,
  script: SHIFT_BLOCKS.script,
};

/** Problems keyed by the block they belong on, as the ack's `errors` wants them (the first per field). */
export function shiftErrorsByBlock(problems: readonly ShiftProblem[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const problem of problems) errors[BLOCK_OF[problem.field]] ??= problem.message;
  return errors;
}
