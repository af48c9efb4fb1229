import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import {
  UNREADABLE_FIELD,
  checkboxes,
  conversationSelect,
  datePicker,
  multiStaticSelect,
  multiUserSelect,
  radioButtons,
  readActionValue,
  readInputs,
  readMetadata,
  rowId,
  stateValuesOf,
  staticSelect,
  textInput,
  timePicker,
  userSelect,
  wholeNumberInput,
  whenPresent,
  type InputReader,
} from '../../src/slack/read-payload.js';

/** The block Slack sends for one element with action_id 'value'. */
const block = (type: string, fields: Record<string, unknown>) => ({ value: { type, ...fields } });
const option = (value: unknown) => ({ value, text: { type: 'plain_text', text: String(value) } });
const read = <T>(reader: InputReader<T>, entry: unknown) => reader.read(entry);
const value = <T>(v: T) => ({ ok: true, value: v });
const error = (message: string) => ({ ok: false, message });

describe('every element reader', () => {
  const readers: [string, InputReader<unknown>, string, Record<string, unknown>][] = [
    ['text', textInput(), 'plain_text_input', { value: 'Elm St' }],
    ['number', wholeNumberInput(), 'number_input', { value: '12' }],
    ['date', datePicker(), 'datepicker', { selected_date: '2026-03-14' }],
    ['time', timePicker(), 'timepicker', { selected_time: '09:30' }],
    ['select', staticSelect(z.string()), 'static_select', { selected_option: option('a') }],
    ['radio', radioButtons(z.string()), 'radio_buttons', { selected_option: option('a') }],
    ['multi select', multiStaticSelect(z.string()), 'multi_static_select', { selected_options: [option('a')] }],
    ['checkboxes', checkboxes(z.string()), 'checkboxes', { selected_options: [option('a')] }],
    ['channel', conversationSelect(), 'conversations_select', { selected_conversation: 'C0DIGEST' }],
    ['person', userSelect(), 'users_select', { selected_user: 'U0ADA' }],
    ['people', multiUserSelect(), 'multi_users_select', { selected_users: ['U0ADA'] }],
  ];

  it.each(readers)('%s: reads what Slack sends', (_name, reader, type, fields) => {
    expect(read(reader, block(type, fields)).ok).toBe(true);
  });

  const wrongShapes: [string, (type: string, fields: Record<string, unknown>) => unknown][] = [
    ['an absent block', () => undefined],
    ['a block that is a string', () => 'value'],
    ['a block that is null', () => null],
    ['a block that is an array', (type, fields) => [block(type, fields)]],
    ['the element under another action id', (type, fields) => ({ other: { type, ...fields } })],
    ['an element that is a string', () => ({ value: 'text' })],
    ['an element of another type', (type, fields) => block(type === 'radio_buttons' ? 'static_select' : 'radio_buttons', fields)],
    ['an element without its value key', (type) => block(type, {})],
  ];
  const cases = readers.flatMap(([name, reader, type, fields]) => wrongShapes.map(([shape, make]) => [name, shape, reader, make(type, fields)] as const));

  it.each(cases)('%s: %s is a field error, never a throw', (_name, _shape, reader, entry) => {
    expect(read(reader, entry)).toEqual(error(UNREADABLE_FIELD));
  });

  it.each(readers)('%s: a value of the wrong kind is a field error', (_name, reader, type, fields) => {
    const key = Object.keys(fields)[0] ?? '';
    for (const wrong of [{ nested: true }, 12345, true, 'not-it', [[1]]]) {
      const outcome = read(reader, block(type, { [key]: wrong }));
      // A text input takes any string; every other wrong value is refused.
      if (type === 'plain_text_input' && typeof wrong === 'string') continue;
      expect(outcome.ok, `${JSON.stringify(wrong)}`).toBe(false);
    }
  });
});

