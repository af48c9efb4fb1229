/** The ladder's rules at their boundaries: pure facts in, rung and next step out. */
import { describe, expect, it } from 'vitest';
import { LADDER, NO_FACTS, climbed, nextStepOf, rungOf, signalsOf, type LadderFacts } from '../../src/engagement/ladder.js';
import { climbersBetween } from '../../src/engagement/climbers.js';

const facts = (overrides: Partial<LadderFacts>): LadderFacts => ({ ...NO_FACTS, ...overrides });

describe('rungs', () => {
  it.each([
    ['nothing in the window', {}, 'supporter'],
    ['one action', { actions: 1, activeWeeks: 1 }, 'volunteer'],
    ['3 weeks active (one short of regular)', { actions: 9, activeWeeks: 3 }, 'volunteer'],
    ['4 weeks active', { actions: 4, activeWeeks: 4 }, 'regular'],
    ['4 weeks and 2 one-on-ones (one short of a signal)', { actions: 6, activeWeeks: 4, oneOnOnes: 2 }, 'regular'],
    ['4 weeks and 3 one-on-ones', { actions: 6, activeWeeks: 4, oneOnOnes: 3 }, 'emerging_leader'],
    ['a signal without the weeks', { actions: 3, activeWeeks: 3, houseParties: 1, skills: 1 }, 'volunteer'],
    ['5 weeks and two signals (one week short of leader)', { actions: 9, activeWeeks: 5, houseParties: 1, skills: 1 }, 'emerging_leader'],
    ['6 weeks and two signals', { actions: 9, activeWeeks: 6, houseParties: 1, skills: 1 }, 'leader'],
    ['2 shifts attended is not yet reliable', { actions: 6, activeWeeks: 6, attended: 2, skills: 1 }, 'emerging_leader'],
    ['3 shifts attended with a no-show is not reliable', { actions: 6, activeWeeks: 6, attended: 3, noShows: 1, skills: 1 }, 'emerging_leader'],
    ['3 shifts attended, no no-shows', { actions: 6, activeWeeks: 6, attended: 3, skills: 1 }, 'leader'],
  ] as const)('%s → %s', (_, given, expected) => {
    expect(rungOf(facts(given)).id).toBe(expected);
  });

  it('lists the rungs in climbing order, each with a meaning', () => {
    expect(LADDER.map((r) => r.id)).toEqual(['supporter', 'volunteer', 'regular', 'emerging_leader', 'leader']);
    for (const rung of LADDER) expect(rung.meaning.length).toBeGreaterThan(10);
  });

  it('names each leader signal that holds', () => {
    expect(signalsOf(facts({ oneOnOnes: 3, houseParties: 1, skills: 2, attended: 3 }))).toEqual(['one_on_ones', 'house_party', 'trained', 'reliable_shifts']);
    expect(signalsOf(facts({ oneOnOnes: 2, attended: 5, noShows: 1 }))).toEqual([]);
  });
});

describe('what would move someone up', () => {
  it('says exactly how far they are from the next rung', () => {
    expect(nextStepOf(facts({}))).toMatchObject({ rung: { id: 'volunteer' }, missing: ['log one action, offline or online'] });
    expect(nextStepOf(facts({ actions: 2, activeWeeks: 3 }))?.missing).toEqual(['act in 1 more week of the last 8']);
    const toEmerging = nextStepOf(facts({ actions: 5, activeWeeks: 4 }));
    expect(toEmerging?.rung.id).toBe('emerging_leader');
    expect(toEmerging?.missing).toHaveLength(1);
    expect(toEmerging?.missing[0]).toContain('1 more leader signal');
    expect(toEmerging?.missing[0]).toContain('hosted a house party');
    const toLeader = nextStepOf(facts({ actions: 5, activeWeeks: 4, skills: 1 }));
    expect(toLeader?.missing).toEqual([expect.stringContaining('act in 2 more weeks'), expect.stringContaining('1 more leader signal')]);
    expect(nextStepOf(facts({ actions: 9, activeWeeks: 8, skills: 1, houseParties: 1 }))).toBeUndefined();
  });
});

describe('climbers', () => {
  it('are those whose rung went up, from Regular on, in id order and never ranked by amount', () => {
    const before = new Map([
      ['U0B', facts({ actions: 3, activeWeeks: 3 })],
      ['U0A', facts({ actions: 4, activeWeeks: 4 })],
      ['U0C', facts({ actions: 50, activeWeeks: 4 })],
    ]);
    const after = new Map([
      ['U0B', facts({ actions: 4, activeWeeks: 4 })],
      ['U0A', facts({ actions: 5, activeWeeks: 4, skills: 1 })],
      ['U0C', facts({ actions: 60, activeWeeks: 5 })],
      ['U0NEW', facts({ actions: 1, activeWeeks: 1 })],
    ]);
    expect(climbersBetween(before, after)).toEqual([
      { userId: 'U0A', rung: 'emerging_leader' },
      { userId: 'U0B', rung: 'regular' },
    ]);
    expect(climbed(facts({}), facts({ actions: 1, activeWeeks: 1 }))).toBe(true);
  });
});
