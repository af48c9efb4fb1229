import { describe, it, expect } from 'vitest';
import { checkLogDraft, type Counts, type LogDraft } from '../../src/logging/log-entry.js';
import { LOG_TEXT_MAX_CHARS, exampleFor, parseLogText } from '../../src/logging/parse-log-text.js';
import { allTactics, type TacticId } from '../../src/domain/tactics.js';

/** A Sunday, so weekday names resolve to a day of the week that ends today. */
const TODAY = '2026-11-29';

function draft(
  counts: Counts,
  rest: Partial<Pick<LogDraft, 'tacticId' | 'occurredOn' | 'place' | 'note'>> = {},
): LogDraft {
  return {
    tacticId: 'door_knocking',
    counts,
    occurredOn: TODAY,
    place: null,
    note: null,
    story: null,
    storyConsent: false,
    ...rest,
  };
}

describe('parseLogText reads', () => {
  it.each<[string, string, LogDraft]>([
    // counts in every shape
    ['number then unit', '40 doors 12 talked 5 signed', draft({ doors: 40, conversations: 12, signups: 5 })],
    ['unit then number', 'doors 40 talked 12', draft({ doors: 40, conversations: 12 })],
    ['any order, any case', '5 SIGNED 12 Convos 40 Doors', draft({ doors: 40, conversations: 12, signups: 5 })],
    ['both directions mixed', 'doors 40 12 talked', draft({ doors: 40, conversations: 12 })],
    ['glued', '40doors 12talked', draft({ doors: 40, conversations: 12 })],
    ['colon and equals', 'doors:40 convos=12', draft({ doors: 40, conversations: 12 })],
    ['a colon label takes the number after it', 'doors: 40 talked', draft({ doors: 40 }, { note: 'talked' })],
    ['colon, space and commas between items', 'doors: 40, talked: 12, signed: 5', draft({ doors: 40, conversations: 12, signups: 5 })],
    ['thousands separator', '1,200 doors', draft({ doors: 1200 })],
    ['synonyms', '40 knocks 3 conversations 2 pledges', draft({ doors: 40, conversations: 3, signups: 2 })],
    ['two-word units', '40 doors knocked 5 signed up', draft({ doors: 40, signups: 5 })],
    ['hyphenated synonym', '3 sign-ups 10 door', draft({ doors: 10, signups: 3 })],
    ['a stray unit word stays in the note, number-first', 'knocked 40 doors', draft({ doors: 40 }, { note: 'knocked' })],
    ['range limits are left to checkLogDraft', '9000 doors 0 talked', draft({ doors: 9000, conversations: 0 })],
    // dates
    ['today', '40 doors today', draft({ doors: 40 })],
    ['yesterday', 'yesterday 40 doors', draft({ doors: 40 }, { occurredOn: '2026-11-28' })],
    ["today's weekday is today", '40 doors sun', draft({ doors: 40 }, { occurredOn: '2026-11-29' })],
    ['full weekday with "on"', '40 doors on Monday', draft({ doors: 40 }, { occurredOn: '2026-11-23' })],
    ['"tues" first', 'tues 40 doors', draft({ doors: 40 }, { occurredOn: '2026-11-24' })],
    ['"thu"', '40 doors thu', draft({ doors: 40 }, { occurredOn: '2026-11-26' })],
    ['"Sat" is yesterday from a Sunday', '40 doors Sat', draft({ doors: 40 }, { occurredOn: '2026-11-28' })],
    ['ISO with "on"', '40 doors on 2026-11-20', draft({ doors: 40 }, { occurredOn: '2026-11-20' })],
    ['month/day this year', '40 doors 11/20', draft({ doors: 40 }, { occurredOn: '2026-11-20' })],
    ['month/day after today stays this year', '40 doors 12/05', draft({ doors: 40 }, { occurredOn: '2026-12-05' })],
    // places
    ['double-quoted place', '40 doors at "Elm St"', draft({ doors: 40 }, { place: 'Elm St' })],
    ['curly-quoted place from Slack', '40 doors at “Elm  St ”', draft({ doors: 40 }, { place: 'Elm St' })],
    ['single-quoted place', "at 'Elm St' 40 doors", draft({ doors: 40 }, { place: 'Elm St' })],
    ['turf id', '40 doors turf:elm-st', draft({ doors: 40 }, { place: 'elm-st' })],
    ['quoted turf', '40 doors turf:"Elm St"', draft({ doors: 40 }, { place: 'Elm St' })],
    ['one word after "at", punctuation dropped', '40 doors at Elm, 12 talked', draft({ doors: 40, conversations: 12 }, { place: 'Elm' })],
    // notes
    ['leftover words', '40 doors great turnout on Elm', draft({ doors: 40 }, { note: 'great turnout on Elm' })],
    ['stray separators trimmed from the note', '40 doors, 12 talked, 5 signed - great night!', draft({ doors: 40, conversations: 12, signups: 5 }, { note: 'great night!' })],
    ['"note:" takes the rest verbatim, numbers too', '40 doors note: 3 dogs, 1 cat at "home"', draft({ doors: 40 }, { note: '3 dogs, 1 cat at "home"' })],
    ['"note" with quotes, parsing goes on after', '40 doors note "rainy" yesterday', draft({ doors: 40 }, { note: 'rainy', occurredOn: '2026-11-28' })],
    ['Slack escapes are undone', '40 doors rent &amp; repairs', draft({ doors: 40 }, { note: 'rent & repairs' })],
    ['ordinals are words', '40 doors 2nd pass', draft({ doors: 40 }, { note: '2nd pass' })],
    [
      'everything at once, out of order',
      'at "Oak Ave" yesterday 5 signed rain held off 40 doors',
      draft({ doors: 40, signups: 5 }, { occurredOn: '2026-11-28', place: 'Oak Ave', note: 'rain held off' }),
    ],
    // other tactics
    ['phone bank synonyms', '60 dials 12 spoke 3 commitments', draft({ calls: 60, conversations: 12, signups: 3 }, { tacticId: 'phone_bank' })],
    ['hours glued as "hrs"', '2 trainings 3hrs', draft({ trainings: 2, hours: 3 }, { tacticId: 'training' })],
    ['press hits', '2 press hits', draft({ press_hits: 2 }, { tacticId: 'press_hit' })],
    ['texts are messages', '200 texts 4 signups', draft({ messages: 200, signups: 4 }, { tacticId: 'email_outreach' })],
  ])('%s: %s', (_name, text, expected) => {
    expect(parseLogText(text, expected.tacticId, TODAY)).toEqual({ ok: true, draft: expected });
  });
});

