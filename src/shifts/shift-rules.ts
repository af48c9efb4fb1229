/**
 * What a phone-bank shift must be, as staff type it in the shift modal. Pure: the modal's raw
 * values, the team's time zone and the current instant in; a plan to store, or every problem
 * keyed by field, out. Start times are wall-clock times in the team's zone, converted with
 * DST in mind: a time the clocks skip is refused with the hour to use instead.
 */
import { isClockTime, isIsoDate } from '../domain/dates.js';
import { formatInZone, wallClockOf, zonedInstant } from '../domain/zoned-time.js';
import type { TacticId } from '../domain/tactics.js';
import type { MinRole } from '../signups/signup-rules.js';

export const TITLE_MAX_CHARS = 80;
export const TARGET_MAX_CHARS = 150;
export const WHERE_MAX_CHARS = 300;
export const SCRIPT_URL_MAX_CHARS = 500;
export const MAX_SEATS = 500;
export const MAX_LENGTH_HOURS = 12;
const MIN_LENGTH_MINUTES = 15;
const MAX_DAYS_AHEAD = 366;

/** The modal's values as typed (null where a field was left empty). */
export interface ShiftInput {
  title: string | null;
  target: string | null;
  date: string | null;
  time: string | null;
  /** Hours, as typed: "2", "1.5", "1,5". */
  length: string | null;
  /** Read as a whole number by the modal's number input; null when left empty. */
  seats: number | null;
  minRole: MinRole;
  where: string | null;
  scriptUrl: string | null;
  /** A skill people must have earned to claim a seat (a tactic id from the catalog), or null. */
  requiredSkill: TacticId | null;
  announce: boolean;
}

export interface ShiftPlan {
  title: string;
  target: string | null;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  minRole: MinRole;
  location: string;
  scriptUrl: string | null;
  requiredSkill: TacticId | null;
  announce: boolean;
}

export type ShiftField = 'title' | 'target' | 'date' | 'time' | 'length' | 'seats' | 'where' | 'script';

export interface ShiftProblem {
  field: ShiftField;
  message: string;
}

export type CheckedShift = { ok: true; plan: ShiftPlan } | { ok: false; problems: ShiftProblem[] };

/** Every problem with a shift as typed, or the plan it describes. */
export function checkShift(input: ShiftInput, context: { now: Date; timeZone: string }): CheckedShift {
  const problems: ShiftProblem[] = [];

  const title = input.title?.trim() ?? '';
  if (title === '') problems.push({ field: 'title', message: 'Give the shift a title, e.g. "Call voters about the library levy".' });
  else if (title.length > TITLE_MAX_CHARS) problems.push({ field: 'title', message: `The title is ${title.length} characters; keep it to ${TITLE_MAX_CHARS}.` });

  const target = input.target?.trim() || null;
  if (target !== null && target.length > TARGET_MAX_CHARS) problems.push({ field: 'target', message: `The campaign or target is ${target.length} characters; keep it to ${TARGET_MAX_CHARS}.` });

  const { startsAt, minutes, problems: timeProblems } = checkTimes(input, context, { noun: 'shift', split: 'Split a longer day into several shifts.' });
  problems.push(...timeProblems);

  const capacity = input.seats;
  if (capacity === null) problems.push({ field: 'seats', message: 'How many people can take this shift? e.g. 10' });
  else if (capacity < 1) problems.push({ field: 'seats', message: 'A shift needs at least 1 seat.' });
  else if (capacity > MAX_SEATS) problems.push({ field: 'seats', message: `At most ${MAX_SEATS} seats per shift; split a bigger phone bank into several shifts.` });

  const location = input.where?.trim() ?? '';
  if (location === '') problems.push({ field: 'where', message: 'Say where: a video-call link or an address, e.g. https://meet.example.org/phonebank or "Union hall, 12 Main St".' });
  else if (location.length > WHERE_MAX_CHARS) problems.push({ field: 'where', message: `That is ${location.length} characters; keep it to ${WHERE_MAX_CHARS}.` });

  const scriptUrl = input.scriptUrl?.trim() || null;
  if (scriptUrl !== null && !isWebLink(scriptUrl)) {
    problems.push({ field: 'script', message: 'That is not a link I can use. Give a full web address, e.g. https://docs.example.org/script' });
  } else if (scriptUrl !== null && scriptUrl.length > SCRIPT_URL_MAX_CHARS) {
    problems.push({ field: 'script', message: `That link is ${scriptUrl.length} characters; keep it to ${SCRIPT_URL_MAX_CHARS}.` });
  }

  if (problems.length > 0 || startsAt === null || minutes === null || capacity === null) return { ok: false, problems };
  return {
    ok: true,
    plan: {
      title,
      target,
      startsAt,
      endsAt: new Date(startsAt.getTime() + minutes * 60_000),
      capacity,
      minRole: input.minRole,
      location,
      scriptUrl,
      requiredSkill: input.requiredSkill,
      announce: input.announce,
    },
  };
}

