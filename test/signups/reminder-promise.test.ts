import { describe, expect, it } from 'vitest';
import { reminderPromise } from '../../src/signups/reminder-promise.js';

const HOUR = 3_600_000;
const start = new Date('2026-12-05T18:00:00Z');
const before = (ms: number) => new Date(start.getTime() - ms);

describe('the reminders a seat taken now is promised', () => {
  it('names only the reminders still ahead, as the drain will send them', () => {
    expect(reminderPromise(start, before(25 * HOUR))).toBe("I'll remind you by DM 24 hours and 1 hour before. ");
    expect(reminderPromise(start, before(2 * HOUR), ', with the link or place')).toBe("I'll remind you by DM 1 hour before, with the link or place. ");
    expect(reminderPromise(start, before(HOUR / 2))).toBe('');
  });

  it('promises none whose moment is now: a reminder is owed only when it comes due after the seat was taken', () => {
    expect(reminderPromise(start, before(24 * HOUR))).toBe("I'll remind you by DM 1 hour before. ");
    expect(reminderPromise(start, before(HOUR))).toBe('');
  });
});
