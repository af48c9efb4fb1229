/** "How did it go?" after a shift: calls, conversations, commitments, a story and whether it may be featured. Pure. */
import type { KnownBlock, ModalView } from '@slack/types';
import { z } from 'zod';
import { STORY_MAX_CHARS, type Counts, type LogDraft, type LogProblem } from '../../logging/log-entry.js';
import type { IsoDate } from '../../domain/dates.js';
import { REPORT_BLOCKS, VIEWS } from '../../slack/ids.js';
import { checkboxes, readInputs, stateValuesOf, textInput, wholeNumberInput } from '../../slack/read-payload.js';
import type { Shift } from '../queries.js';
import { titleOf } from './shift-text.js';

export function reportBackModal(options: { shift: Shift; claimId: number }): ModalView {
  const count = (blockId: string, label: string): KnownBlock => ({
    type: 'input',
    block_id: blockId,
    optional: true,
    label: { type: 'plain_text', text: label },
    element: { type: 'number_input', action_id: 'value', is_decimal_allowed: false, min_value: '0' },
  });
  return {
    type: 'modal',
    callback_id: VIEWS.shiftReport,
    title: { type: 'plain_text', text: 'How did it go?' },
    submit: { type: 'plain_text', text: 'Record it' },
    close: { type: 'plain_text', text: 'Later' },
    private_metadata: JSON.stringify({ claimId: options.claimId }),
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `Phone banking on ${titleOf(options.shift.details, options.shift.opportunity)}. It's recorded as a Campaign action, offline.` } },
      count(REPORT_BLOCKS.calls, 'Calls made'),
      count(REPORT_BLOCKS.conversations, 'Conversations'),
      count(REPORT_BLOCKS.commitments, 'Commitments (sign-ups, pledges)'),
      {
        type: 'input',
        block_id: REPORT_BLOCKS.story,
        optional: true,
        label: { type: 'plain_text', text: 'A story from the calls' },
        element: { type: 'plain_text_input', action_id: 'value', multiline: true, max_length: STORY_MAX_CHARS },
      },
      {
        type: 'input',
        block_id: REPORT_BLOCKS.feature,
        optional: true,
        label: { type: 'plain_text', text: 'Share it' },
        element: { type: 'checkboxes', action_id: 'value', options: [{ text: { type: 'plain_text', text: 'It may be featured in the weekly digest' }, value: 'feature' }] },
      },
    ],
  };
}

const REPORT_INPUTS = {
  [REPORT_BLOCKS.calls]: wholeNumberInput(),
  [REPORT_BLOCKS.conversations]: wholeNumberInput(),
  [REPORT_BLOCKS.commitments]: wholeNumberInput(),
  [REPORT_BLOCKS.story]: textInput(),
  [REPORT_BLOCKS.feature]: checkboxes(z.literal('feature')),
};

export type ReadReport = { ok: true; draft: LogDraft } | { ok: false; errors: Record<string, string> };

/** The report as a phone-banking log draft, dated the day of the shift; a field that is not what its element sends goes back on that field. */
export function readReportBack(view: unknown, occurredOn: IsoDate): ReadReport {
  const read = readInputs(stateValuesOf(view) ?? {}, REPORT_INPUTS);
  if (!read.ok) return { ok: false, errors: read.errors };
  const fields = read.data;
  const counts: Counts = {};
  const calls = fields[REPORT_BLOCKS.calls];
  const conversations = fields[REPORT_BLOCKS.conversations];
  const signups = fields[REPORT_BLOCKS.commitments];
  if (calls !== null) counts.calls = calls;
  if (conversations !== null) counts.conversations = conversations;
  if (signups !== null) counts.signups = signups;
  const story = fields[REPORT_BLOCKS.story];
  const storyConsent = fields[REPORT_BLOCKS.feature].includes('feature');
  return { ok: true, draft: { tacticId: 'phone_bank', counts, occurredOn, place: null, note: null, story, storyConsent } };
}

/** The log rules' problems, on this modal's fields. */
export function reportErrorsByBlock(problems: readonly LogProblem[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const problem of problems) {
    const blockId =
      problem.field === 'story'
        ? REPORT_BLOCKS.story
        : problem.unit === 'conversations'
          ? REPORT_BLOCKS.conversations
          : problem.unit === 'signups'
            ? REPORT_BLOCKS.commitments
            : REPORT_BLOCKS.calls;
    errors[blockId] ??= problem.message;
  }
  return errors;
}