/** When a session (a shift, a training) happens: its day and start in the team's zone, and its length. */
export interface TimesInput {
  date: string | null;
  time: string | null;
  length: string | null;
}

/**
 * The day, start and length rules every scheduled session shares: a real day and time, one the clocks
 * do not skip (with the hour to use), not in the past nor more than a year ahead, 15 minutes to 12 hours.
 * `noun` and `split` put the messages in the words of what is being scheduled.
 */
export function checkTimes(
  input: TimesInput,
  context: { now: Date; timeZone: string },
  words: { noun: string; split: string },
): { startsAt: Date | null; minutes: number | null; problems: { field: 'date' | 'time' | 'length'; message: string }[] } {
  const { now, timeZone } = context;
  const problems: { field: 'date' | 'time' | 'length'; message: string }[] = [];
  let startsAt: Date | null = null;
  if (input.date === null || !isIsoDate(input.date)) problems.push({ field: 'date', message: `Choose the day of the ${words.noun}.` });
  if (input.time === null || !isClockTime(input.time)) problems.push({ field: 'time', message: 'Choose the start time, e.g. 18:00.' });
  if (input.date !== null && isIsoDate(input.date) && input.time !== null && isClockTime(input.time)) {
    const zoned = zonedInstant(input.date, input.time, timeZone);
    if (!zoned.ok) {
      const later = zonedInstant(input.date, addOneHour(input.time), timeZone);
      const suggestion = later.ok ? ` Try ${addOneHour(input.time)}.` : '';
      problems.push({ field: 'time', message: `${input.time} does not exist on ${input.date} in ${timeZone}: the clocks skip that hour for daylight saving time.${suggestion}` });
    } else if (zoned.instant.getTime() <= now.getTime()) {
      const current = wallClockOf(now, timeZone);
      problems.push({ field: 'date', message: `That start is in the past: it is ${current.date} ${current.time} now in ${timeZone}. Choose a later day or time.` });
    } else if (zoned.instant.getTime() - now.getTime() > MAX_DAYS_AHEAD * 86_400_000) {
      problems.push({ field: 'date', message: `That is more than a year ahead (${formatInZone(zoned.instant, timeZone)}). Check the year.` });
    } else {
      startsAt = zoned.instant;
    }
  }
  const minutes = parseLengthMinutes(input.length);
  if (minutes === null) problems.push({ field: 'length', message: 'Give the length in hours, e.g. 2 or 1.5.' });
  else if (minutes < MIN_LENGTH_MINUTES) problems.push({ field: 'length', message: `A ${words.noun} lasts at least ${MIN_LENGTH_MINUTES} minutes; give the length in hours, e.g. 2 or 1.5.` });
  else if (minutes > MAX_LENGTH_HOURS * 60) problems.push({ field: 'length', message: `A ${words.noun} can last at most ${MAX_LENGTH_HOURS} hours. ${words.split}` });
  return { startsAt, minutes: problems.some((p) => p.field === 'length') ? null : minutes, problems };
}

/** "2" → 120, "1.5" or "1,5" → 90; null for anything that is not a number of hours. */
export function parseLengthMinutes(typed: string | null): number | null {
  const text = typed?.trim().replace(',', '.').replace(/\s*(h|hours?|hrs?)$/i, '') ?? '';
  if (!/^\d+(\.\d+)?$/.test(text)) return null;
  return Math.round(Number(text) * 60);
}

/** An http(s) address with a host: what Slack turns into a link and a browser can open. */
export function isWebLink(text: string): boolean {
  if (/\s/.test(text)) return false;
  try {
    const url = new URL(text);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.');
  } catch {
    return false;
  }
}

function addOneHour(time: string): string {
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  return `${String((hour + 1) % 24).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/** "2 h", "1 h 30 min", "45 min". */
export function describeLength(startsAt: Date, endsAt: Date): string {
  const minutes = Math.round((endsAt.getTime() - startsAt.getTime()) / 60_000);
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}
