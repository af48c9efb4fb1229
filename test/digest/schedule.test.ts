import { describe, expect, it } from 'vitest';
import { composeDigest } from '../../src/digest/compose-digest.js';
import { dueDigest, windowBefore, zonedInstant } from '../../src/digest/schedule.js';

const monday9Chicago = { day: 1, time: '09:00', timeZone: 'America/Chicago' };

describe('the digest schedule', () => {
  it.each([
    // Before and after the US fall-back on Sunday 1 Nov 2026: 09:00 Chicago is 14:00Z, then 15:00Z.
    ['2026-10-26T14:00:00Z', '2026-10-19', '2026-10-25', 0],
    ['2026-11-02T14:59:00Z', '2026-10-19', '2026-10-25', 7 * 24 * 60 + 59],
    ['2026-11-02T15:00:00Z', '2026-10-26', '2026-11-01', 0],
    ['2026-11-02T16:30:00Z', '2026-10-26', '2026-11-01', 90],
  ])('at %s covers %s..%s, %i minutes after it was due', (now, from, to, lateMinutes) => {
    const due = dueDigest(new Date(now), monday9Chicago);
    expect(due.window).toEqual({ from, to });
    expect(due.lateMs / 60_000).toBe(lateMinutes);
    expect(due.tooLate).toBe(lateMinutes > 24 * 60);
  });

  it('turns wall-clock times into instants across daylight-saving changes', () => {
    expect(zonedInstant('2026-03-09', '09:00', 'America/Chicago').toISOString()).toBe('2026-03-09T14:00:00.000Z');
    expect(zonedInstant('2026-03-02', '09:00', 'America/Chicago').toISOString()).toBe('2026-03-02T15:00:00.000Z');
    // 02:30 does not exist on 8 March in Chicago: the hour after.
    expect(zonedInstant('2026-03-08', '02:30', 'America/Chicago').toISOString()).toBe('2026-03-08T08:30:00.000Z');
    // 01:30 happens twice on 1 November: the first.
    expect(zonedInstant('2026-11-01', '01:30', 'America/Chicago').toISOString()).toBe('2026-11-01T06:30:00.000Z');
    expect(zonedInstant('2026-11-30', '09:00', 'Asia/Kolkata').toISOString()).toBe('2026-11-30T03:30:00.000Z');
  });

  it('composes the week that crosses a daylight-saving change as seven days, with eight whole weeks in the chart', () => {
    const window = windowBefore('2026-11-02');
    const digest = composeDigest({
      window,
      weeks: [{ weeksAgo: 0, tactics: [{ tacticId: 'phone_bank', actions: 2, counts: { calls: 40 } }] }],
      people: { newcomers: [], bothChannels: [], active: 1 },
      stories: [],
      nextUp: [],
    });
    expect(window).toEqual({ from: '2026-10-26', to: '2026-11-01' });
    const weeks = [...new Set(digest.chart.map((p) => p.weekEnding))];
    expect(weeks).toEqual(['2026-09-13', '2026-09-20', '2026-09-27', '2026-10-04', '2026-10-11', '2026-10-18', '2026-10-25', '2026-11-01']);
    expect(digest.chart.filter((p) => p.weekEnding === '2026-11-01' && p.actions > 0)).toEqual([{ weekEnding: '2026-11-01', goal: 'campaign', channel: 'offline', actions: 2 }]);
  });
});