describe('empty and required fields', () => {
  it('reads an empty optional field as null, or [] for a list', () => {
    expect(read(textInput(), block('plain_text_input', { value: null }))).toEqual(value(null));
    expect(read(datePicker(), block('datepicker', { selected_date: null }))).toEqual(value(null));
    expect(read(conversationSelect(), block('conversations_select', { selected_conversation: null }))).toEqual(value(null));
    expect(read(checkboxes(z.string()), block('checkboxes', { selected_options: [] }))).toEqual(value([]));
    expect(read(multiUserSelect(), block('multi_users_select', { selected_users: [] }))).toEqual(value([]));
  });

  it('says the required message for an empty required field', () => {
    expect(read(staticSelect(z.string(), { required: 'Choose one.' }), block('static_select', { selected_option: null }))).toEqual(error('Choose one.'));
    expect(read(textInput({ required: 'Say something.' }), block('plain_text_input', { value: '   ' }))).toEqual(error('Say something.'));
    expect(read(multiStaticSelect(z.string(), { required: 'Pick some.' }), block('multi_static_select', { selected_options: [] }))).toEqual(error('Pick some.'));
  });

  it('types a required field as never empty and an optional one as maybe null', () => {
    expectTypeOf(textInput({ required: 'x' })).toEqualTypeOf<InputReader<string>>();
    expectTypeOf(textInput()).toEqualTypeOf<InputReader<string | null>>();
    expectTypeOf(wholeNumberInput()).toEqualTypeOf<InputReader<number | null>>();
  });
});

describe('text', () => {
  it('trims, and reads blank as empty', () => {
    expect(read(textInput(), block('plain_text_input', { value: '  Elm St \n' }))).toEqual(value('Elm St'));
    expect(read(textInput(), block('plain_text_input', { value: ' \n ' }))).toEqual(value(null));
  });
});

describe('whole numbers', () => {
  it.each([
    ['0', 0],
    ['12', 12],
    ['5000', 5000],
    ['007', 7],
  ])('reads %j as %d', (raw, expected) => {
    expect(read(wholeNumberInput(), block('number_input', { value: raw }))).toEqual(value(expected));
  });

  it.each(['1e3', '0x10', '', ' 5 ', '5 ', '-1', '12.0', '1.5', '+7', '1_000', '١٢', 'Infinity', 'NaN'])('refuses %j, asking for a whole number', (raw) => {
    expect(read(wholeNumberInput(), block('number_input', { value: raw }))).toEqual(error('Enter a whole number, 0 or more, like 12.'));
  });

  it('refuses a number too big to be a count', () => {
    expect(read(wholeNumberInput(), block('number_input', { value: '99999999999999999999' }))).toEqual(
      error('That number is too big for a count. Enter a whole number, like 12.'),
    );
  });
});

describe('days and times', () => {
  it.each(['2026-03-14', '2028-02-29'])('reads the day %s', (day) => {
    expect(read(datePicker(), block('datepicker', { selected_date: day }))).toEqual(value(day));
  });

  it.each(['2026-02-29', '2026-13-01', '2026-3-14', '14/03/2026', '2026-03-14T00:00:00Z', ''])('refuses the day %j with the message given', (day) => {
    expect(read(datePicker({ invalid: 'Pick a day.' }), block('datepicker', { selected_date: day }))).toEqual(error('Pick a day.'));
  });

  it.each(['00:00', '09:05', '23:59'])('reads the time %s', (time) => {
    expect(read(timePicker(), block('timepicker', { selected_time: time }))).toEqual(value(time));
  });

  it.each(['24:00', '9:05', '09:60', '0900', '09:05:00', ''])('refuses the time %j', (time) => {
    expect(read(timePicker(), block('timepicker', { selected_time: time })).ok).toBe(false);
  });
});

describe('selects', () => {
  const colours = z.enum(['red', 'blue']);

  it('reads the chosen option through its schema, which may turn it into what it means', () => {
    expect(read(staticSelect(colours), block('static_select', { selected_option: option('red') }))).toEqual(value('red'));
    const day = staticSelect(z.string().regex(/^\d$/).transform(Number));
    expect(read(day, block('static_select', { selected_option: option('3') }))).toEqual(value(3));
  });

  it('says the invalid message for an option that was never offered', () => {
    const reader = staticSelect(colours, { invalid: 'Choose a colour from the list.' });
    expect(read(reader, block('static_select', { selected_option: option('green') }))).toEqual(error('Choose a colour from the list.'));
    expect(read(reader, block('static_select', { selected_option: 'red' }))).toEqual(error('Choose a colour from the list.'));
  });

  it('reads every chosen option of a multi select, and refuses the list if one was never offered', () => {
    const reader = multiStaticSelect(colours);
    expect(read(reader, block('multi_static_select', { selected_options: [option('red'), option('blue')] }))).toEqual(value(['red', 'blue']));
    expect(read(reader, block('multi_static_select', { selected_options: [option('red'), option('green')] })).ok).toBe(false);
  });

  it('refuses more options than a Slack select can hold', () => {
    const many = Array.from({ length: 101 }, () => option('red'));
    expect(read(multiStaticSelect(colours), block('multi_static_select', { selected_options: many })).ok).toBe(false);
  });

  it.each([
    ['a channel', conversationSelect(), 'conversations_select', 'selected_conversation', ['C0DIGEST', 'G0PRIVATE'], ['general', '#general', 'c0digest', 'U0ADA', '']],
    ['a person', userSelect(), 'users_select', 'selected_user', ['U0ADA', 'W0GRID'], ['ada', '@ada', 'C0DIGEST', '']],
  ] as const)('reads %s id only in the form Slack writes it', (_name, reader, type, key, good, bad) => {
    for (const id of good) expect(read(reader, block(type, { [key]: id }))).toEqual(value(id));
    for (const id of bad) expect(read(reader, block(type, { [key]: id })).ok, id).toBe(false);
  });
});

