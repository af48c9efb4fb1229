/**
 * The "Log an action" modal: any tactic, grouped by goal and labelled offline/online, with the
 * count inputs of the chosen tactic. Pure: it is rebuilt (views.update) when the tactic changes.
 */
import type { KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import { z } from 'zod';
import type { IsoDate } from '../../domain/dates.js';
import { NOTE_MAX_CHARS, PLACE_MAX_CHARS, STORY_MAX_CHARS, type Counts, type LogDraft, type LogProblem } from '../log-entry.js';
import { GOALS, GOAL_LABELS, TACTICS, TACTIC_IDS, UNITS, tacticsIn, type TacticId, type UnitId } from '../../domain/tactics.js';
import { ACTIONS, LOG_BLOCKS, VIEWS } from '../../slack/ids.js';
import {
  checkboxes,
  datePicker,
  readActionValue,
  readInputs,
  readMetadata,
  staticSelect,
  textInput,
  wholeNumberInput,
  type FieldErrors,
} from '../../slack/read-payload.js';

/** Carried through the modal so the confirmation reaches the person where they typed the command. */
export interface LogModalMetadata {
  responseUrl?: string;
  /** The person's today when the modal opened, so switching tactic needs no time-zone lookup. */
  today: IsoDate;
}

/** The value of the "feature my story" checkbox. */
const FEATURE_STORY = 'feature';

export function logActionModal(options: { tacticId: TacticId | null; metadata: LogModalMetadata }): ModalView {
  const { tacticId, metadata } = options;
  const today = metadata.today;
  const tactic = tacticId ? TACTICS[tacticId] : null;
  const blocks: KnownBlock[] = [
    {
      type: 'input',
      block_id: LOG_BLOCKS.tactic,
      dispatch_action: true,
      label: { type: 'plain_text', text: 'What did you do?' },
      element: {
        type: 'static_select',
        action_id: ACTIONS.chooseTactic,
        placeholder: { type: 'plain_text', text: 'Choose a tactic' },
        option_groups: GOALS.map((goal) => ({
          label: { type: 'plain_text', text: GOAL_LABELS[goal] },
          options: tacticsIn(goal).map(tacticOption),
        })),
        ...(tactic ? { initial_option: tacticOption(tactic) } : {}),
      },
    },
    {
      type: 'input',
      block_id: LOG_BLOCKS.date,
      label: { type: 'plain_text', text: 'When' },
      element: { type: 'datepicker', action_id: 'value', initial_date: today },
    },
  ];

  if (tactic) {
    for (const unit of tactic.units) {
      blocks.push({
        type: 'input',
        block_id: countBlockId(unit),
        optional: true,
        label: { type: 'plain_text', text: capitalize(UNITS[unit].plural) },
        element: { type: 'number_input', action_id: 'value', is_decimal_allowed: false, min_value: '0' },
      });
    }
  } else {
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: 'Choose a tactic and the counts it uses will appear here.' }],
    });
  }

  blocks.push(
    {
      type: 'input',
      block_id: LOG_BLOCKS.place,
      optional: true,
      label: { type: 'plain_text', text: 'Where (turf, place or platform)' },
      element: { type: 'plain_text_input', action_id: 'value', max_length: PLACE_MAX_CHARS },
    },
    {
      type: 'input',
      block_id: LOG_BLOCKS.note,
      optional: true,
      label: { type: 'plain_text', text: 'Note' },
      element: { type: 'plain_text_input', action_id: 'value', multiline: true, max_length: NOTE_MAX_CHARS },
    },
    {
      type: 'input',
      block_id: LOG_BLOCKS.story,
      optional: true,
      label: { type: 'plain_text', text: 'A win worth sharing?' },
      hint: { type: 'plain_text', text: 'A moment that mattered: the neighbour who signed up, the letter that ran.' },
      element: { type: 'plain_text_input', action_id: 'value', multiline: true, max_length: STORY_MAX_CHARS },
    },
    {
      type: 'input',
      block_id: LOG_BLOCKS.feature,
      optional: true,
      label: { type: 'plain_text', text: 'Sharing' },
      element: {
        type: 'checkboxes',
        action_id: 'value',
        options: [{ text: { type: 'plain_text', text: 'Feature my story in the weekly digest' }, value: FEATURE_STORY }],
      },
    },
  );

  return {
    type: 'modal',
    callback_id: VIEWS.logAction,
    title: { type: 'plain_text', text: 'Log an action' },
    submit: { type: 'plain_text', text: 'Log it' },
    close: { type: 'plain_text', text: 'Cancel' },
    private_metadata: JSON.stringify(metadata),
    blocks,
  };
}

