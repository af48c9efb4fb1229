/**
 * Trainings as the tests need them: the state a filled-in training modal submits, and a training
 * scheduled through the real modal submission (so every test starts from what staff would have done).
 */
import type { TestApp } from './harness.js';
import { viewSubmission, type StateValues } from './payloads.js';
import { ANNOUNCE_CHANNEL, STAFF, TEAM_ZONE, localIn } from './shifts.js';

export interface TrainingFormInput {
  title?: string | null;
  format?: string | null;
  skill?: string | null;
  date?: string | null;
  time?: string | null;
  length?: string | null;
  seats?: string | null;
  where?: string | null;
  description?: string | null;
  announce?: boolean;
}

const DEFAULT_FORM = {
  title: 'Door knocking 101',
  format: 'in_person',
  skill: 'door_knocking',
  date: '2027-01-14',
  time: '18:00',
  length: '2',
  seats: '10',
  where: 'Union hall, 12 Main St',
  description: 'How to knock, what to say, what to log.',
  announce: true,
} satisfies TrainingFormInput;

export function trainingState(overrides: TrainingFormInput = {}): StateValues {
  const input = { ...DEFAULT_FORM, ...overrides };
  const text = (value: string | null) => ({ value: { type: 'plain_text_input', value } });
  const option = (value: string) => ({ value, text: { type: 'plain_text', text: value } });
  return {
    training_title: text(input.title),
    training_format: { value: { type: 'radio_buttons', selected_option: input.format === null ? null : option(input.format) } },
    training_skill: { value: { type: 'static_select', selected_option: input.skill === null ? null : option(input.skill) } },
    training_date: { value: { type: 'datepicker', selected_date: input.date } },
    training_time: { value: { type: 'timepicker', selected_time: input.time } },
    training_length: text(input.length),
    training_seats: { value: { type: 'number_input', value: input.seats } },
    training_where: text(input.where),
    training_description: text(input.description),
    training_announce: { value: { type: 'checkboxes', selected_options: input.announce ? [option('announce')] : [] } },
  };
}

let viewSeq = 0;

/** Submits the new-training modal as staff; returns the ack. */
export function submitNewTraining(t: TestApp, input: TrainingFormInput = {}, options: { userId?: string; viewId?: string } = {}) {
  return t.interact(
    viewSubmission({
      callbackId: 'training_new',
      viewId: options.viewId ?? `V0TRAIN${++viewSeq}`,
      values: trainingState(input),
      privateMetadata: JSON.stringify({ timeZone: TEAM_ZONE, announceChannelId: ANNOUNCE_CHANNEL }),
      userId: options.userId ?? STAFF,
    }),
  );
}

/** Schedules a training starting `hours` from now (on the hour) and returns its number. */
export async function scheduleTraining(t: TestApp, hours: number, input: TrainingFormInput = {}): Promise<number> {
  const reply = await submitNewTraining(t, { ...localIn(hours), ...input });
  if (reply.json?.response_action === 'errors') throw new Error(`training refused: ${JSON.stringify(reply.json.errors)}`);
  await t.settle();
  const row = await t.db.database.db.selectFrom('trainings').select('opportunity_id').where('title', '=', input.title ?? DEFAULT_FORM.title).orderBy('opportunity_id', 'desc').executeTakeFirstOrThrow();
  return row.opportunity_id;
}

/** The attendance modal's ticks (by group) and walk-ins, as Slack submits them. */
export function attendanceState(groups: Record<number, string[]>, walkIns: string[] = []): StateValues {
  return {
    ...Object.fromEntries(
      Object.entries(groups).map(([index, userIds]) => [
        `training_attendance_${index}`,
        { value: { type: 'checkboxes', selected_options: userIds.map((value) => ({ value, text: { type: 'mrkdwn', text: `<@${value}>` } })) } },
      ]),
    ),
    training_walk_ins: { value: { type: 'multi_users_select', selected_users: walkIns } },
  };
}

export function submitAttendance(t: TestApp, id: number, values: StateValues, userId = STAFF) {
  return t.interact(viewSubmission({ callbackId: 'training_attendance', viewId: `V0TATTEND${id}`, values, privateMetadata: JSON.stringify({ opportunityId: id }), userId }));
}
