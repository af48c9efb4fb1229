/**
 * Wall-clock times in an IANA time zone and the instants they name, with Intl only. Staff type a
 * start as a date and a time in the team's zone; the database stores the instant. Around a DST
 * change a wall-clock time can name no instant (the hour clocks skip) or two (the hour they repeat).
 */
import type { IsoDate } from './dates.js';

export type ClockTime = string;

export type ZonedInstant =
  | { ok: true; instant: Date; /** The time happens twice that night (clocks went back); this is the first. */ repeated: boolean }
  | { ok: false; reason: 'skipped' };

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The zone's offset from UTC at `instant`, in milliseconds (Chicago in winter: −6 h). */
export function offsetAt(timeZone: string, instant: number): number {
  const parts = Object.fromEntries(partsFormatter(timeZone).formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant `date` at `time` names in `timeZone`. Offsets in force a day either side are tried,
 * and only those that read back as the same wall-clock time are kept: none means the time was
 * skipped by a spring-forward change; two means it repeats, and the first is taken.
 */
export function zonedInstant(date: IsoDate, time: ClockTime, timeZone: string): ZonedInstant {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const DAY = 86_400_000;
  const offsets = new Set([offsetAt(timeZone, wall - DAY), offsetAt(timeZone, wall), offsetAt(timeZone, wall + DAY)]);
  const matches = [...offsets]
    .map((offset) => wall - offset)
    .filter((instant) => instant + offsetAt(timeZone, instant) === wall)
    .sort((a, b) => a - b);
  const first = matches[0];
  if (first === undefined) return { ok: false, reason: 'skipped' };
  return { ok: true, instant: new Date(first), repeated: matches.length > 1 };
}

/** The date and time an instant shows on a wall clock in `timeZone`. */
export function wallClockOf(instant: Date, timeZone: string): { date: IsoDate; time: ClockTime } {
  const parts = Object.fromEntries(partsFormatter(timeZone).formatToParts(instant).map((p) => [p.type, p.value]));
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

const readable = new Map<string, Intl.DateTimeFormat>();

/** "Sun, 14 Mar 2027, 18:00 (America/Chicago)": for fallback text, where Slack cannot show the reader's own zone. */
export function formatInZone(instant: Date, timeZone: string): string {
  let formatter = readable.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    readable.set(timeZone, formatter);
  }
  return `${formatter.format(instant)} (${timeZone})`;
}
