/**
 * Reads the free text of `/log-knock` (and the other logging commands) into a LogDraft.
 *
 * Forgiving on purpose: counts, date, place and note may come in any order and any case, and
 * whatever words are left over become the note. It only parses: ranges, future dates and
 * lengths are checkLogDraft's job, which the caller runs next.
 */
import { addDays, isIsoDate, weekdayOf, type IsoDate } from '../domain/dates.js';
import type { Counts, LogDraft } from './log-entry.js';
import { TACTICS, UNITS, type Tactic, type TacticId, type UnitId } from '../domain/tactics.js';

export type ParsedLogText =
  | { ok: true; draft: LogDraft }
  | { ok: false; problem: string };

/** Every word (or two-word phrase) that names a unit. Lowercase; the unit id itself is included. */
const UNIT_WORDS: Record<UnitId, readonly string[]> = {
  doors: ['doors', 'door', 'knocks', 'knock', 'knocked', 'doors knocked'],
  conversations: ['conversations', 'conversation', 'convos', 'convo', 'talked', 'talks', 'spoke'],
  signups: ['signups', 'signup', 'sign-ups', 'sign-up', 'sign ups', 'signed', 'signed up', 'commitments', 'commitment', 'pledges', 'pledge', 'pledged'],
  signatures: ['signatures', 'signature', 'sigs', 'sig'],
  messages: ['messages', 'message', 'emails', 'email', 'texts', 'text', 'msgs', 'msg'],
  posts: ['posts', 'post', 'tweets', 'tweet'],
  letters: ['letters', 'letter', 'ltes', 'lte'],
  calls: ['calls', 'call', 'dials', 'dialed'],
  attendees: ['attendees', 'attendee', 'people', 'attended'],
  hours: ['hours', 'hour', 'hrs', 'hr', 'h'],
  organizations: ['organizations', 'organization', 'orgs', 'org'],
  allies: ['allies', 'ally'],
  contributors: ['contributors', 'contributor'],
  press_hits: ['press_hits', 'press hits', 'press hit', 'hits', 'hit', 'press'],
  trainings: ['trainings', 'training'],
};

const UNIT_BY_WORD = new Map<string, UnitId>(
  (Object.entries(UNIT_WORDS) as [UnitId, readonly string[]][]).flatMap(([unit, words]) =>
    words.map((word) => [word, unit] as const),
  ),
);

/** A sample count per unit for examples: within the unit's max, and never breaking the funnel rule. */
const EXAMPLE_COUNTS: Record<UnitId, { amount: number; word: string }> = {
  doors: { amount: 40, word: 'doors' },
  conversations: { amount: 12, word: 'talked' },
  signups: { amount: 5, word: 'signed' },
  signatures: { amount: 120, word: 'signatures' },
  messages: { amount: 200, word: 'emails' },
  posts: { amount: 3, word: 'posts' },
  letters: { amount: 2, word: 'letters' },
  calls: { amount: 60, word: 'calls' },
  attendees: { amount: 15, word: 'attendees' },
  hours: { amount: 2, word: 'hours' },
  organizations: { amount: 3, word: 'orgs' },
  allies: { amount: 2, word: 'allies' },
  contributors: { amount: 25, word: 'contributors' },
  press_hits: { amount: 2, word: 'press hits' },
  trainings: { amount: 2, word: 'trainings' },
};

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

const ISO_DAY = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const MONTH_DAY = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{4}))?$/;
/** Anything made only of digits, signs, dots and commas: a number, maybe a malformed one. */
const NUMBERISH = /^[-+]?[\d.,]*\d[\d.,]*$/;
const WHOLE_NUMBER = /^\d{1,3}(?:,\d{3})+$|^\d+$/;
/** "40doors" */
const NUMBER_THEN_WORD = /^([-+]?[\d.,]*\d)([a-z][a-z_-]*)$/;
/** "doors:40", "doors=40" */
const WORD_THEN_NUMBER = /^([a-z][a-z_-]*)[:=]([-+]?[\d.,]*\d[\d.,]*)$/;
const ORDINAL_SUFFIX = /^(?:st|nd|rd|th)$/;

const QUOTED = String.raw`["“”][^"“”]*["“”]|['‘’][^'‘’]*['‘’]`;
const BARE_WORD = String.raw`[^\s"“”'‘’]\S*`;
/**
 * The parts that may hold spaces, so they are cut out before the text is split into words:
 * `note: …` (to the end), `note "…"`, `at "…"` / `at Word`, `turf:…`. One left-to-right scan,
 * so whichever starts first wins: a place quoted inside a note stays in the note.
 */
