/**
 * The rules a logged action must meet, whether it came from `/log-knock` text or the modal.
 * Pure: the listener hands in a draft and the person's today, and gets back every problem.
 */
import { addDays, daysBetween, formatDay, isIsoDate, type IsoDate } from '../domain/dates.js';
import { TACTICS, UNITS, formatCount, type TacticId, type UnitId } from '../domain/tactics.js';

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
    } else if (!Number.isInteger(amount) || amount < 0) {
      problems.push({ field: 'counts', unit, message: `${UNITS[unit].plural} must be a whole number, 0 or more.` });
    } else if (amount > UNITS[unit].max) {
      problems.push({
        field: 'counts',
        unit,
        message: `${formatCount(unit, amount)} is more than one report can hold (at most ${UNITS[unit].max.toLocaleString('en-US')}). Check for a typo, or split it into several reports.`,
      });
    }
  }
  const total = Object.values(draft.counts).reduce((sum, n) => sum + (n ?? 0), 0);
  if (problems.length === 0 && total === 0) {
    problems.push({ field: 'counts', message: `Give at least one count above zero (${tactic.name} counts ${tactic.units.map((u) => UNITS[u].plural).join(', ')}).` });
  }
  problems.push(...checkFunnel(draft.counts));

  if (!isIsoDate(draft.occurredOn)) {
    problems.push({ field: 'date', message: `${draft.occurredOn} is not a real date.` });
  } else if (draft.occurredOn > today) {
    problems.push({ field: 'date', message: `${formatDay(draft.occurredOn)} is in the future. Log actions once they have happened.` });
  } else if (daysBetween(draft.occurredOn, today) > MAX_DAYS_BACK) {
    problems.push({
      field: 'date',
      message: `${draft.occurredOn} is more than ${MAX_DAYS_BACK} days ago (the earliest is ${addDays(today, -MAX_DAYS_BACK)}).`,
    });
  }

  if (draft.place !== null && draft.place.length > PLACE_MAX_CHARS) {
    problems.push({ field: 'place', message: `The place is ${draft.place.length} characters; keep it to ${PLACE_MAX_CHARS}.` });
  }
  if (draft.note !== null && draft.note.length > NOTE_MAX_CHARS) {
    problems.push({ field: 'note', message: `The note is ${draft.note.length} characters; keep it to ${NOTE_MAX_CHARS}.` });
  }
  if (draft.story !== null && draft.story.length > STORY_MAX_CHARS) {
    problems.push({ field: 'story', message: `The story is ${draft.story.length} characters; keep it to ${STORY_MAX_CHARS}.` });
  }
  if (draft.storyConsent && draft.story === null) {
    problems.push({ field: 'story', message: 'Write the story you want featured, or untick "feature it".' });
  }
  return problems;
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