function tacticOption(tactic: (typeof TACTICS)[TacticId]): PlainTextOption {
  return {
    text: { type: 'plain_text', text: `${tactic.name} · ${tactic.channel}` },
    description: { type: 'plain_text', text: tactic.hint.slice(0, 75) },
    value: tactic.id,
  };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** What this modal's private_metadata must hold: exactly what `logActionModal` wrote. */
const LOG_MODAL_METADATA: z.ZodType<LogModalMetadata> = z.object({
  today: z.iso.date(),
  responseUrl: z.url({ protocol: /^https?$/ }).optional(),
});

/** The modal's metadata, or null when it is not what this modal writes (the caller refuses the form). */
export function readLogModalMetadata(privateMetadata: unknown): LogModalMetadata | null {
  return readMetadata(LOG_MODAL_METADATA, privateMetadata);
}

/** The values the tactic select offers. */
const TACTIC_CHOICE = z.enum(TACTIC_IDS);

/** The tactic chosen in the modal's select (which dispatches an action), or null when it is none we offer. */
export function readTacticChoice(value: unknown): TacticId | null {
  return readActionValue(TACTIC_CHOICE, value);
}

/** The inputs every version of the modal has; the counts depend on the tactic. */
const LOG_INPUTS = {
  [LOG_BLOCKS.tactic]: staticSelect(TACTIC_CHOICE, {
    actionId: ACTIONS.chooseTactic,
    required: 'Choose what you did.',
    invalid: 'Choose what you did from the list.',
  }),
  [LOG_BLOCKS.date]: datePicker({ required: 'Choose the day you did it.', invalid: 'Choose the day from the calendar.' }),
  [LOG_BLOCKS.place]: textInput(),
  [LOG_BLOCKS.note]: textInput(),
  [LOG_BLOCKS.story]: textInput(),
  [LOG_BLOCKS.feature]: checkboxes(z.literal(FEATURE_STORY)),
};

export type ReadSubmission =
  | { ok: true; draft: LogDraft }
  | { ok: false; errors: FieldErrors };

/** Turns the submitted modal into a draft, or field errors keyed by block id (every one at once). */
export function readLogActionSubmission(values: Readonly<Record<string, unknown>>): ReadSubmission {
  const fields = readInputs(values, LOG_INPUTS);
  const tacticId = fields.ok ? fields.data.tactic : fields.partial.tactic;
  const counts = tacticId ? readInputs(values, countInputs(tacticId)) : undefined;
  if (!fields.ok || !counts?.ok) {
    return { ok: false, errors: { ...(fields.ok ? {} : fields.errors), ...(counts && !counts.ok ? counts.errors : {}) } };
  }
  const { date, place, note, story, feature } = fields.data;
  return {
    ok: true,
    draft: {
      tacticId: fields.data.tactic,
      counts: countsOf(fields.data.tactic, counts.data),
      occurredOn: date,
      place,
      note,
      story,
      storyConsent: feature.includes(FEATURE_STORY),
    },
  };
}

function countInputs(tacticId: TacticId) {
  return Object.fromEntries(TACTICS[tacticId].units.map((unit) => [countBlockId(unit), wholeNumberInput()]));
}

/** The counts that were filled in; an empty count input says nothing. */
function countsOf(tacticId: TacticId, read: Record<string, number | null>): Counts {
  const counts: Counts = {};
  for (const unit of TACTICS[tacticId].units) {
    const amount = read[countBlockId(unit)];
    if (amount !== null && amount !== undefined) counts[unit] = amount;
  }
  return counts;
}

function countBlockId(unit: UnitId): string {
  return `${LOG_BLOCKS.countPrefix}${unit}`;
}

/** Where each kind of problem shows in the modal. */
export function errorsByBlock(problems: LogProblem[], tacticId: TacticId): Record<string, string> {
  const errors: Record<string, string> = {};
  // Every tactic counts at least one unit.
  const firstCountBlock = countBlockId(TACTICS[tacticId].units[0]!);
  for (const problem of problems) {
    const blockId =
      problem.field === 'counts'
        ? problem.unit && TACTICS[tacticId].units.includes(problem.unit)
          ? countBlockId(problem.unit)
          : firstCountBlock
        : LOG_BLOCKS[problem.field];
    errors[blockId] = errors[blockId] ? `${errors[blockId]} ${problem.message}` : problem.message;
  }
  return errors;
}