describe('readInputs', () => {
  const spec = {
    tactic: staticSelect(z.enum(['phone_bank']), { actionId: 'choose', required: 'Choose what you did.' }),
    place: textInput(),
    count: wholeNumberInput(),
  };

  it('reads every field', () => {
    const values = { tactic: { choose: { type: 'static_select', selected_option: option('phone_bank') } }, place: block('plain_text_input', { value: 'Elm' }), count: block('number_input', { value: '3' }) };
    expect(readInputs(values, spec)).toEqual({ ok: true, data: { tactic: 'phone_bank', place: 'Elm', count: 3 } });
  });

  it('names every field that failed at once, and keeps the ones that were read', () => {
    const values = { tactic: { choose: { type: 'static_select', selected_option: null } }, place: block('plain_text_input', { value: 'Elm' }), count: block('number_input', { value: '0x10' }) };
    expect(readInputs(values, spec)).toEqual({
      ok: false,
      errors: { tactic: 'Choose what you did.', count: 'Enter a whole number, 0 or more, like 12.' },
      partial: { place: 'Elm' },
    });
  });

  it('reads only blocks the state itself holds, never inherited ones', () => {
    expect(readInputs({}, { toString: textInput(), constructor: textInput() })).toEqual({
      ok: false,
      errors: { toString: UNREADABLE_FIELD, constructor: UNREADABLE_FIELD },
      partial: {},
    });
  });

  it('lets a block the modal only sometimes shows be absent', () => {
    const groups = whenPresent(multiStaticSelect(z.string()));
    expect(readInputs({}, { groups })).toEqual({ ok: true, data: { groups: undefined } });
    expect(readInputs({ groups: block('multi_static_select', { selected_options: [] }) }, { groups })).toEqual({ ok: true, data: { groups: [] } });
    expect(readInputs({ groups: 'S0STAFF' }, { groups })).toEqual({ ok: false, errors: { groups: UNREADABLE_FIELD }, partial: {} });
  });
});

describe('stateValuesOf', () => {
  it('finds the values of a submitted view', () => {
    const values = { place: block('plain_text_input', { value: null }) };
    expect(stateValuesOf({ state: { values } })).toBe(values);
  });

  it.each([undefined, null, 'view', [], {}, { state: null }, { state: 'x' }, { state: {} }, { state: { values: null } }, { state: { values: [] } }, { state: { values: 'x' } }])(
    'finds none in %j',
    (view) => {
      expect(stateValuesOf(view)).toBeNull();
    },
  );
});

describe('readMetadata', () => {
  const schema = z.object({ today: z.iso.date(), responseUrl: z.url().optional() });

  it('reads the metadata a modal wrote', () => {
    expect(readMetadata(schema, '{"today":"2026-03-14"}')).toEqual({ today: '2026-03-14' });
  });

  it.each([undefined, null, 42, { today: '2026-03-14' }, '', 'not json', '{"today":', 'null', '[]', '"2026-03-14"', '{}', '{"today":20260314}', '{"today":"2026-03-14","responseUrl":"no url"}'])(
    'reads nothing from %j',
    (raw) => {
      expect(readMetadata(schema, raw)).toBeNull();
    },
  );
});

describe('readActionValue with rowId', () => {
  it.each([
    ['1', 1],
    ['42', 42],
    ['9007199254740991', Number.MAX_SAFE_INTEGER],
  ])('reads the id %s', (raw, id) => {
    expect(readActionValue(rowId, raw)).toBe(id);
  });

  it.each(['', '0', '0x10', '1e3', ' 12', '12 ', '12.0', '-1', '+1', '012', '99999999999999999999', '9007199254740992', 'null', undefined, null, 12, ['12']])(
    'reads nothing from %j',
    (raw) => {
      expect(readActionValue(rowId, raw)).toBeNull();
    },
  );
});
