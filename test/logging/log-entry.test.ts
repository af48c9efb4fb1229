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
    ['a long story', { story: 'x'.repeat(2001) }, 'story', 'keep it to 2000'],
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
});