describe('parseLogText explains', () => {
  it.each<[string, string, string, TacticId?]>([
    ['empty text', '', "There's nothing to log yet"],
    ['only spaces', '   ', "There's nothing to log yet"],
    ['no counts', 'hello world', "I couldn't find any counts in “hello world”"],
    ['date and place but no counts', 'yesterday at "Elm St"', "I couldn't find any counts"],
    ['a number with no unit at the end', '40 doors 12', '12 has no unit: say what it counts, like “12 doors”'],
    ['two numbers in a row', '40 12 doors', '40 has no unit'],
    ['a number before an unknown word', '40 doors on 3 streets', '3 has no unit: “streets” isn\'t something Door knocking counts'],
    ['a unit the tactic does not count', '40 doors 3 letters', "Door knocking doesn't count letters (“3 letters”); it counts doors knocked, conversations and sign-ups"],
    ['a unit of another tactic', '3 doors', "Training (in person) doesn't count doors knocked", 'training'],
    ['a unit twice', '40 doors 12 doors', '“40 doors” and “12 doors” both count doors knocked'],
    ['a unit twice via synonyms', 'doors:40 12 knocks', '“doors:40” and “12 knocks” both count doors knocked'],
    ['negative', '-5 doors', "Counts can't be negative, so -5"],
    ['negative after a colon', 'doors:-5', "Counts can't be negative"],
    ['decimal', '2.5 doors', 'Counts are whole numbers, so 2.5'],
    ['decimal hours', '1.5h', 'Counts are whole numbers, so 1.5', 'research'],
    ['bad thousands separator', '1,20 doors', "I can't read 1,20 as a number"],
    ['glued unknown unit', '40dors', '“dors” isn\'t something Door knocking counts'],
    ['a time is not a count', '40 doors 5pm', 'I couldn\'t read “5pm”: “pm” isn\'t something Door knocking counts'],
    ['numbers in a note need "note:"', '40 doors 3 dogs', 'to keep it in the note, write it after “note:”'],
    ['impossible ISO date', '40 doors 2026-02-30', '“2026-02-30” is not a real date'],
    ['impossible month/day', '40 doors 2/30', '“2/30” is not a real date (I read dates like 11/20 as month/day)'],
    ['two dates', '40 doors yesterday mon', '“yesterday” and “mon” are both dates'],
    ['two places', '40 doors at Elm turf:oak', '“Elm” and “oak” are both places'],
    ['unclosed quote', '40 doors at "Elm St', 'The place “Elm St” is missing its closing quote'],
    ['a quote opened at the very end', '40 doors at "', 'The place after “at” opens a quote with nothing in it'],
    ['a note quote opened at the very end', '40 doors note “', 'The note after “note” opens a quote with nothing in it'],
    ['a long text with no counts is shown shortened', `hello ${'world '.repeat(100)}`, '“hello world world'],
  ])('%s: %s', (_name, text, problem, tacticId = 'door_knocking') => {
    const parsed = parseLogText(text, tacticId, TODAY);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.problem).toContain(problem);
      expect(parsed.problem).not.toContain('Try:');
    }
  });
});

