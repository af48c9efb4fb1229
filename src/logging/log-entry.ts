/**
 * The rules a logged action must meet, whether it came from `/log-knock` text or the modal.
 * Pure: the listener hands in a draft and the person's today, and gets back every problem.
 */
import { addDays, daysBetween, formatDay, isIsoDate, type IsoDate } from '../domain/dates.js';
import { TACTICS, UNITS, formatCount, type TacticId, type UnitId } from '../domain/tactics.js';
import { quote, visibleLength } from '../domain/text.js';

/** Lengths count the characters a person sees (see visibleLength): an emoji is one. */
export const NOTE_MAX_CHARS = 500;
export const STORY_MAX_CHARS = 2000;
export const PLACE_MAX_CHARS = 80;
/** Old enough that it is more likely a typo than a late report. */
export const MAX_DAYS_BACK = 90;

export type Counts = Partial<Record<UnitId, number>>;

export interface LogDraft {
  tacticId: TacticId;
  counts: Counts;
  occurredOn: IsoDate;
  place: string | null;
  note: string | null;
  story: string | null;
  storyConsent: boolean;
}

export type LogField = 'tactic' | 'counts' | 'date' | 'place' | 'note' | 'story';

export interface LogProblem {
  field: LogField;
  /** Set when the problem is one count, so the modal can show it on that input. */
  unit?: UnitId;
  message: string;
}

/** Every reason the draft cannot be stored; empty when it can. */
export function checkLogDraft(draft: LogDraft, today: IsoDate): LogProblem[] {
  const problems: LogProblem[] = [];
  const tactic = TACTICS[draft.tacticId];

  for (const [unit, amount] of Object.entries(draft.counts) as [UnitId, number][]) {
    if (!tactic.units.includes(unit)) {
      problems.push({ field: 'counts', unit, message: `${tactic.name} doesn't count ${UNITS[unit].plural}.` });
    } else if (amount > UNITS[unit].max) {
      // Checked before "whole number": a run of digits too long for a number reads as Infinity.
      const written = Number.isSafeInteger(amount) ? formatCount(unit, amount) : `That many ${UNITS[unit].plural}`;
      problems.push({
        field: 'counts',
        unit,
        message: `${written} is more than one report can hold (at most ${UNITS[unit].max.toLocaleString('en-US')}). Check for a typo, or split it into several reports.`,
      });
    } else if (!Number.isInteger(amount) || amount < 0) {
      problems.push({ field: 'counts', unit, message: `${UNITS[unit].plural} must be a whole number, 0 or more.` });
    }
  }
  const total = Object.values(draft.counts).reduce((sum, n) => sum + (n ?? 0), 0);
  if (problems.length === 0 && total === 0) {
    problems.push({ field: 'counts', message: `Give at least one count above zero (${tactic.name} counts ${tactic.units.map((u) => UNITS[u].plural).join(', ')}).` });
  }
  problems.push(...checkFunnel(draft.counts));

  const dateProblem = checkDate(draft.occurredOn, today);
  if (dateProblem !== null) problems.push({ field: 'date', message: dateProblem });

  problems.push(
    ...checkLength('place', 'The place', draft.place, PLACE_MAX_CHARS),
    ...checkLength('note', 'The note', draft.note, NOTE_MAX_CHARS),
    ...checkLength('story', 'The story', draft.story, STORY_MAX_CHARS),
  );
  if (draft.storyConsent && draft.story === null) {
    problems.push({ field: 'story', message: 'Write the story you want featured, or untick "feature it".' });
  }
  return problems;
}

/** Days are shown as a person reads them ("Thu 20 Nov 2031"), the year only when it is not this one. */
function checkDate(date: IsoDate, today: IsoDate): string | null {
  if (date === '') return 'Pick the day it happened.';
  if (!isIsoDate(date)) return `${quote(date)} is not a real date.`;
  if (date > today) return `${formatDay(date, today)} is in the future. Log actions once they have happened.`;
  if (daysBetween(date, today) > MAX_DAYS_BACK) {
    return `${formatDay(date, today)} is more than ${MAX_DAYS_BACK} days ago (the earliest is ${formatDay(addDays(today, -MAX_DAYS_BACK), today)}).`;
  }
  return null;
}

function checkLength(field: LogField, what: string, text: string | null, max: number): LogProblem[] {
  if (text === null) return [];
  const length = visibleLength(text);
  return length > max ? [{ field, message: `${what} is ${length.toLocaleString('en-US')} characters; keep it to ${max.toLocaleString('en-US')}.` }] : [];
}

/** You cannot talk to more people than the doors you knocked or the calls you made. */
function checkFunnel(counts: Counts): LogProblem[] {
  const problems: LogProblem[] = [];
  const conversations = counts.conversations ?? 0;
  for (const reach of ['doors', 'calls'] as const) {
    const reached = counts[reach];
    if (reached !== undefined && reached > 0 && conversations > reached) {
      problems.push({
        field: 'counts',
        unit: 'conversations',
        message: `${formatCount('conversations', conversations)} is more than the ${formatCount(reach, reached)}.`,
      });
    }
  }
  return problems;
}
