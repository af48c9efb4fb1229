/**
 * Calendar days as ISO strings ("2026-11-29"). A logged action happened on a day in the
 * volunteer's own time zone, so days are computed from an IANA zone, never from the server clock.
 */

export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar day: "2026-02-29" is false, "2028-02-29" is true. */
export function isIsoDate(value: string): value is IsoDate {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0–99 as 1900–1999.
  date.setUTCFullYear(y, m - 1, d);
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Today's date in an IANA time zone; falls back to UTC for a zone the runtime does not know. */
export function todayIn(timeZone: string, now: Date = new Date()): IsoDate {
  return dateIn(timeZone, now);
}

export function dateIn(timeZone: string, instant: Date): IsoDate {
  // en-CA formats as YYYY-MM-DD.
  return dayFormatter(timeZone).format(instant);
}

/** Building an Intl formatter costs ~0.25 ms; every request needs one, so keep one per zone. */
const dayFormatters = new Map<string, Intl.DateTimeFormat>();

function dayFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = dayFormatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    } catch {
      formatter = dayFormatter('UTC');
    }
    dayFormatters.set(timeZone, formatter);
  }
  return formatter;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const d = toUtcDate(date);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday, as in Date#getUTCDay. */
export function weekdayOf(date: IsoDate): number {
  return toUtcDate(date).getUTCDay();
}

/** The Monday that starts the week containing `date` (organizing weeks run Monday to Sunday). */
export function weekStart(date: IsoDate): IsoDate {
  const daysSinceMonday = (weekdayOf(date) + 6) % 7;
  return addDays(date, -daysSinceMonday);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtcDate(to).getTime() - toUtcDate(from).getTime()) / 86_400_000);
}

const SHORT_DAY = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });

/**
 * "Fri 20 Nov" — for replies, where the reader's own time zone is not at stake (a day, not an instant).
 * Given the reader's today, a day in another year shows its year ("Thu 20 Nov 2031"), so it cannot
 * pass for this year's.
 */
export function formatDay(date: IsoDate, today?: IsoDate): string {
  const inAnotherYear = today !== undefined && date.slice(0, 4) !== today.slice(0, 4);
  return inAnotherYear ? `${shortDay(date)} ${toUtcDate(date).getUTCFullYear()}` : shortDay(date);
}

/**
 * SHORT_DAY's text for a day, remembered: every reply names this week's Monday and the day reported, the
 * same few days all week, and Intl formatting costs several microseconds a call on the request path.
 */
const shortDays = new Map<IsoDate, string>();
const SHORT_DAYS_KEPT = 1000;

function shortDay(date: IsoDate): string {
  let text = shortDays.get(date);
  if (text === undefined) {
    if (shortDays.size >= SHORT_DAYS_KEPT) shortDays.clear();
    text = SHORT_DAY.format(toUtcDate(date));
    shortDays.set(date, text);
  }
  return text;
}

function toUtcDate(date: IsoDate): Date {
  const year = Number(date.slice(0, 4));
  // Date.UTC is cheaper than parsing the string, but reads years 0–99 as 1900–1999.
  if (year < 100) return new Date(`${date}T00:00:00Z`);
  return new Date(Date.UTC(year, Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))));
}

/** True for a wall-clock time "HH:MM" (24-hour), as Slack's time picker sends it. */
export function isClockTime(value: string): boolean {
  return /^([01]\d|2[0-3]):[0-5]\d$/.test(value);
}
