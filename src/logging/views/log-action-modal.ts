/**
 * The "Log an action" modal: any tactic, grouped by goal and labelled offline/online, with the
 * count inputs of the chosen tactic. Pure: it is rebuilt (views.update) when the tactic changes.
 */
import type { KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import type { IsoDate } from '../../domain/dates.js';
import { NOTE_MAX_CHARS, PLACE_MAX_CHARS, STORY_MAX_CHARS, type Counts, type LogDraft, type LogProblem } from '../log-entry.js';
import { GOALS, GOAL_LABELS, TACTICS, UNITS, isTacticId, tacticsIn, type TacticId } from '../../domain/tactics.js';
import { ACTIONS, LOG_BLOCKS, VIEWS } from '../../slack/ids.js';

/** Carried through the modal so the confirmation reaches the person where they typed the command. */
export interface LogModalMetadata {
  responseUrl?: string;
  /** The person's today when the modal opened, so switching tactic needs no time-zone lookup. */
  today: IsoDate;
}

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
        block_id: `${LOG_BLOCKS.countPrefix}${unit}`,
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
        options: [{ text: { type: 'plain_text', text: 'Feature my story in the weekly digest' }, value: 'feature' }],
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


export function readLogModalMetadata(privateMetadata: string): LogModalMetadata | null {
  try {
    const parsed = JSON.parse(privateMetadata) as Partial<LogModalMetadata>;
    if (typeof parsed.today !== 'string') return null;
    return {
      today: parsed.today,
      ...(typeof parsed.responseUrl === 'string' ? { responseUrl: parsed.responseUrl } : {}),
    };
  } catch {
    return null;
  }
}

/** The subset of `view.state.values` the modal produces. */
type StateValues = Record<string, Record<string, { type: string; value?: string | null; selected_date?: string | null; selected_option?: { value: string } | null; selected_options?: { value: string }[] }>>;

export type ReadSubmission =
  | { ok: true; draft: LogDraft }
  | { ok: false; errors: Record<string, string> };

/** Turns the submitted modal into a draft, or field errors keyed by block id. */
export function readLogActionSubmission(values: StateValues): ReadSubmission {
  const tacticValue = values[LOG_BLOCKS.tactic]?.[ACTIONS.chooseTactic]?.selected_option?.value;
  if (!tacticValue || !isTacticId(tacticValue)) {
    return { ok: false, errors: { [LOG_BLOCKS.tactic]: 'Choose what you did.' } };
  }
  const tactic = TACTICS[tacticValue];
  const counts: Counts = {};
  const errors: Record<string, string> = {};
  for (const unit of tactic.units) {
    const blockId = `${LOG_BLOCKS.countPrefix}${unit}`;
    const raw = values[blockId]?.value?.value?.trim();
    if (raw === undefined || raw === '') continue;
    if (!/^\d+$/.test(raw)) errors[blockId] = 'Enter a whole number, 0 or more.';
    else counts[unit] = Number(raw);
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const text = (blockId: string): string | null => values[blockId]?.value?.value?.trim() || null;
  const story = text(LOG_BLOCKS.story);
  return {
    ok: true,
    draft: {
      tacticId: tactic.id,
      counts,
      occurredOn: values[LOG_BLOCKS.date]?.value?.selected_date ?? '',
      place: text(LOG_BLOCKS.place),
      note: text(LOG_BLOCKS.note),
      story,
      storyConsent: (values[LOG_BLOCKS.feature]?.value?.selected_options ?? []).some((o) => o.value === 'feature'),
    },
  };
}

/** Where each kind of problem shows in the modal. */
export function errorsByBlock(problems: LogProblem[], tacticId: TacticId): Record<string, string> {
  const errors: Record<string, string> = {};
  const firstCountBlock = `${LOG_BLOCKS.countPrefix}${TACTICS[tacticId].units[0]}`;
  for (const problem of problems) {
    const blockId =
      problem.field === 'counts'
        ? problem.unit && TACTICS[tacticId].units.includes(problem.unit)
          ? `${LOG_BLOCKS.countPrefix}${problem.unit}`
          : firstCountBlock
        : LOG_BLOCKS[problem.field];
    errors[blockId] = errors[blockId] ? `${errors[blockId]} ${problem.message}` : problem.message;
  }
  return errors;
}
