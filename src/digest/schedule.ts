/**
 * When a team's digest is due and which days it covers. Pure: settings and a clock in, dates out.
 * The digest is posted at a wall-clock time in the team's zone (say Monday 09:00 America/Chicago),
 * which is a different UTC instant on either side of a daylight-saving change; it covers the seven
 * days before the day it is posted.
 */
import { addDays, dateIn, weekdayOf, type IsoDate } from '../domain/dates.js';

/** The days a digest covers, both inclusive. */
export interface DigestWindow {
  from: IsoDate;
  to: IsoDate;
}

export interface DigestSchedule {
  /** 0 = Sunday … 6 = Saturday. */
  day: number;
  /** "HH:MM" in `timeZone`. */
  time: string;
  timeZone: string;
}

/** A digest more than this late is skipped (and logged): last week's news a day later is stale. */
export const MAX_LATENESS_MS = 24 * 60 * 60 * 1000;

/** The seven days ending on `to`: what `--week YYYY-MM-DD` previews. */
export function windowEndingOn(to: IsoDate): DigestWindow {
  return { from: addDays(to, -6), to };
}

/** The seven days before the day a digest is posted. */
export function windowBefore(postedOn: IsoDate): DigestWindow {
  return windowEndingOn(addDays(postedOn, -1));
}

/** The window of the week before `window`, for the change from one week to the next. */
export function previousWindow(window: DigestWindow): DigestWindow {
  return windowEndingOn(addDays(window.from, -1));
}

/**
 * The UTC instant of a wall-clock `time` on `date` in `timeZone`. A time the clocks skip that day
 * (spring forward) lands an hour later; a time that happens twice (fall back) is the first one.
 */
export function zonedInstant(date: IsoDate, time: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const asIfUtc = Date.UTC(y, m - 1, d, hh, mm);
  const firstGuess = asIfUtc - offsetMs(new Date(asIfUtc), timeZone);
  const offsetThere = offsetMs(new Date(firstGuess), timeZone);
  const candidate = asIfUtc - offsetThere;
  // In a spring-forward gap the candidate reads as another wall-clock time: take the hour after instead.
  return new Date(offsetMs(new Date(candidate), timeZone) === offsetThere ? candidate : firstGuess);
}

/** The most recent scheduled moment at or before `now`, and the day it falls on in the team's zone. */
export function latestSlot(now: Date, schedule: DigestSchedule): { postedOn: IsoDate; at: Date } {
  const today = dateIn(schedule.timeZone, now);
  for (let back = 0; back <= 7; back += 1) {
    const day = addDays(today, -back);
    if (weekdayOf(day) !== schedule.day) continue;
    const at = zonedInstant(day, schedule.time, schedule.timeZone);
    if (at.getTime() <= now.getTime()) return { postedOn: day, at };
  }
  // Unreachable: within eight days back there are always one or two matching weekdays, one of them past.
  throw new Error(`No digest slot before ${now.toISOString()}`);
}

export interface DueDigest {
  window: DigestWindow;
  /** When it should have been posted. */
  at: Date;
  /** How long after that `now` is. */
  lateMs: number;
  /** Late by more than MAX_LATENESS_MS: record it as skipped instead of posting stale news. */
  tooLate: boolean;
}

/** The digest a tick at `now` should make sure was posted: the latest slot's. */
export function dueDigest(now: Date, schedule: DigestSchedule): DueDigest {
  const slot = latestSlot(now, schedule);
  const lateMs = now.getTime() - slot.at.getTime();
  return { window: windowBefore(slot.postedOn), at: slot.at, lateMs, tooLate: lateMs > MAX_LATENESS_MS };
}

/** Local time minus UTC at `instant` in `timeZone`, in ms. */
function offsetMs(instant: Date, timeZone: string): number {
  const parts = Object.fromEntries(partsFormatter(timeZone).formatToParts(instant).map((p) => [p.type, p.value]));
  const local = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return local - Math.floor(instant.getTime() / 1000) * 1000;
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = partsFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    partsFormatters.set(timeZone, formatter);
  }
  return formatter;
}
