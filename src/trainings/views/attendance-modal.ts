/**
 * A training's attendance, for staff once it has started: the RSVPs to tick who came (in groups of
 * 10, Slack's limit per checkboxes element), a picker to add walk-ins, and the numbers so far:
 * RSVPs, attendance and its rate, and how many used the skill within 30 days. Pure, with the reader
 * of a submission.
 */
import type { KnownBlock, ModalView, MrkdwnOption } from '@slack/types';
import { z } from 'zod';
import type { ClaimRow } from '../../db/schema.js';
import { TRAINING_BLOCKS, VIEWS } from '../../slack/ids.js';
import { truncate } from '../../slack/mrkdwn.js';
import { checkboxes, multiUserSelect, readInputs, type InputReader, type InputsRead } from '../../slack/read-payload.js';
import type { Training } from '../queries/trainings.js';
import { attendanceLine, skillUseLine, type TrainingTally } from '../training-rules.js';
import { skillName, titleOf, whenAndLength } from './training-text.js';

const TICKS_PER_GROUP = 10;
/** A 100-block modal holds about 90 groups of 10; far more than a training seats in practice. */
export const MAX_LISTED = 800;

export function attendanceModal(options: { training: Training; seated: readonly ClaimRow[]; tally: TrainingTally; timeZone: string; notice?: string }): ModalView {
  const { training, seated, tally, timeZone, notice } = options;
  const { opportunity, details } = training;
  const blocks: KnownBlock[] = [];
  if (notice) blocks.push(section(notice));
  const numbers = [`*RSVPs:* ${tally.rsvps}`, `*Attendance:* ${attendanceLine(tally)}`, skillUseLine(tally)].filter((line): line is string => line !== null);
  blocks.push(
    section(`${titleOf(details, opportunity)}\n${whenAndLength(opportunity, timeZone)}\nAttending earns *${skillName(details)}* and an Engage action.`),
    section(numbers.join('\n')),
    { type: 'divider' },
  );
  const groups = groupsOf(seated.slice(0, MAX_LISTED));
  if (groups.length === 0) blocks.push(section('Nobody RSVPed. Add the people who came below.'));
  groups.forEach((group, index) => {
    const option = (claim: ClaimRow): MrkdwnOption => ({ text: { type: 'mrkdwn', text: `<@${claim.user_id}>${claim.walked_in ? ' (walk-in)' : ''}` }, value: claim.user_id });
    const came = group.filter((claim) => claim.attended === true).map(option);
    blocks.push({
      type: 'input',
      block_id: `${TRAINING_BLOCKS.attendancePrefix}${index}`,
      optional: true,
      label: { type: 'plain_text', text: groups.length === 1 ? 'Who came' : `Who came (${index * TICKS_PER_GROUP + 1}–${index * TICKS_PER_GROUP + group.length} of ${seated.length})` },
      ...(index === groups.length - 1 ? { hint: { type: 'plain_text', text: 'Everyone not ticked is counted as a no-show (a walk-in not ticked is taken off).' } } : {}),
      element: { type: 'checkboxes', action_id: 'value', options: group.map(option), ...(came.length > 0 ? { initial_options: came } : {}) },
    });
  });
  blocks.push({
    type: 'input',
    block_id: TRAINING_BLOCKS.walkIns,
    optional: true,
    label: { type: 'plain_text', text: 'Walk-ins' },
    hint: { type: 'plain_text', text: 'People who came without an RSVP: they count as came.' },
    element: { type: 'multi_users_select', action_id: 'value', placeholder: { type: 'plain_text', text: 'Add people' } },
  });
  return {
    type: 'modal',
    callback_id: VIEWS.trainingAttendance,
    title: { type: 'plain_text', text: `Attendance #${opportunity.id}`.slice(0, 24) },
    submit: { type: 'plain_text', text: 'Save attendance' },
    close: { type: 'plain_text', text: 'Done' },
    private_metadata: JSON.stringify({ opportunityId: opportunity.id }),
    blocks,
  };
}

function groupsOf(seated: readonly ClaimRow[]): ClaimRow[][] {
  const groups: ClaimRow[][] = [];
  for (let i = 0; i < seated.length; i += TICKS_PER_GROUP) groups.push(seated.slice(i, i + TICKS_PER_GROUP));
  return groups;
}

/**
 * Who was ticked (read against the seats the form listed: a person who was never an option is an
 * error on that group's field) and the walk-ins picked.
 */
export function readTrainingAttendance(values: Readonly<Record<string, unknown>>, seated: readonly ClaimRow[]): InputsRead<{ came: string[]; walkIns: string[] }> {
  const spec: Record<string, InputReader<string[]>> = { [TRAINING_BLOCKS.walkIns]: multiUserSelect() };
  groupsOf(seated.slice(0, MAX_LISTED)).forEach((group, index) => {
    const [first, ...rest] = group.map((claim) => claim.user_id);
    spec[`${TRAINING_BLOCKS.attendancePrefix}${index}`] = checkboxes(z.enum([first!, ...rest]));
  });
  const read = readInputs(values, spec);
  if (!read.ok) return { ok: false, errors: read.errors, partial: {} };
  const { [TRAINING_BLOCKS.walkIns]: walkIns = [], ...ticks } = read.data;
  return { ok: true, data: { came: Object.values(ticks).flat(), walkIns } };
}

function section(text: string): KnownBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: truncate(text, 3000) } };
}