describe('parseLogText keeps the note as typed, trimming only real separators', () => {
  it.each<[string, string, string | null]>([
    ['an emoji code after "note:"', '40 doors note: great day :skull:', 'great day :skull:'],
    ['an emoji code at the end of the leftover words', '40 doors great day :skull:', 'great day :skull:'],
    ['an emoji code with a comma after it', '40 doors great day :skull:,', 'great day :skull:'],
    ['an emoji code first', ':tada: 40 doors', ':tada:'],
    ['an emoji code with a plus', '40 doors | 12 talked | :+1:', ':+1:'],
    ['a URL ending in a slash', '40 doors see https://example.org/', 'see https://example.org/'],
    ['a dash between words', '40 doors a - b', 'a - b'],
    ['a hyphenated word at the end', '40 doors door-to-door', 'door-to-door'],
    ['a trailing "--" separator', '40 doors great night --', 'great night'],
    ['a leading "--" separator', '40 doors -- great night', 'great night'],
    ['"--" after "note:" is what was typed', '40 doors note: great night --', 'great night --'],
    ['a comma left after the note', 'great night, 40 doors', 'great night'],
    ['a colon left after the note', 'Elm St: 40 doors', 'Elm St'],
    ['an em dash clinging to the note', '40 doors —great night', 'great night'],
    ['"and" between counts', '40 doors and 12 talked', null],
    ['an ampersand between counts', '40 doors & 12 talked', null],
    ['separators only', '40 doors | 12 talked |', null],
    ['ellipses are not separators', 'so tired... 40 doors', 'so tired...'],
  ])('%s: %s', (_name, text, note) => {
    const parsed = parseLogText(text, 'door_knocking', TODAY);
    expect(parsed).toMatchObject({ ok: true, draft: { note } });
  });

  it('keeps an emoji code as a bare place', () => {
    expect(parseLogText('40 doors at :house:', 'door_knocking', TODAY)).toMatchObject({ ok: true, draft: { place: ':house:' } });
  });
});

