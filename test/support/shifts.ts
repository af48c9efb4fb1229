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
  };
}
