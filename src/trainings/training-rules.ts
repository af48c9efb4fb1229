/**
 * What a training must be, as staff type it in the training modal, and what attending one earns.
 * Pure: the modal's raw values, the team's time zone and the current instant in; a plan to store,
 * or every problem keyed by field, out. Times are checked exactly as a shift's are (same zone
 * rules, same DST refusal), so the two read alike.
 */
import type { TacticId, UnitId } from '../domain/tactics.js';
import type { TrainingFormat } from '../db/schema.js';
import { checkTimes, isWebLink } from '../shifts/shift-rules.js';

export const TRAINING_FORMATS = ['in_person', 'webinar', 'conference_call'] as const satisfies readonly TrainingFormat[];
export const FORMAT_LABELS: Record<TrainingFormat, string> = { in_person: 'In person', webinar: 'Webinar', conference_call: 'Conference call' };

export const TITLE_MAX_CHARS = 80;
export const WHERE_MAX_CHARS = 300;
export const DESCRIPTION_MAX_CHARS = 1000;
export const MAX_SEATS = 5000;
/**
 * The capacity an unlimited training holds in the signup engine: more than any team fills, so the
 * engine's one seat rule (filled < capacity) serves limited and unlimited trainings alike.
 */
export const UNLIMITED_SEATS = 1_000_000;

export interface TrainingInput {
  title: string | null;
  format: TrainingFormat | null;
  skill: TacticId | null;
  date: string | null;
  time: string | null;
  length: string | null;
  /** Empty means unlimited. */
  seats: number | null;
  where: string | null;
  description: string | null;
  announce: boolean;
}

export interface TrainingPlan {
  title: string;
  format: TrainingFormat;
  skill: TacticId;
  startsAt: Date;
  endsAt: Date;
  /** Null: unlimited. */
  seats: number | null;
  location: string;
  description: string | null;
  announce: boolean;
}

export type TrainingField = 'title' | 'format' | 'skill' | 'date' | 'time' | 'length' | 'seats' | 'where' | 'description';
export interface TrainingProblem {
  field: TrainingField;
  message: string;
}

export type CheckedTraining = { ok: true; plan: TrainingPlan } | { ok: false; problems: TrainingProblem[] };

export function checkTraining(input: TrainingInput, context: { now: Date; timeZone: string }): CheckedTraining {
  const problems: TrainingProblem[] = [];

  const title = input.title?.trim() ?? '';
  if (title === '') problems.push({ field: 'title', message: 'Give the training a title, e.g. "Door knocking 101".' });
  else if (title.length > TITLE_MAX_CHARS) problems.push({ field: 'title', message: `The title is ${title.length} characters; keep it to ${TITLE_MAX_CHARS}.` });

  if (input.format === null) problems.push({ field: 'format', message: 'Choose how it happens: in person, webinar or conference call.' });
  if (input.skill === null) problems.push({ field: 'skill', message: 'Choose the skill it prepares people for, e.g. Door knocking.' });

  // Day, start and length follow the same rules as a shift's (zone, DST, past, a year ahead, 15 min to 12 h).
  const times = checkTimes(input, context, { noun: 'training', split: 'Split a longer one into several sessions.' });
  problems.push(...times.problems);

  const seats = input.seats;
  if (seats !== null && seats < 1) problems.push({ field: 'seats', message: 'A training needs at least 1 seat; leave it empty for unlimited.' });
  else if (seats !== null && seats > MAX_SEATS) problems.push({ field: 'seats', message: `At most ${MAX_SEATS.toLocaleString('en-US')} seats; leave it empty for unlimited.` });

  const location = input.where?.trim() ?? '';
  const online = input.format === 'webinar' || input.format === 'conference_call';
  if (location === '') {
    problems.push({ field: 'where', message: online ? 'Give the link people join with, e.g. https://meet.example.org/training' : 'Say where, e.g. "Union hall, 12 Main St".' });
  } else if (location.length > WHERE_MAX_CHARS) {
    problems.push({ field: 'where', message: `That is ${location.length} characters; keep it to ${WHERE_MAX_CHARS}.` });
  } else if (online && !isWebLink(location)) {
    problems.push({ field: 'where', message: `A ${FORMAT_LABELS[input.format!].toLowerCase()} needs a link people can open. Give a full web address, e.g. https://meet.example.org/training` });
  }

  const description = input.description?.trim() || null;
  if (description !== null && description.length > DESCRIPTION_MAX_CHARS) {
    problems.push({ field: 'description', message: `The description is ${description.length} characters; keep it to ${DESCRIPTION_MAX_CHARS}.` });
  }

  if (problems.length > 0 || times.startsAt === null || times.minutes === null || input.format === null || input.skill === null) return { ok: false, problems };
  return {
    ok: true,
    plan: {
      title,
      format: input.format,
      skill: input.skill,
      startsAt: times.startsAt,
      endsAt: new Date(times.startsAt.getTime() + times.minutes * 60_000),
      seats,
      location,
      description,
      announce: input.announce,
    },
  };
}

/** The engine's capacity for a plan's seats. */
export function capacityOf(seats: number | null): number {
  return seats ?? UNLIMITED_SEATS;
}

/**
 * The Engage action attending earns: a real-life training (offline) for one in person, a conference
 * call or webinar (online) otherwise; with its length in whole hours (at least 1), since the catalog
 * counts whole hours.
 */
export function engageActionOf(format: TrainingFormat, startsAt: Date, endsAt: Date): { tacticId: TacticId; counts: Partial<Record<UnitId, number>> } {
  const hours = Math.max(1, Math.round((endsAt.getTime() - startsAt.getTime()) / 3_600_000));
  return format === 'in_person' ? { tacticId: 'training', counts: { trainings: 1, hours } } : { tacticId: 'conference_call', counts: { hours } };
}

/** The idempotency key of the action a person earned by attending a training: one per (training, person). */
export function attendanceActionKey(trainingId: number, userId: string): string {
  return `training:${trainingId}:${userId}`;
}

/** How long after a training its attendees' use of the skill counts towards its report. */
export const SKILL_USE_WINDOW_DAYS = 30;

export interface TrainingTally {
  rsvps: number;
  /** Seats whose attendance is marked, and of those who came. */
  marked: number;
  came: number;
  /** Of those who came, how many used the skill within SKILL_USE_WINDOW_DAYS. */
  usedSkill: number;
}

/** "6 of 8 came (75%)", "not marked yet". */
export function attendanceLine(tally: TrainingTally): string {
  if (tally.marked === 0) return 'attendance not marked yet';
  return `${tally.came} of ${tally.marked} came (${Math.round((tally.came / tally.marked) * 100)}%)`;
}

/** "4 of 6 used the skill within 30 days", or nothing before anyone came. */
export function skillUseLine(tally: TrainingTally): string | null {
  if (tally.came === 0) return null;
  return `${tally.usedSkill} of ${tally.came} used the skill within ${SKILL_USE_WINDOW_DAYS} days`;
}
