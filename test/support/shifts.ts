/**
 * Shifts as the tests need them: the state a filled-in shift modal submits, and a shift scheduled
 * through the real modal submission (so every test starts from what staff would have done).
 */
import type { StateValues } from './payloads.js';

export interface ShiftFormInput {
  title?: string | null;
  target?: string | null;
  date?: string | null;
  time?: string | null;
  length?: string | null;
  seats?: string | null;
  who?: 'volunteer' | 'leader';
  where?: string | null;
  script?: string | null;
  announce?: boolean;
  /** The skill the shift requires (a tactic id); none by default. */
  skill?: string | null;
}

const DEFAULT_FORM = {
  title: 'Call voters about the library levy',
  target: 'Yes on Measure L',
  date: '2027-01-14',
  time: '18:00',
  length: '2',
  seats: '10',
  who: 'volunteer',
  where: 'https://meet.example.org/phonebank',
  script: 'https://docs.example.org/script',
  announce: true,
} satisfies ShiftFormInput;

/** The state a filled-in shift modal submits (defaults: a complete, valid shift). */
export function shiftState(overrides: ShiftFormInput = {}): StateValues {
  const input = { ...DEFAULT_FORM, ...overrides };
  const text = (value: string | null) => ({ value: { type: 'plain_text_input', value } });
  const option = (value: string) => ({ value, text: { type: 'plain_text', text: value } });
  return {
    shift_title: text(input.title),
    shift_target: text(input.target),
    shift_date: { value: { type: 'datepicker', selected_date: input.date } },
    shift_time: { value: { type: 'timepicker', selected_time: input.time } },
    shift_length: text(input.length),
    shift_seats: { value: { type: 'number_input', value: input.seats } },
    shift_who: { value: { type: 'radio_buttons', selected_option: option(input.who) } },
    shift_where: text(input.where),
    shift_script: text(input.script),
    shift_announce: { value: { type: 'checkboxes', selected_options: input.announce ? [option('announce')] : [] } },
    shift_skill: { value: { type: 'static_select', selected_option: overrides.skill ? option(overrides.skill) : null } },
  };
}

import type { Kysely } from 'kysely';
import type { DB } from '../../src/db/schema.js';
import { wallClockOf } from '../../src/domain/zoned-time.js';
import { FAKE_TEAM_ID } from './fake-slack.js';
import type { TestApp } from './harness.js';
import { blockAction, viewSubmission } from './payloads.js';

export const TEAM = FAKE_TEAM_ID;
export const STAFF = 'U0STAFF';
export const TEAM_ZONE = 'America/Chicago';
export const ANNOUNCE_CHANNEL = 'C0ANNOUNCE';

/** Staff, the team's zone and announcement channel, as an admin would have set them. */
export async function setUpTeam(db: Kysely<DB>, options: { announcementChannelId?: string | null } = {}): Promise<void> {
  await db.insertInto('role_grants').values({ team_id: TEAM, user_id: STAFF, role: 'staff', granted_by: 'U0ADMIN' }).execute();
  await db
    .insertInto('workspace_settings')
    .values({ team_id: TEAM, time_zone: TEAM_ZONE, announcement_channel_id: options.announcementChannelId === undefined ? ANNOUNCE_CHANNEL : options.announcementChannelId })
    .execute();
}

/** The team-zone date and time `hours` from now, as the shift modal's pickers would hold them. */
export function localIn(hours: number, timeZone = TEAM_ZONE): { date: string; time: string } {
  const at = new Date(Math.ceil((Date.now() + hours * 3_600_000) / 3_600_000) * 3_600_000);
  return wallClockOf(at, timeZone);
}

let viewSeq = 0;

/** Submits the new-shift modal as staff; returns the ack. */
export function submitNewShift(t: TestApp, input: ShiftFormInput = {}, options: { userId?: string; viewId?: string; announceChannelId?: string | null } = {}) {
  return t.interact(
    viewSubmission({
      callbackId: 'shift_new',
      viewId: options.viewId ?? `V0NEW${++viewSeq}`,
      values: shiftState(input),
      privateMetadata: JSON.stringify({ timeZone: TEAM_ZONE, announceChannelId: options.announceChannelId === undefined ? ANNOUNCE_CHANNEL : options.announceChannelId }),
      userId: options.userId ?? STAFF,
    }),
  );
}

/** Schedules a shift starting `hours` from now (on the hour) and returns its number. */
export async function scheduleShift(t: TestApp, hours: number, input: ShiftFormInput = {}): Promise<number> {
  const reply = await submitNewShift(t, { ...localIn(hours), ...input });
  if (reply.json?.response_action === 'errors') throw new Error(`shift refused: ${JSON.stringify(reply.json.errors)}`);
  await t.settle();
  const row = await t.db.database.db.selectFrom('shifts').select('opportunity_id').where('title', '=', input.title ?? DEFAULT_FORM.title).orderBy('opportunity_id', 'desc').executeTakeFirstOrThrow();
  return row.opportunity_id;
}

/**
 * A button pressed in a message (an announcement, a DM), answered through its response_url. The app
 * acks first and changes seats after, so this waits for that work, as a person would for the answer.
 */
export async function pressInMessage(t: TestApp, actionId: string, value: number | string, userId: string) {
  const ack = await t.interact(blockAction({ actionId, value: String(value), userId, responseUrl: t.slack.responseUrl(`${actionId}-${userId}`) }));
  await t.settle();
  return ack;
}

/** What the app answered privately to a button press in a message. */
export async function answerTo(t: TestApp, actionId: string, userId: string): Promise<string> {
  await t.settle();
  const answers = t.slack.callsTo('response_url').filter((call) => call.args.response_url_id === `${actionId}-${userId}`);
  return answers.map((call) => String(call.args.text)).join('\n');
}