const MARKED_PARTS = new RegExp(
  String.raw`(?<!\S)(?:notes?\s*[:=]\s*(.*)$|notes?\s+(${QUOTED})|at\s+(${QUOTED}|${BARE_WORD})|turf\s*[:=]\s*(${QUOTED}|${BARE_WORD}))`,
  'giu',
);
const UNCLOSED_QUOTE = /(?<!\S)(notes?\s+|at\s+|turf\s*[:=]\s*)["“”'‘’](.*)$/iu;
/** Dashes, bars and commas that separated counts and were left stranded at the note's ends. */
const STRAY_SEPARATORS = /^[\s,;:|/\-–—]+|[\s,;:|/\-–—]+$/gu;

type Token =
  | { kind: 'number'; amount: number; text: string }
  | { kind: 'unit'; unit: UnitId; text: string }
  | { kind: 'count'; unit: UnitId; amount: number; text: string }
  | { kind: 'date'; date: IsoDate; text: string }
  | { kind: 'word'; text: string };
type NumberToken = Extract<Token, { kind: 'number' }>;
type UnitToken = Extract<Token, { kind: 'unit' }>;

/** Thrown inside the parser and caught in parseLogText; its message is what the person reads. */
class Misread extends Error {}

export function parseLogText(text: string, tacticId: TacticId, today: IsoDate): ParsedLogText {
  try {
    return { ok: true, draft: parse(text, TACTICS[tacticId], today) };
  } catch (error) {
    if (error instanceof Misread) return { ok: false, problem: error.message };
    throw error;
  }
}

/** A working example for the tactic, e.g. `40 doors 12 talked 5 signed yesterday at "Elm St"` */
export function exampleFor(tacticId: TacticId): string {
  const tactic = TACTICS[tacticId];
  const counts = tactic.units.map((unit) => `${EXAMPLE_COUNTS[unit].amount} ${EXAMPLE_COUNTS[unit].word}`);
  // A street only makes sense for work done in person.
  const place = tactic.channel === 'offline' ? ' at "Elm St"' : '';
  return `${counts.join(' ')} yesterday${place}`;
}

function parse(text: string, tactic: Tactic, today: IsoDate): LogDraft {
  const input = squish(unescapeSlack(text));
  if (input === '') {
    throw new Misread(`There's nothing to log yet: say how many ${listUnits(tactic, 'or')}.`);
  }
  const marked = cutMarkedParts(input);
  const tokens = pairCounts(tokenize(marked.rest, tactic, today), tactic);
  const counts = collectCounts(tokens, tactic);
  const occurredOn = collectDate(tokens) ?? today;
  if (Object.keys(counts).length === 0) {
    throw new Misread(`I couldn't find any counts in “${input}”: ${tactic.name} counts ${listUnits(tactic, 'and')}.`);
  }
  const leftover = tokens.flatMap((token) => (token.kind === 'word' ? [token.text] : []));
  return {
    tacticId: tactic.id,
    counts,
    occurredOn,
    place: marked.place,
    note: joinNote([leftover.join(' '), ...marked.notes]),
    story: null,
    storyConsent: false,
  };
}

/** Slack escapes these three characters in slash-command text. `&amp;` goes last so "&amp;lt;" stays "&lt;". */
function unescapeSlack(text: string): string {
  return text.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
}

function squish(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

function cutMarkedParts(input: string): { rest: string; place: string | null; notes: string[] } {
  const places: string[] = [];
  const notes: string[] = [];
  const rest = input.replace(
    MARKED_PARTS,
    (_match, noteToEnd?: string, quotedNote?: string, atPlace?: string, turfPlace?: string) => {
      if (noteToEnd !== undefined) notes.push(noteToEnd);
      else if (quotedNote !== undefined) notes.push(unquote(quotedNote));
      else places.push(unquote(atPlace ?? turfPlace ?? ''));
      return ' ';
    },
  );
  const unclosed = UNCLOSED_QUOTE.exec(rest);
  if (unclosed) {
    const what = unclosed[1]?.toLowerCase().startsWith('note') ? 'note' : 'place';
    throw new Misread(`The ${what} “${unclosed[2]?.trim()}” is missing its closing quote.`);
  }
  const [first, second] = places.filter((place) => place !== '');
  if (second !== undefined) throw new Misread(`“${first}” and “${second}” are both places; give just one.`);
  return { rest, place: first ?? null, notes };
}

/** `"Elm St"` → `Elm St`; a bare word loses trailing punctuation, as in `at Elm,`. */
function unquote(value: string): string {
  const inner = /^["“”'‘’]/u.test(value) ? value.slice(1, -1) : value.replace(/[.,;:!?]+$/u, '');
  return squish(inner);
}

function tokenize(text: string, tactic: Tactic, today: IsoDate): Token[] {
  const raws = text.split(' ').filter((raw) => raw !== '');
  const tokens: Token[] = [];
  for (let i = 0; i < raws.length; i++) {
    const raw = raws[i]!;
    const next = raws[i + 1];
    // Two-word units ("signed up", "press hits"); the first word must carry no punctuation.
    const phraseUnit = next === undefined ? undefined : UNIT_BY_WORD.get(`${raw.toLowerCase()} ${clean(next)}`);
    if (phraseUnit !== undefined) {
      tokens.push({ kind: 'unit', unit: phraseUnit, text: `${raw} ${next}` });
      i++;
    } else if (next !== undefined && isLabel(raw) && NUMBERISH.test(clean(next))) {
      // "doors: 40" is "doors:40" with a space, so the label takes the number after it.
      tokens.push(classify(`${clean(raw)}:${clean(next)}`, tactic, today));
      i++;
    } else {
      tokens.push(classify(raw, tactic, today));
    }
  }
  // "on" is optional before a date ("on mon"); elsewhere it is just a word of the note.
  return tokens.filter(
    (token, i) => !(token.kind === 'word' && clean(token.text) === 'on' && tokens[i + 1]?.kind === 'date'),
  );
}

/** A unit word ending in a colon or equals sign, as in "doors: 40". */
function isLabel(raw: string): boolean {
  return /[:=]$/u.test(raw) && UNIT_BY_WORD.has(clean(raw));
}

/** Lowercase, without the brackets and punctuation that cling to words in a sentence. */
function clean(raw: string): string {
  return raw.toLowerCase().replace(/^[([{]+|[)\]}.,;:!?=]+$/gu, '');
}

function classify(raw: string, tactic: Tactic, today: IsoDate): Token {
  const word = clean(raw);
  const date = readDate(word, today);
  if (date !== null) return { kind: 'date', date, text: raw };
  if (NUMBERISH.test(word)) return { kind: 'number', amount: readNumber(word), text: raw };

  const numberFirst = NUMBER_THEN_WORD.exec(word);
  const wordFirst = WORD_THEN_NUMBER.exec(word);
  if (numberFirst && ORDINAL_SUFFIX.test(numberFirst[2]!)) return { kind: 'word', text: raw };
  if (numberFirst || wordFirst) {
    const [amount, unitWord] = numberFirst ? [numberFirst[1]!, numberFirst[2]!] : [wordFirst![2]!, wordFirst![1]!];
    const unit = UNIT_BY_WORD.get(unitWord);
    if (unit === undefined) {
      throw new Misread(`I couldn't read “${word}”: ${notCounted(unitWord, tactic)}.`);
    }
    return { kind: 'count', unit, amount: readNumber(amount), text: word };
  }

  const unit = UNIT_BY_WORD.get(word);
  return unit === undefined ? { kind: 'word', text: raw } : { kind: 'unit', unit, text: raw };
}

/** Weekdays mean the latest such day on or before today; whether a date is too old or in the future is checkLogDraft's call. */
function readDate(word: string, today: IsoDate): IsoDate | null {
  if (word === 'today') return today;
  if (word === 'yesterday') return addDays(today, -1);
  const weekday = WEEKDAYS.get(word);
  if (weekday !== undefined) return addDays(today, -((weekdayOf(today) - weekday + 7) % 7));
  const iso = ISO_DAY.exec(word);
  if (iso) return realDate(word, iso[1]!, iso[2]!, iso[3]!);
  const monthDay = MONTH_DAY.exec(word);
  // No year means this year, even when that is after today: guessing last year would hide a typo.
  if (monthDay) return realDate(word, monthDay[3] ?? today.slice(0, 4), monthDay[1]!, monthDay[2]!);
  return null;
}

function realDate(written: string, year: string, month: string, day: string): IsoDate {
  const date = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  if (isIsoDate(date)) return date;
  const hint = written.includes('/') ? ' (I read dates like 11/20 as month/day)' : '';
  throw new Misread(`${written} is not a real date${hint}.`);
}

function readNumber(written: string): number {
  if (written.startsWith('-')) throw new Misread(`Counts can't be negative, so ${written} doesn't work.`);
  if (written.includes('.')) throw new Misread(`Counts are whole numbers, so ${written} doesn't work.`);
  if (!WHOLE_NUMBER.test(written)) throw new Misread(`I can't read ${written} as a number; write it like 1200 or 1,200.`);
  return Number(written.replaceAll(',', ''));
}

function isCountPart(token: Token | undefined): token is NumberToken | UnitToken {
  return token?.kind === 'number' || token?.kind === 'unit';
}

/**
 * Numbers and unit words that alternate ("40 doors 12 talked", "doors 40 talked 12") form a run,
 * paired so that every number gets a unit. An odd run that starts with a unit word could pair
 * either way ("knocked 40 doors"); number-first wins, as in "40 doors", and the leading unit word
 * is left as a word of the note.
 */
function pairCounts(tokens: Token[], tactic: Tactic): Token[] {
  const paired: Token[] = [];
  let start = 0;
  while (start < tokens.length) {
    let end = start + 1;
    if (isCountPart(tokens[start])) {
      while (isCountPart(tokens[end]) && tokens[end]!.kind !== tokens[end - 1]!.kind) end++;
      paired.push(...pairRun(tokens.slice(start, end) as (NumberToken | UnitToken)[], tokens[end], tactic));
    } else {
      paired.push(tokens[start]!);
    }
    start = end;
  }
  return paired;
}

function pairRun(run: (NumberToken | UnitToken)[], after: Token | undefined, tactic: Tactic): Token[] {
  const paired: Token[] = [];
  let rest = run;
  if (rest[0]?.kind === 'unit' && rest.length % 2 === 1) {
    paired.push({ kind: 'word', text: rest[0].text });
    rest = rest.slice(1);
  }
  for (let i = 0; i < rest.length; i += 2) {
    const pair = [rest[i]!, rest[i + 1]];
    const number = pair.find((token) => token?.kind === 'number') as NumberToken;
    const unit = pair.find((token) => token?.kind === 'unit') as UnitToken | undefined;
    // Only a run's last token can be left alone, so what follows the run is what follows the number.
    if (unit === undefined) throw noUnit(number, after, tactic);
    paired.push({ kind: 'count', unit: unit.unit, amount: number.amount, text: `${clean(pair[0]!.text)} ${clean(pair[1]!.text)}` });
  }
  return paired;
}

function noUnit(number: NumberToken, after: Token | undefined, tactic: Tactic): Misread {
  const written = clean(number.text);
  if (after?.kind === 'word') return new Misread(`${written} has no unit: ${notCounted(clean(after.text), tactic)}.`);
  return new Misread(`${written} has no unit: say what it counts, like “${written} ${EXAMPLE_COUNTS[tactic.units[0]!].word}”.`);
}

/** Words with numbers in them can still go in the note, through the explicit "note:". */
function notCounted(word: string, tactic: Tactic): string {
  return `“${word}” isn't something ${tactic.name} counts (${listUnits(tactic, 'or')}); to keep it in the note, write it after “note:”`;
}

function collectCounts(tokens: Token[], tactic: Tactic): Counts {
  const counts: Counts = {};
  const writtenAs = new Map<UnitId, string>();
  for (const token of tokens) {
    if (token.kind !== 'count') continue;
    const plural = UNITS[token.unit].plural;
    if (!tactic.units.includes(token.unit)) {
      throw new Misread(`${tactic.name} doesn't count ${plural} (“${token.text}”); it counts ${listUnits(tactic, 'and')}.`);
    }
    const earlier = writtenAs.get(token.unit);
    if (earlier !== undefined) throw new Misread(`“${earlier}” and “${token.text}” both count ${plural}; give each count once.`);
    writtenAs.set(token.unit, token.text);
    counts[token.unit] = token.amount;
  }
  return counts;
}

function collectDate(tokens: Token[]): IsoDate | null {
  const [first, second] = tokens.filter((token) => token.kind === 'date');
  if (second !== undefined) throw new Misread(`“${clean(first!.text)}” and “${clean(second.text)}” are both dates; give just one.`);
  return first?.date ?? null;
}

function joinNote(parts: string[]): string | null {
  const note = squish(parts.join(' ')).replace(STRAY_SEPARATORS, '');
  return note === '' ? null : note;
}

/** "doors knocked, conversations and sign-ups" */
function listUnits(tactic: Tactic, conjunction: 'and' | 'or'): string {
  const plurals = tactic.units.map((unit) => UNITS[unit].plural);
  const last = plurals.pop()!;
  return plurals.length === 0 ? last : `${plurals.join(', ')} ${conjunction} ${last}`;
}