describe('parseLogText reads the words people use for days', () => {
  it.each<[string, string, string]>([
    ['tonight is today', '40 doors tonight', '2026-11-29'],
    ['this morning is today', 'this morning 40 doors', '2026-11-29'],
    ['last night is yesterday', '40 doors last night', '2026-11-28'],
    ['yday is yesterday', '40 doors yday', '2026-11-28'],
    ['"last sun" on a Sunday is a week ago', '40 doors last sun', '2026-11-22'],
    ['"last Sat" on a Sunday is yesterday', '40 doors last Sat', '2026-11-28'],
    ['days ago', '40 doors 3 days ago', '2026-11-26'],
    ['one day ago', '1 day ago 40 doors', '2026-11-28'],
    ['digits of another script in "days ago"', '40 doors ٣ days ago', '2026-11-26'],
    ['a two-digit year', '40 doors 11/20/26', '2026-11-20'],
    ['a four-digit year', '40 doors 11/20/2026', '2026-11-20'],
  ])('%s: %s', (_name, text, occurredOn) => {
    const parsed = parseLogText(text, 'door_knocking', TODAY);
    expect(parsed).toEqual({ ok: true, draft: draft({ doors: 40 }, { occurredOn }) });
  });

  it('leaves "tomorrow" alone inside an explicit note', () => {
    expect(parseLogText('40 doors note: back tomorrow', 'door_knocking', TODAY)).toMatchObject({
      ok: true,
      draft: { occurredOn: TODAY, note: 'back tomorrow' },
    });
  });

  it.each<[string, string]>([
    ['10 doors tomorrow', '“tomorrow” is in the future. Log actions once they have happened.'],
    ['10 doors Tomorrow.', '“tomorrow” is in the future.'],
    ['tmrw 10 doors', '“tmrw” is in the future.'],
    ['10 doors next week', '“next week” is in the future.'],
    ['10 doors next mon', '“next mon” is in the future.'],
    ['10 doors last week', '“last week” isn\'t one day: say which day, like “mon” or 11/20.'],
    ['10 doors 2 weeks ago', '“2 weeks ago” isn\'t one day'],
    ['10 doors 20.11.2026', 'I can\'t tell the day and month apart in “20.11.2026”; write it like 11/20 (month/day) or 2026-11-20.'],
    ['10 doors 2026-011-20', '“2026-011-20” is not a real date; write it like 11/20 (month/day) or 2026-11-20.'],
    ['10 doors 1/2/3/4', 'I can\'t read “1/2/3/4” as a date'],
    ['10 doors 2/30/26', '“2/30/26” is not a real date'],
    ['10 doors last night yesterday', '“last night” and “yesterday” are both dates'],
  ])('refuses %j, naming the words', (text, problem) => {
    const parsed = parseLogText(text, 'door_knocking', TODAY);
    expect(parsed).toMatchObject({ ok: false });
    if (!parsed.ok) expect(parsed.problem).toContain(problem);
  });
});

describe('parseLogText reads numbers exactly or not at all', () => {
  it.each<[string, string, Counts]>([
    ['Arabic-Indic digits', '٣ doors', { doors: 3 }],
    ['full-width digits', '１２ doors ３ talked', { doors: 12, conversations: 3 }],
    ['Devanagari digits after a label', 'doors:४०', { doors: 40 }],
    ['a plus sign', '+5 doors', { doors: 5 }],
    ['negative zero is zero', '-0 doors 2 signed', { doors: 0, signups: 2 }],
    ['leading zeros', '007 doors', { doors: 7 }],
    ['thousands with commas', '1,000,000 signatures', { signatures: 1_000_000 }],
  ])('%s: %s', (_name, text, counts) => {
    const tacticId = 'signatures' in counts ? 'petition' : 'door_knocking';
    const parsed = parseLogText(text, tacticId, TODAY);
    expect(parsed).toMatchObject({ ok: true, draft: { counts } });
    if (parsed.ok) expect(Object.is(parsed.draft.counts.doors, -0)).toBe(false);
  });

  it.each<[string, string]>([
    ['1e400 doors', "I can't read 1e400 as a number; write it like 1200 or 1,200."],
    ['1e3 doors', "I can't read 1e3 as a number"],
    [`${'9'.repeat(20)} doors`, '99999999999999999999 is far more than one report can hold; check for a typo.'],
    ['1,000,000,000,000,000,000 doors', 'is far more than one report can hold'],
    [`${'1'.repeat(200)} doors`, `${'1'.repeat(39)}… is far more than one report can hold`],
    ['1,,,,,2 doors', "I can't read 1,,,,,2 as a number"],
    ['1.000 doors', 'Counts are whole numbers: if 1.000 means 1000, write it without the dots, or with commas.'],
    ['-0.5 doors', "Counts can't be negative, so -0.5 doesn't work."],
    ['doors:-3', "Counts can't be negative, so -3 doesn't work."],
  ])('refuses %j', (text, problem) => {
    const parsed = parseLogText(text, 'door_knocking', TODAY);
    expect(parsed).toMatchObject({ ok: false });
    if (!parsed.ok) expect(parsed.problem).toContain(problem);
  });
});

