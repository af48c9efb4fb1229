import { describe, expect, it } from 'vitest';
import { checkLogDraft, type LogDraft } from '../../src/logging/log-entry.js';

const today = '2026-11-29';
const draft = (changes: Partial<LogDraft>): LogDraft => ({
  tacticId: 'door_knocking',
  counts: { doors: 40, conversations: 12, signups: 5 },
  occurredOn: today,
  place: null,
  note: null,
  story: null,
  storyConsent: false,
  ...changes,
});

describe('checkLogDraft', () => {
  it('accepts a plausible report', () => {
    expect(checkLogDraft(draft({}), today)).toEqual([]);
    expect(checkLogDraft(draft({ occurredOn: '2026-09-01', story: 'A win', storyConsent: true }), today)).toEqual([]);
  });

  it.each<[string, Partial<LogDraft>, string, string]>([
    ['too many doors', { counts: { doors: 5001 } }, 'counts', 'at most 5,000'],
    ['a negative count', { counts: { doors: -1 } }, 'counts', 'whole number'],
    ['a fraction', { counts: { doors: 2.5 } }, 'counts', 'whole number'],
    ['a unit the tactic does not count', { counts: { letters: 2 } }, 'counts', "doesn't count letters"],
    ['nothing above zero', { counts: { doors: 0 } }, 'counts', 'at least one count above zero'],
    ['more conversations than doors', { counts: { doors: 10, conversations: 11 } }, 'counts', 'more than the 10 doors knocked'],
    ['a future day', { occurredOn: '2026-11-30' }, 'date', 'in the future'],
    ['an impossible day', { occurredOn: '2026-02-30' }, 'date', 'not a real date'],
    ['a day long ago', { occurredOn: '2026-08-01' }, 'date', 'more than 90 days ago'],
    ['a long place', { place: 'x'.repeat(81) }, 'place', 'keep it to 80'],
    ['a long note', { note: 'x'.repeat(501) }, 'note', 'keep it to 500'],
    ['a long story', { story: 'x'.repeat(2001) }, 'story', 'The story is 2,001 characters; keep it to 2,000.'],
    ['consent without a story', { storyConsent: true }, 'story', 'Write the story'],
  ])('refuses %s', (_name, changes, field, message) => {
    const problems = checkLogDraft(draft(changes), today);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.field).toBe(field);
    expect(problems[0]?.message).toContain(message);
  });

  it('reports every problem at once', () => {
    const problems = checkLogDraft(draft({ counts: { doors: 9000 }, occurredOn: '2027-01-01', note: 'x'.repeat(600) }), today);
    expect(problems.map((p) => p.field)).toEqual(['counts', 'date', 'note']);
  });

  it.each<[string, Partial<LogDraft>]>([
    ['499 emoji in the note', { note: '😀'.repeat(499) }],
    ['500 flags in the note', { note: '🇺🇸'.repeat(500) }],
    ['80 accented letters typed as letter + accent in the place', { place: 'e\u0301'.repeat(80) }],
    ['2,000 families of four in the story', { story: '👨‍👩‍👧‍👦'.repeat(2000), storyConsent: true }],
  ])('counts characters as a person sees them, so it accepts %s', (_name, changes) => {
    expect(checkLogDraft(draft(changes), today)).toEqual([]);
  });

  it.each<[string, Partial<LogDraft>, string]>([
    ['501 emoji in the note', { note: '😀'.repeat(501) }, 'The note is 501 characters; keep it to 500.'],
    ['81 flags in the place', { place: '🇺🇸'.repeat(81) }, 'The place is 81 characters; keep it to 80.'],
  ])('and refuses %s, saying how many it counted', (_name, changes, message) => {
    expect(checkLogDraft(draft(changes), today).map((p) => p.message)).toEqual([message]);
  });

  it.each<[string, string, string]>([
    ['no day picked', '', 'Pick the day it happened.'],
    ['a day that does not exist', '2026-02-30', '“2026-02-30” is not a real date.'],
    ['tomorrow', '2026-11-30', 'Mon 30 Nov is in the future. Log actions once they have happened.'],
    ['a day in a later year', '2031-11-20', 'Thu 20 Nov 2031 is in the future. Log actions once they have happened.'],
    ['a day long ago', '2026-08-01', 'Sat 1 Aug is more than 90 days ago (the earliest is Mon 31 Aug).'],
    ['a day in an earlier year', '2025-11-20', 'Thu 20 Nov 2025 is more than 90 days ago (the earliest is Mon 31 Aug).'],
  ])('names the day it refuses as a person reads it: %s', (_name, occurredOn, message) => {
    expect(checkLogDraft(draft({ occurredOn }), today)).toEqual([{ field: 'date', message }]);
  });

  it('shows the year of the earliest day when that is last year', () => {
    const [problem] = checkLogDraft(draft({ occurredOn: '2026-10-01' }), '2027-01-15');
    expect(problem?.message).toBe('Thu 1 Oct 2026 is more than 90 days ago (the earliest is Sat 17 Oct 2026).');
  });

  it.each<[string, number, string]>([
    ['a count too long to be a number', Infinity, 'That many doors knocked is more than one report can hold (at most 5,000).'],
    ['a huge count', 9e15, '9,000,000,000,000,000 doors knocked is more than one report can hold (at most 5,000).'],
    ['a count past exact integers', 1e21, 'That many doors knocked is more than one report can hold (at most 5,000).'],
    ['not a number at all', NaN, 'doors knocked must be a whole number, 0 or more.'],
  ])('refuses %s in words', (_name, doors, message) => {
    const [problem] = checkLogDraft(draft({ counts: { doors } }), today);
    expect(problem?.message).toContain(message);
  });
});
