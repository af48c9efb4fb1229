import { describe, it, expect } from 'vitest';
import { checkLogDraft, type Counts, type LogDraft } from '../../src/logging/log-entry.js';
import { exampleFor, parseLogText } from '../../src/logging/parse-log-text.js';
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
    ['impossible ISO date', '40 doors 2026-02-30', '2026-02-30 is not a real date'],
    ['impossible month/day', '40 doors 2/30', '2/30 is not a real date'],
    ['two dates', '40 doors yesterday mon', '“yesterday” and “mon” are both dates'],
    ['two places', '40 doors at Elm turf:oak', '“Elm” and “oak” are both places'],
    ['unclosed quote', '40 doors at "Elm St', 'The place “Elm St” is missing its closing quote'],
  ])('%s: %s', (_name, text, problem, tacticId = 'door_knocking') => {
    const parsed = parseLogText(text, tacticId, TODAY);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.problem).toContain(problem);
      expect(parsed.problem).not.toContain('Try:');
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
