/**
 * The training modal, for scheduling a new training and editing one: title, format (in person,
 * webinar, conference call), the skill it prepares for (a tactic from the catalog), day and start in
 * the team's time zone, length, seats (empty: unlimited), place or link, description, and whether
 * to announce it. Pure, with the reader of its submission.
 */
import type { KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import { z } from 'zod';
import type { TrainingFormat } from '../../db/schema.js';
import { TACTIC_IDS, allTactics, type TacticId } from '../../domain/tactics.js';
import { wallClockOf } from '../../domain/zoned-time.js';
import { TRAINING_BLOCKS, VIEWS } from '../../slack/ids.js';
import { UNREADABLE_FIELD, channelId, checkboxes, datePicker, radioButtons, readInputs, readMetadata, staticSelect, stateValuesOf, textInput, timePicker, wholeNumberInput, whenPresent } from '../../slack/read-payload.js';
import { timeZoneName } from '../../team/time-zone.js';
import type { AnnounceOption } from '../../signups/scheduling-context.js';
import type { Training } from '../queries/trainings.js';
import { DESCRIPTION_MAX_CHARS, FORMAT_LABELS, TITLE_MAX_CHARS, TRAINING_FORMATS, WHERE_MAX_CHARS, checkTraining, type TrainingField, type TrainingInput, type TrainingPlan, type TrainingProblem } from '../training-rules.js';

export interface TrainingModalMetadata {
  timeZone: string;
  responseUrl?: string;
  announceChannelId?: string | null;
  opportunityId?: number;
}

export function trainingModal(options: { mode: 'new' | 'edit'; timeZone: string; zoneNote: string; metadata: TrainingModalMetadata; announce?: AnnounceOption; existing?: Training }): ModalView {
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
  const formatOption = (format: TrainingFormat): PlainTextOption => ({ text: { type: 'plain_text', text: FORMAT_LABELS[format] }, value: format });
  const skillOption = (id: TacticId, name: string): PlainTextOption => ({ text: { type: 'plain_text', text: name }, value: id });
  const skills = allTactics().map((tactic) => skillOption(tactic.id, tactic.name));
  const chosenSkill = existing ? skills.find((o) => o.value === existing.details.skill) : undefined;
  const blocks: KnownBlock[] = [
    text(TRAINING_BLOCKS.title, 'Title', TITLE_MAX_CHARS, { initial: existing?.details.title, placeholder: 'Door knocking 101' }),
    {
      type: 'input',
      block_id: TRAINING_BLOCKS.format,
      label: { type: 'plain_text', text: 'Kind' },
      element: { type: 'radio_buttons', action_id: 'value', options: TRAINING_FORMATS.map(formatOption), initial_option: formatOption(existing?.details.format ?? 'in_person') },
    },
    {
      type: 'input',
      block_id: TRAINING_BLOCKS.skill,
      label: { type: 'plain_text', text: 'Skill it prepares for' },
      hint: { type: 'plain_text', text: 'Everyone marked as having come earns it; shifts that require it open up to them.' },
      element: { type: 'static_select', action_id: 'value', placeholder: { type: 'plain_text', text: 'Choose a tactic' }, options: skills, ...(chosenSkill ? { initial_option: chosenSkill } : {}) },
    },
    { type: 'input', block_id: TRAINING_BLOCKS.date, label: { type: 'plain_text', text: 'Day' }, element: { type: 'datepicker', action_id: 'value', ...(start ? { initial_date: start.date } : {}) } },
    {
      type: 'input',
      block_id: TRAINING_BLOCKS.time,
      label: { type: 'plain_text', text: `Start (${timeZone})` },
      hint: { type: 'plain_text', text: `In ${zoneNote}. Everyone sees it in their own time zone.` },
      element: { type: 'timepicker', action_id: 'value', ...(start ? { initial_time: start.time } : {}) },
    },
    text(TRAINING_BLOCKS.length, 'Length (hours)', 5, { initial: hours === null ? '1.5' : String(Number(hours.toFixed(2))), hint: 'e.g. 2 or 1.5; at most 12' }),
    {
      type: 'input',
      block_id: TRAINING_BLOCKS.seats,
      optional: true,
      label: { type: 'plain_text', text: 'Seats' },
      hint: { type: 'plain_text', text: 'Leave empty for unlimited.' },
      element: { type: 'number_input', action_id: 'value', is_decimal_allowed: false, min_value: '1', ...(existing && !existing.details.unlimited ? { initial_value: String(existing.opportunity.capacity) } : {}) },
    },
    text(TRAINING_BLOCKS.where, 'Place or link', WHERE_MAX_CHARS, { initial: existing?.details.location, placeholder: 'Union hall, 12 Main St — or https://meet.example.org/training', hint: 'A webinar or conference call needs a link.' }),
    text(TRAINING_BLOCKS.description, 'Description', DESCRIPTION_MAX_CHARS, { optional: true, multiline: true, initial: existing?.details.description, placeholder: 'What people will learn, what to bring.' }),
  ];
  if (mode === 'new' && announce) {
    if (announce.channelId !== null) {
      const where = announce.source === 'settings' ? `<#${announce.channelId}>` : `<#${announce.channelId}>, where you typed the command (no announcement channel is set)`;
      const option = { text: { type: 'mrkdwn' as const, text: `Post it in ${where} with RSVP buttons` }, value: 'announce' };
      blocks.push({ type: 'input', block_id: TRAINING_BLOCKS.announce, optional: true, label: { type: 'plain_text', text: 'Announce it' }, element: { type: 'checkboxes', action_id: 'value', options: [option], initial_options: [option] } });
    } else {
      blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `:information_source: ${announce.reason}` }] });
    }
  }
  if (mode === 'edit') blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: ':information_source: Everyone who RSVPed or is waiting gets one DM with the new details.' }] });
  return {
    type: 'modal',
    callback_id: mode === 'new' ? VIEWS.trainingNew : VIEWS.trainingEdit,
    title: { type: 'plain_text', text: mode === 'new' ? 'New training' : `Edit training #${metadata.opportunityId ?? ''}`.slice(0, 24) },
    submit: { type: 'plain_text', text: mode === 'new' ? 'Schedule' : 'Save' },
    close: { type: 'plain_text', text: 'Cancel' },
    private_metadata: JSON.stringify(metadata),
    blocks,
  };
}

