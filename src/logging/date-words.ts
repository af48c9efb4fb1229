/**
 * The words people use for the day something happened: "yesterday", "mon", "last night", "11/20",
 * "2026-11-20", "3 days ago". Words that name a day still to come, or no one day, are read too, so
 * they are refused instead of ending up in the note while the report is dated today.
 * Words come in lowercase, with ASCII digits.
 */
import { addDays, isIsoDate, weekdayOf, type IsoDate } from '../domain/dates.js';
import { quote } from '../domain/text.js';

export type DateReading = { date: IsoDate } | { problem: string };

/** 0 = Sunday, as weekdayOf counts. */
const WEEKDAYS = new Map<string, number>([
  ['sun', 0], ['sunday', 0],
  ['mon', 1], ['monday', 1],
  ['tue', 2], ['tues', 2], ['tuesday', 2],
  ['wed', 3], ['weds', 3], ['wednesday', 3],
  ['thu', 4], ['thur', 4], ['thurs', 4], ['thursday', 4],
  ['fri', 5], ['friday', 5],
  ['sat', 6], ['saturday', 6],
]);
const TODAY_WORDS = new Set(['today', 'tonight']);
const YESTERDAY_WORDS = new Set(['yesterday', 'yday']);
/** With the misspellings people type in a hurry. */
const TOMORROW_WORDS = new Set(['tomorrow', 'tmrw', 'tmr', 'tomorow', 'tommorow', 'tommorrow']);
const PARTS_OF_DAY = new Set(['morning', 'afternoon', 'evening']);
/** Spans longer than a day: "last week" or "2 weeks ago" leave the day itself to guess. */
const PERIODS = new Set(['week', 'weeks', 'weekend', 'month', 'months', 'year', 'years']);

const ISO_DAY = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
/** A near miss of ISO_DAY, such as 2026-011-20: a date typed wrong, not a word of the note. */
const ISO_LIKE = /^\d{4}-\d+-\d+$/;
/** 11/20, 11/20/2026 or 11/20/26. */
const MONTH_DAY = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{4}|\d{2}))?$/;
const SLASHED = /^\d+(?:\/\d+)+$/;
/** 20.11.2026, the way much of the world writes day.month.year. */
const DOTTED_DAY = /^\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2})$/;
const DATE_FORMATS = 'write it like 11/20 (month/day) or 2026-11-20';

/**
 * One word as a day, or null when it is not one. Weekdays mean the latest such day on or before
 * today; whether a day is too old or in the future is checkLogDraft's call, except for words such
 * as "tomorrow" that can only mean a day to come.
 */
export function readDateWord(word: string, today: IsoDate): DateReading | null {
  if (TODAY_WORDS.has(word)) return { date: today };
  if (YESTERDAY_WORDS.has(word)) return { date: addDays(today, -1) };
  if (TOMORROW_WORDS.has(word)) return inTheFuture(word);
  const weekday = WEEKDAYS.get(word);
  if (weekday !== undefined) return { date: addDays(today, -((weekdayOf(today) - weekday + 7) % 7)) };
  const iso = ISO_DAY.exec(word);
  if (iso) return realDate(word, iso[1]!, iso[2]!, iso[3]!);
  if (ISO_LIKE.test(word)) return { problem: `${quote(word)} is not a real date; ${DATE_FORMATS}.` };
  const monthDay = MONTH_DAY.exec(word);
  // No year means this year, even when that is after today: guessing last year would hide a typo.
  if (monthDay) return realDate(word, fullYear(monthDay[3], today), monthDay[1]!, monthDay[2]!);
  if (SLASHED.test(word)) return { problem: `I can't read ${quote(word)} as a date; ${DATE_FORMATS}.` };
  if (DOTTED_DAY.test(word)) return { problem: `I can't tell the day and month apart in ${quote(word)}; ${DATE_FORMATS}.` };
  return null;
}

/**
 * A day named in two or three words at the start of `words` ("last night", "last mon", "this
 * morning", "3 days ago", "next week"), with how many words it took; null when they name none.
 */
export function readDatePhrase(words: readonly string[], today: IsoDate): (DateReading & { used: number }) | null {
  const [first, second, third] = words;
  if (first === undefined || second === undefined) return null;
  const phrase = words.slice(0, 2).join(' ');
  if (third === 'ago' && /^\d{1,4}$/.test(first)) {
    if (second === 'day' || second === 'days') return { date: addDays(today, -Number(first)), used: 3 };
    if (PERIODS.has(second)) return { ...notOneDay(`${phrase} ago`), used: 3 };
  }
  const weekday = WEEKDAYS.get(second);
  if (first === 'last') {
    if (second === 'night') return { date: addDays(today, -1), used: 2 };
    // "last sun" on a Sunday means a week ago; plain "sun" would mean today.
    if (weekday !== undefined) return { date: addDays(today, -((weekdayOf(today) - weekday + 7) % 7 || 7)), used: 2 };
    if (PERIODS.has(second)) return { ...notOneDay(phrase), used: 2 };
  }
  if (first === 'this' && PARTS_OF_DAY.has(second)) return { date: today, used: 2 };
  if (first === 'next' && (weekday !== undefined || PERIODS.has(second))) return { ...inTheFuture(phrase), used: 2 };
  return null;
}

function inTheFuture(written: string): DateReading {
  return { problem: `${quote(written)} is in the future. Log actions once they have happened.` };
}

function notOneDay(written: string): DateReading {
  return { problem: `${quote(written)} isn't one day: say which day, like “mon” or 11/20.` };
}

/** "26" is 2026: a two-digit year means this century. */
function fullYear(written: string | undefined, today: IsoDate): string {
  if (written === undefined) return today.slice(0, 4);
  return written.length === 2 ? `${today.slice(0, 2)}${written}` : written;
}

function realDate(written: string, year: string, month: string, day: string): DateReading {
  const date = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  if (isIsoDate(date)) return { date };
  const hint = written.includes('/') ? ' (I read dates like 11/20 as month/day)' : '';
  return { problem: `${quote(written)} is not a real date${hint}.` };
}
