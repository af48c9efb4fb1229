/**
 * The shift modal, for scheduling a new shift and editing one: title, campaign or target, start
 * (a date and a time in the team's time zone, named on the form), length, seats, who may claim,
 * where, script link, and whether to announce it. Pure, with the reader of its submission.
 */
import type { KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import { z } from 'zod';
import type { OpportunityRow } from '../../db/schema.js';
import { wallClockOf } from '../../domain/zoned-time.js';
import { TACTIC_IDS, allTactics, type TacticId } from '../../domain/tactics.js';
import type { MinRole } from '../../signups/signup-rules.js';
import type { AnnounceOption } from '../../signups/scheduling-context.js';
import { SHIFT_BLOCKS, VIEWS } from '../../slack/ids.js';
import {
  UNREADABLE_FIELD,
  channelId,
  checkboxes,
  datePicker,
  radioButtons,
  readInputs,
  staticSelect,
  readMetadata,
  stateValuesOf,
  textInput,
  timePicker,
  wholeNumberInput,
  whenPresent,
} from '../../slack/read-payload.js';
import { timeZoneName } from '../../team/time-zone.js';
import { SCRIPT_URL_MAX_CHARS, TARGET_MAX_CHARS, TITLE_MAX_CHARS, WHERE_MAX_CHARS, checkShift, type ShiftField, type ShiftInput, type ShiftPlan, type ShiftProblem } from '../shift-rules.js';
import type { ShiftDetails } from '../queries.js';

/** Carried through the modal: the zone its times are in, where to answer, where to announce, which shift. */
export interface ShiftModalMetadata {
  timeZone: string;
  responseUrl?: string;
  /** Where a new shift is announced; null when there is nowhere to announce it. */
  announceChannelId?: string | null;
  opportunityId?: number;
}


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
    requiredSkillBlock(existing?.details.required_skill ?? null),
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

/** "Requires a skill": optional; people without it are pointed to the next training for it. */
function requiredSkillBlock(initial: TacticId | null): KnownBlock {
  const option = (id: TacticId, name: string): PlainTextOption => ({ text: { type: 'plain_text', text: name }, value: id });
  const options = allTactics().map((tactic) => option(tactic.id, tactic.name));
  const chosen = initial ? options.find((o) => o.value === initial) : undefined;
  return {
    type: 'input',
    block_id: SHIFT_BLOCKS.skill,
    optional: true,
    label: { type: 'plain_text', text: 'Requires a skill' },
    hint: { type: 'plain_text', text: 'Only people who earned it at a training (or whom staff recorded) can claim a seat; the others are shown the next training for it.' },
    element: { type: 'static_select', action_id: 'value', placeholder: { type: 'plain_text', text: 'No skill needed' }, options, ...(chosen ? { initial_option: chosen } : {}) },
  };
}

/** Exactly what shiftModalView writes; a zone that is not a real IANA zone was not written by us. */
const SHIFT_MODAL_METADATA = z.object({
  timeZone: timeZoneName,
  responseUrl: z.string().max(2000).optional(),
  announceChannelId: channelId.nullable().optional(),
  opportunityId: z.int().positive().optional(),
});

/** The shift modal's metadata, or null when it is not what the modal wrote. */
export function readShiftModalMetadata(privateMetadata: unknown): ShiftModalMetadata | null {
  return readMetadata(SHIFT_MODAL_METADATA, privateMetadata);
}

const SHIFT_INPUTS = {
  [SHIFT_BLOCKS.title]: textInput(),
  [SHIFT_BLOCKS.target]: textInput(),
  [SHIFT_BLOCKS.date]: datePicker(),
  [SHIFT_BLOCKS.time]: timePicker(),
  [SHIFT_BLOCKS.length]: textInput(),
  [SHIFT_BLOCKS.seats]: wholeNumberInput(),
  [SHIFT_BLOCKS.who]: radioButtons(z.enum(['volunteer', 'leader']), { required: 'Choose who may claim a seat.' }),
  [SHIFT_BLOCKS.where]: textInput(),
  [SHIFT_BLOCKS.script]: textInput(),
  // Only a new shift with somewhere to announce it has this block.
  [SHIFT_BLOCKS.announce]: whenPresent(checkboxes(z.literal('announce'))),
  // Absent from a modal opened before skills existed: no skill needed.
  [SHIFT_BLOCKS.skill]: whenPresent(staticSelect(z.enum(TACTIC_IDS), { invalid: 'Choose a skill from the list, or leave it empty.' })),
};

/**
 * The modal's values as typed, read through the shared reader; the rules in shift-rules.ts say what
 * is wrong with them. A field Slack could not have sent is an error on that field, named together
 * with every problem the rules find in the fields that could be read.
 */
export function readShiftSubmission(view: unknown, context: { now: Date; timeZone: string }): { ok: true; plan: ShiftPlan } | { ok: false; errors: Record<string, string> } {
  const values = stateValuesOf(view);
  if (values === null) return { ok: false, errors: { [SHIFT_BLOCKS.title]: UNREADABLE_FIELD } };
  const read = readInputs(values, SHIFT_INPUTS);
  const fields = read.ok ? read.data : read.partial;
  const input: ShiftInput = {
    title: fields[SHIFT_BLOCKS.title] ?? null,
    target: fields[SHIFT_BLOCKS.target] ?? null,
    date: fields[SHIFT_BLOCKS.date] ?? null,
    time: fields[SHIFT_BLOCKS.time] ?? null,
    length: fields[SHIFT_BLOCKS.length] ?? null,
    seats: fields[SHIFT_BLOCKS.seats] ?? null,
    minRole: fields[SHIFT_BLOCKS.who] ?? 'volunteer',
    where: fields[SHIFT_BLOCKS.where] ?? null,
    scriptUrl: fields[SHIFT_BLOCKS.script] ?? null,
    requiredSkill: fields[SHIFT_BLOCKS.skill] ?? null,
    announce: (fields[SHIFT_BLOCKS.announce] ?? []).includes('announce'),
  };
  const checked = checkShift(input, context);
  if (read.ok && checked.ok) return checked;
  // An unreadable field's own error wins over what the rules say about it being empty.
  return { ok: false, errors: { ...(checked.ok ? {} : shiftErrorsByBlock(checked.problems)), ...(read.ok ? {} : read.errors) } };
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
function shiftErrorsByBlock(problems: readonly ShiftProblem[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const problem of problems) errors[BLOCK_OF[problem.field]] ??= problem.message;
  return errors;
}