const TRAINING_MODAL_METADATA = z.object({
  timeZone: timeZoneName,
  responseUrl: z.string().max(2000).optional(),
  announceChannelId: channelId.nullable().optional(),
  opportunityId: z.int().positive().optional(),
});

/** The training modal's metadata, or null when it is not what the modal wrote. */
export function readTrainingModalMetadata(privateMetadata: unknown): TrainingModalMetadata | null {
  return readMetadata(TRAINING_MODAL_METADATA, privateMetadata);
}

const TRAINING_INPUTS = {
  [TRAINING_BLOCKS.title]: textInput(),
  [TRAINING_BLOCKS.format]: radioButtons(z.enum(TRAINING_FORMATS), { invalid: 'Choose in person, webinar or conference call.' }),
  [TRAINING_BLOCKS.skill]: staticSelect(z.enum(TACTIC_IDS), { invalid: 'Choose a skill from the list.' }),
  [TRAINING_BLOCKS.date]: datePicker(),
  [TRAINING_BLOCKS.time]: timePicker(),
  [TRAINING_BLOCKS.length]: textInput(),
  [TRAINING_BLOCKS.seats]: wholeNumberInput(),
  [TRAINING_BLOCKS.where]: textInput(),
  [TRAINING_BLOCKS.description]: textInput(),
  // Only a new training with somewhere to announce it has this block.
  [TRAINING_BLOCKS.announce]: whenPresent(checkboxes(z.literal('announce'))),
};

/**
 * The modal's values as typed, read through the shared reader; training-rules.ts says what is wrong
 * with them. An unreadable field's own error wins over what the rules say about it being empty.
 */
export function readTrainingSubmission(view: unknown, context: { now: Date; timeZone: string }): { ok: true; plan: TrainingPlan } | { ok: false; errors: Record<string, string> } {
  const values = stateValuesOf(view);
  if (values === null) return { ok: false, errors: { [TRAINING_BLOCKS.title]: UNREADABLE_FIELD } };
  const read = readInputs(values, TRAINING_INPUTS);
  const fields = read.ok ? read.data : read.partial;
  const input: TrainingInput = {
    title: fields[TRAINING_BLOCKS.title] ?? null,
    format: fields[TRAINING_BLOCKS.format] ?? null,
    skill: fields[TRAINING_BLOCKS.skill] ?? null,
    date: fields[TRAINING_BLOCKS.date] ?? null,
    time: fields[TRAINING_BLOCKS.time] ?? null,
    length: fields[TRAINING_BLOCKS.length] ?? null,
    seats: fields[TRAINING_BLOCKS.seats] ?? null,
    where: fields[TRAINING_BLOCKS.where] ?? null,
    description: fields[TRAINING_BLOCKS.description] ?? null,
    announce: (fields[TRAINING_BLOCKS.announce] ?? []).includes('announce'),
  };
  const checked = checkTraining(input, context);
  if (read.ok && checked.ok) return checked;
  return { ok: false, errors: { ...(checked.ok ? {} : errorsByBlock(checked.problems)), ...(read.ok ? {} : read.errors) } };
}

const BLOCK_OF: Record<TrainingField, string> = {
  title: TRAINING_BLOCKS.title,
  format: TRAINING_BLOCKS.format,
  skill: TRAINING_BLOCKS.skill,
  date: TRAINING_BLOCKS.date,
  time: TRAINING_BLOCKS.time,
  length: TRAINING_BLOCKS.length,
  seats: TRAINING_BLOCKS.seats,
  where: TRAINING_BLOCKS.where,
  description: TRAINING_BLOCKS.description,
};

function errorsByBlock(problems: readonly TrainingProblem[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const problem of problems) errors[BLOCK_OF[problem.field]] ??= problem.message;
  return errors;
}