describe('parseLogText refuses long text before reading it', () => {
  it('reads text of exactly the limit, counting an emoji as one character', () => {
    const note = '😀'.repeat(LOG_TEXT_MAX_CHARS - '40 doors note: '.length);
    expect(parseLogText(`40 doors note: ${note}`, 'door_knocking', TODAY)).toMatchObject({ ok: true, draft: { note } });
  });

  it.each<[string, string]>([
    ['one character over', `40 doors note: ${'x'.repeat(LOG_TEXT_MAX_CHARS)}`],
    ['a 100,000-character word', 'x'.repeat(100_000)],
    ['100,000 digits', '1'.repeat(100_000)],
    ['100,000 digits and a letter', `${'1'.repeat(100_000)}x`],
    ['commas between digits', `1${','.repeat(100_000)}x`],
    ['many quotes', '"'.repeat(100_000)],
    ['many curly quotes', '“'.repeat(100_000)],
    ['"at " repeated', 'at "'.repeat(25_000)],
    ['"at" repeated', 'at '.repeat(33_000)],
    ['separators between words', `40 doors a${',-'.repeat(50_000)}b`],
    ['Slack-escaped ampersands', '&amp;'.repeat(20_000)],
    ['50,000 emoji', '😀'.repeat(50_000)],
    ['one letter carrying 100,000 accents', `40 doors a${'\u0301'.repeat(100_000)}`],
  ])('%s: answers in well under 100 ms, nothing read', (_name, text) => {
    const started = performance.now();
    const parsed = parseLogText(text, 'door_knocking', TODAY);
    const elapsed = performance.now() - started;
    expect(parsed).toEqual({
      ok: false,
      problem: 'That text is longer than 2,000 characters, more than one report takes: give the counts, the day, the place and a note of up to 500 characters.',
    });
    expect(elapsed).toBeLessThan(100);
  });

  it.each<[string, string, string]>([
    ['a 2,000-character word', 'x'.repeat(2000), "I couldn't find any counts in “xxxxxxxx"],
    ['2,000 digits', '1'.repeat(2000), 'is far more than one report can hold'],
    ['digits then a letter', `${'1'.repeat(1999)}x`, "I couldn't read “1111"],
    ['commas between digits', `1${','.repeat(1998)}x`, "I couldn't find any counts"],
    ['a label and digits then a letter', `doors:${'1'.repeat(1993)}x`, "I couldn't find any counts"],
    ['many quotes', '"'.repeat(2000), "I couldn't find any counts"],
    ['"at " repeated', 'at "'.repeat(500), 'is missing its closing quote'],
    ['separators between words', `40 doors a${',-'.repeat(990)}b`, ''],
    ['colons', `40 doors ${':'.repeat(1990)}`, ''],
    ['a thousand numbers', '1 '.repeat(1000), '1 has no unit'],
    ['slashes', `40 doors ${'1/'.repeat(995)}1`, "I can't read “1/1/1/"],
    ['"last" repeated', 'last '.repeat(400), "I couldn't find any counts"],
    ['brackets', `${'('.repeat(1990)}x`, "I couldn't find any counts"],
    ['emoji codes', `40 doors ${':a'.repeat(990)}:`, ''],
  ])('%s, up to the limit: read in well under 100 ms, and any echo kept short', (_name, text, problem) => {
    const started = performance.now();
    const parsed = parseLogText(text, 'door_knocking', TODAY);
    expect(performance.now() - started).toBeLessThan(100);
    if (problem === '') {
      expect(parsed).toMatchObject({ ok: true, draft: { counts: { doors: 40 } } });
    } else {
      expect(parsed).toMatchObject({ ok: false });
      if (!parsed.ok) {
        expect(parsed.problem).toContain(problem);
        expect(parsed.problem.length).toBeLessThan(300);
      }
    }
  });
});

describe('exampleFor', () => {
  it('gives the documented door-knocking example', () => {
    expect(exampleFor('door_knocking')).toBe('40 doors 12 talked 5 signed yesterday at "Elm St"');
    expect(parseLogText(exampleFor('door_knocking'), 'door_knocking', TODAY)).toEqual({
      ok: true,
      draft: draft({ doors: 40, conversations: 12, signups: 5 }, { occurredOn: '2026-11-28', place: 'Elm St' }),
    });
  });

  it.each(allTactics().map((tactic) => [tactic.id]))('%s: the example parses back and passes checkLogDraft', (tacticId) => {
    const parsed = parseLogText(exampleFor(tacticId), tacticId, TODAY);
    expect(parsed).toMatchObject({ ok: true });
    if (parsed.ok) {
      expect(parsed.draft.tacticId).toBe(tacticId);
      expect(checkLogDraft(parsed.draft, TODAY)).toEqual([]);
    }
  });
});
