import { describe, expect, it } from 'vitest';
import { channelProblem, describeDigestSchedule, normalizeEmojiName, normalizeTimeZone, suggestTimeZones } from '../../src/team/settings.js';

describe('normalizeTimeZone', () => {
  it.each([
    ['America/Chicago', 'America/Chicago'],
    ['  america/chicago ', 'America/Chicago'],
    ['Europe/London', 'Europe/London'],
    ['us/eastern', 'America/New_York'],
    ['UTC', 'UTC'],
    ['utc', 'UTC'],
    // Spelled right, so kept as typed, even where this runtime's ICU knows it by an older alias.
    ['America/Argentina/Buenos_Aires', 'America/Argentina/Buenos_Aires'],
    ['Asia/Kolkata', 'Asia/Kolkata'],
    ['Europe/Kyiv', 'Europe/Kyiv'],
  ])('accepts %j as %j', (typed, zone) => {
    expect(normalizeTimeZone(typed)).toBe(zone);
  });

  it.each(['', 'EST', 'CST', 'Chicago', 'Mars/Olympus', '+05:00', 'America/', 'GMT-5'])('refuses %j', (typed) => {
    expect(normalizeTimeZone(typed)).toBeNull();
  });
});

describe('suggestTimeZones', () => {
  it('finds zones by city', () => {
    expect(suggestTimeZones('Chicago')).toEqual(['America/Chicago']);
    expect(suggestTimeZones('new york')[0]).toBe('America/New_York');
  });

  it('suggests nothing for short or unrelated words', () => {
    expect(suggestTimeZones('EST')).toEqual([]);
    expect(suggestTimeZones('xy')).toEqual([]);
  });
});

describe('normalizeEmojiName', () => {
  it.each([
    [':star:', 'star'],
    ['star', 'star'],
    [' :Tada: ', 'tada'],
    [':+1:', '+1'],
    [':raised-hands:', 'raised-hands'],
    ['custom_emoji_2', 'custom_emoji_2'],
  ])('reads %j as %j', (typed, name) => {
    expect(normalizeEmojiName(typed)).toBe(name);
  });

  it.each(['', '::', ':star: :tada:', 'two words', '⭐', ':star'.repeat(30)])('refuses %j', (typed) => {
    expect(normalizeEmojiName(typed)).toBeNull();
  });
});

describe('the rest of the settings rules', () => {
  it('tells an admin how to fix each channel problem', () => {
    expect(channelProblem('ok')).toBeNull();
    expect(channelProblem('not_member')).toContain('/invite @Groundwork');
    expect(channelProblem('not_visible')).toContain('/invite @Groundwork');
    expect(channelProblem('archived')).toContain('archived');
    expect(channelProblem('unchecked')).toContain('Save again');
  });

  it('describes the digest schedule', () => {
    expect(describeDigestSchedule({ digestDay: 0, digestTime: '18:00', timeZone: 'Europe/Berlin' })).toBe('Sunday at 18:00 (Europe/Berlin)');
    expect(describeDigestSchedule({ digestDay: null, digestTime: '18:00', timeZone: null })).toBeNull();
  });
});
