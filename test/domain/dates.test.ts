import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, formatDay, isIsoDate, todayIn, weekStart, weekdayOf } from '../../src/domain/dates.js';

describe('calendar days', () => {
  it.each([
    ['2026-11-29', true],
    ['2028-02-29', true],
    ['2026-02-29', false],
    ['2026-13-01', false],
    ['2026-1-01', false],
    ['yesterday', false],
    // Years below 100 are years, not 1900 + year: 96 was a leap year, 1996 too, but 99 was not.
    ['0001-01-01', true],
    ['0096-02-29', true],
    ['0099-02-29', false],
  ])('%s is a real day: %s', (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });

  it('reads today in the person\'s own time zone', () => {
    const instant = new Date('2026-11-30T03:00:00Z');
    expect(todayIn('America/Los_Angeles', instant)).toBe('2026-11-29');
    expect(todayIn('Europe/Berlin', instant)).toBe('2026-11-30');
    expect(todayIn('Not/A_Zone', instant)).toBe('2026-11-30');
  });

  it('runs weeks Monday to Sunday', () => {
    expect(weekdayOf('2026-11-29')).toBe(0);
    expect(weekStart('2026-11-29')).toBe('2026-11-23');
    expect(weekStart('2026-11-23')).toBe('2026-11-23');
    expect(weekStart('2027-01-01')).toBe('2026-12-28');
  });

  it('counts days across months and years', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(daysBetween('2026-11-01', '2026-11-29')).toBe(28);
  });

  it('shows a day the way a reply reads it, with the year only when it is not this year', () => {
    expect(formatDay('2026-11-20')).toBe('Fri 20 Nov');
    expect(formatDay('2026-11-20', '2026-11-29')).toBe('Fri 20 Nov');
    expect(formatDay('2031-11-20', '2026-11-29')).toBe('Thu 20 Nov 2031');
    expect(formatDay('2025-12-31', '2026-01-02')).toBe('Wed 31 Dec 2025');
  });

  it('names every day as Intl does, remembered or not (2,500 days: more than it keeps), and years before 100 too', () => {
    const intl = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
    for (let i = 0; i < 2500; i += 1) {
      const day = addDays('2024-01-01', i);
      const expected = intl.format(new Date(`${day}T00:00:00Z`));
      expect(formatDay(day)).toBe(expected);
      expect(formatDay(day)).toBe(expected);
    }
    expect(addDays('0099-12-31', 1)).toBe('0100-01-01');
    expect(weekdayOf('0050-06-15')).toBe(new Date('0050-06-15T00:00:00Z').getUTCDay());
    expect(formatDay('0050-06-15', '2026-11-29')).toBe(`${intl.format(new Date('0050-06-15T00:00:00Z'))} 50`);
  });
});
