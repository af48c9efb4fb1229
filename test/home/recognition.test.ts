import { describe, expect, it } from 'vitest';
import { contributionMix, milestonesReached, nextMilestone, ordinal, streakOf, type RecognitionFacts } from '../../src/home/recognition.js';

const facts = (overrides: Partial<RecognitionFacts> = {}): RecognitionFacts => ({
  thisWeek: '2026-03-02',
  totalActions: 0,
  firstActionOn: null,
  firstOn: { offline: null, online: null },
  firstStoryOn: null,
  nthActionOn: {},
  streak: { weeks: 0, lastWeek: null },
  ...overrides,
});

describe('milestonesReached', () => {
  it('has none before the first action', () => {
    expect(milestonesReached(facts())).toEqual([]);
  });

  it('lists every first and count milestone reached, newest first, marking those reached this week', () => {
    const reached = milestonesReached(
      facts({
        totalActions: 57,
        firstActionOn: '2025-01-04',
        firstOn: { offline: '2025-01-04', online: '2026-03-03' },
        firstStoryOn: '2025-02-10',
        nthActionOn: { 10: '2025-04-01', 50: '2026-03-02' },
      }),
    );
    expect(reached.map((m) => [m.id, m.reachedOn, m.isNew])).toEqual([
      ['first_online', '2026-03-03', true],
      ['both_channels', '2026-03-03', true],
      ['actions_50', '2026-03-02', true],
      ['actions_10', '2025-04-01', false],
      ['first_story', '2025-02-10', false],
      ['first_action', '2025-01-04', false],
      ['first_offline', '2025-01-04', false],
    ]);
    expect(reached.find((m) => m.id === 'actions_50')?.label).toBe('Your 50th action');
  });

  it('names organizing both offline and online on the day the second kind began', () => {
    const reached = milestonesReached(facts({ totalActions: 2, firstActionOn: '2025-05-01', firstOn: { offline: '2025-06-01', online: '2025-05-01' } }));
    expect(reached.find((m) => m.id === 'both_channels')?.reachedOn).toBe('2025-06-01');
    const onlyOnline = milestonesReached(facts({ totalActions: 1, firstActionOn: '2025-05-01', firstOn: { offline: null, online: '2025-05-01' } }));
    expect(onlyOnline.map((m) => m.id)).toEqual(['first_action', 'first_online']);
  });
});

describe('nextMilestone', () => {
  it.each([
    [0, { count: 10, toGo: 10 }],
    [9, { count: 10, toGo: 1 }],
    [10, { count: 50, toGo: 40 }],
    [999, { count: 1000, toGo: 1 }],
    [1000, null],
    [5000, null],
  ])('after %i actions: %j', (total, expected) => {
    expect(nextMilestone(total)).toEqual(expected);
  });
});

describe('streakOf', () => {
  it('tells a streak that includes this week from one still alive through last week', () => {
    expect(streakOf(facts({ streak: { weeks: 4, lastWeek: '2026-03-02' } }))).toEqual({ weeks: 4, includesThisWeek: true });
    expect(streakOf(facts({ streak: { weeks: 3, lastWeek: '2026-02-23' } }))).toEqual({ weeks: 3, includesThisWeek: false });
    expect(streakOf(facts())).toEqual({ weeks: 0, includesThisWeek: false });
  });
});

describe('contributionMix', () => {
  it.each([
    [0, 0, 'none'],
    [3, 0, 'offline'],
    [0, 1, 'online'],
    [2, 5, 'both'],
  ] as const)('%i offline and %i online: %s', (offline, online, mix) => {
    expect(contributionMix({ offline, online })).toBe(mix);
  });
});

describe('ordinal', () => {
  it.each([
    [1, '1st'],
    [2, '2nd'],
    [3, '3rd'],
    [4, '4th'],
    [11, '11th'],
    [12, '12th'],
    [13, '13th'],
    [21, '21st'],
    [100, '100th'],
    [1000, '1,000th'],
  ])('%i → %s', (n, text) => {
    expect(ordinal(n)).toBe(text);
  });
});
