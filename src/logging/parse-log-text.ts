/**
 * Reads the free text of `/log-knock` (and the other logging commands) into a LogDraft.
 *
 * Forgiving on purpose: counts, date, place and note may come in any order and any case, and
 * whatever words are left over become the note. It only parses: ranges, future dates and
 * lengths are checkLogDraft's job, which the caller runs next.
 */
import { readDatePhrase, readDateWord } from './date-words.js';
import type { IsoDate } from '../domain/dates.js';
import { NOTE_MAX_CHARS, type Counts, type LogDraft } from './log-entry.js';
import { TACTICS, UNITS, type Tactic, type TacticId, type UnitId } from '../domain/tactics.js';
import { isLongerThan, quote, shorten, toAsciiDigits } from '../domain/text.js';

/**
 * Slack lets a command carry about 4,000 characters; one report needs far fewer (its note holds
 * 500), and refusing more before reading keeps a hostile text cheap.
 */
export const LOG_TEXT_MAX_CHARS = 2000;
/**
 * Four UTF-16 units a character on average is more than typed text needs (an emoji takes two), so
 * text beyond this is refused without counting: a character may carry any number of accents.
 */
const LOG_TEXT_MAX_UNITS = LOG_TEXT_MAX_CHARS * 4;

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

/*
 * Every pattern below fails in time proportional to the text it reads, never to its square: each
 * character can be matched in only one way (never `[\d.,]*\d[\d.,]*`), and none ends in an
 * unanchored `[…]+$`, which the engine retries from every position (trimStart/trimEnd do that job).
 */
/** Digits, dots and commas, maybe signed, maybe in exponent form: a number, maybe a malformed one (with isNumberish). */
const NUMBER_SHAPE = /^[-+]?[\d.,]+(?:e[-+]?\d+)?$/;
const WHOLE_NUMBER = /^\d{1,3}(?:,\d{3})+$|^\d+$/;
/** 1.000 or 1.200.000: thousands grouped with dots, as much of the world writes them. */
const DOT_THOUSANDS = /^\d{1,3}(?:\.\d{3})+$/;
/** "40doors": digits, dots and commas ending in a digit, then letters. */
const NUMBER_THEN_WORD = /^([-+]?(?:[.,]*\d)+)([a-z][a-z_-]*)$/;
/** "doors:40", "doors=40" (with isNumberish on the number) */
const WORD_THEN_NUMBER = /^([a-z][a-z_-]*)[:=]([-+]?[\d.,]+)$/;
const ORDINAL_SUFFIX = /^(?:st|nd|rd|th)$/;
/** A Slack emoji name, as in :skull: or :+1:. */
const EMOJI_NAME = /^[a-z0-9_+'-]+$/i;

const QUOTED = String.raw`["“”][^"“”]*["“”]|['‘’][^'‘’]*['‘’]`;
const BARE_WORD = String.raw`[^\s"“”'‘’]\S*`;
/**
 * The parts that may hold spaces, so they are cut out before the text is split into words:
 * `note: …` (to the end), `note "…"`, `at "…"` / `at Word`, `turf:…`. One left-to-right scan,
 * so whichever starts first wins: a place quoted inside a note stays in the note. A quote that
 * never closes makes the scan read on to the end, but only the last quote of each kind can.
 */
const MARKED_PARTS = new RegExp(
  String.raw`(?<!\S)(?:notes?\s*[:=]\s*(.*)$|notes?\s+(${QUOTED})|at\s+(${QUOTED}|${BARE_WORD})|turf\s*[:=]\s*(${QUOTED}|${BARE_WORD}))`,
  'giu',
);
const UNCLOSED_QUOTE = /(?<!\S)(notes?\s+|at\s+|turf\s*[:=]\s*)["“”'‘’](.*)$/iu;
/** A word that only separated counts ("40 doors - 12 talked", "doors: 40 | talked: 12"), left stranded at the note's ends. */
const SEPARATOR_WORD = /^(?:[,;:|/\-–—·•&+]+|and)$/i;
/**
 * Separators that cling to the note's last word ("great night, 40 doors") or its first ("40 doors
 * —great night"); never "-" or "/", which end words and URLs, and a colon only after the last word.
 */
const TRAILING_SEPARATORS = ',;:–—';
const LEADING_SEPARATORS = ',;–—';
/** Brackets and punctuation that cling to words in a sentence, dropped before a word is looked up. */
const OPENING_PUNCTUATION = '([{';
const CLOSING_PUNCTUATION = ')]}.,;:!?=';
/** What a bare place (`at Elm,`) loses at its end. */
const PLACE_END_PUNCTUATION = '.,;:!?';

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

/**
 * Reads `/log-knock` text as the tactic's draft, or says what it could not read. Text longer than
 * LOG_TEXT_MAX_CHARS visible characters is refused unread.
 */
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
  const unescaped = unescapeSlack(text);
  if (unescaped.length > LOG_TEXT_MAX_UNITS || isLongerThan(unescaped, LOG_TEXT_MAX_CHARS)) {
    throw new Misread(
      `That text is longer than ${LOG_TEXT_MAX_CHARS.toLocaleString('en-US')} characters, more than one report takes: give the counts, the day, the place and a note of up to ${NOTE_MAX_CHARS} characters.`,
    );
  }
  const input = squish(unescaped);
  if (input === '') {
    throw new Misread(`There's nothing to log yet: say how many ${listUnits(tactic, 'or')}.`);
  }
  const marked = cutMarkedParts(input);
  const tokens = pairCounts(tokenize(marked.rest, tactic, today), tactic);
  const counts = collectCounts(tokens, tactic);
  const occurredOn = collectDate(tokens) ?? today;
  if (Object.keys(counts).length === 0) {
    throw new Misread(`I couldn't find any counts in “${shorten(input, 80)}”: ${tactic.name} counts ${listUnits(tactic, 'and')}.`);
  }
  const leftover = tokens.flatMap((token) => (token.kind === 'word' ? [token.text] : []));
  return {
    tacticId: tactic.id,
    counts,
    occurredOn,
    place: marked.place,
    note: joinNote(trimSeparators(leftover), marked.notes),
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
    const marker = unclosed[1]!.trim();
    const what = marker.toLowerCase().startsWith('note') ? 'note' : 'place';
    const text = unclosed[2]!.trim();
    throw new Misread(
      text === ''
        ? `The ${what} after “${marker}” opens a quote with nothing in it; put the ${what} between two quotes.`
        : `The ${what} ${quote(text)} is missing its closing quote.`,
    );
  }
  const [first, second] = places.filter((place) => place !== '');
  if (second !== undefined) throw new Misread(`${quote(first!)} and ${quote(second)} are both places; give just one.`);
  return { rest, place: first ?? null, notes };
}

/** `"Elm St"` → `Elm St`; a bare word loses trailing punctuation, as in `at Elm,`, but keeps an emoji's closing colon. */
function unquote(value: string): string {
  const inner = /^["“”'‘’]/u.test(value) ? value.slice(1, -1) : trimEndKeepingEmoji(value, PLACE_END_PUNCTUATION);
  return squish(inner);
}

function tokenize(text: string, tactic: Tactic, today: IsoDate): Token[] {
  const raws = text.split(' ').filter((raw) => raw !== '');
  const tokens: Token[] = [];
  for (let i = 0; i < raws.length; i++) {
    const raw = raws[i]!;
    const next = raws[i + 1];
    const datePhrase = readDatePhrase(phraseWords(raws, i), today);
    // Two-word units ("signed up", "press hits"); the first word must carry no punctuation.
    const phraseUnit = next === undefined ? undefined : UNIT_BY_WORD.get(`${raw.toLowerCase()} ${clean(next)}`);
    if (datePhrase !== null) {
      if ('problem' in datePhrase) throw new Misread(datePhrase.problem);
      tokens.push({ kind: 'date', date: datePhrase.date, text: raws.slice(i, i + datePhrase.used).join(' ') });
      i += datePhrase.used - 1;
    } else if (phraseUnit !== undefined) {
      tokens.push({ kind: 'unit', unit: phraseUnit, text: `${raw} ${next}` });
      i++;
    } else if (next !== undefined && isLabel(raw) && isNumberish(clean(next))) {
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

/** Up to three words from `i` on, cleaned, for a date phrase; a word with punctuation ends the phrase ("last, mon" is two things). */
function phraseWords(raws: readonly string[], i: number): string[] {
  const words: string[] = [];
  for (const raw of raws.slice(i, i + 3)) {
    const word = clean(raw);
    words.push(word);
    if (word !== toAsciiDigits(raw.toLowerCase())) break;
  }
  return words;
}

/** A unit word ending in a colon or equals sign, as in "doors: 40". */
function isLabel(raw: string): boolean {
  return (raw.endsWith(':') || raw.endsWith('=')) && UNIT_BY_WORD.has(clean(raw));
}

/** Lowercase, with ASCII digits, without the brackets and punctuation that cling to words in a sentence. */
function clean(raw: string): string {
  return toAsciiDigits(trimEnd(trimStart(raw.toLowerCase(), OPENING_PUNCTUATION), CLOSING_PUNCTUATION));
}

function isNumberish(word: string): boolean {
  return NUMBER_SHAPE.test(word) && /\d/.test(word);
}

function classify(raw: string, tactic: Tactic, today: IsoDate): Token {
  const word = clean(raw);
  const date = readDateWord(word, today);
  if (date !== null) {
    if ('problem' in date) throw new Misread(date.problem);
    return { kind: 'date', date: date.date, text: raw };
  }
  if (isNumberish(word)) return { kind: 'number', amount: readNumber(word), text: raw };

  const numberFirst = NUMBER_THEN_WORD.exec(word);
  const wordFirst = WORD_THEN_NUMBER.exec(word);
  if (numberFirst && ORDINAL_SUFFIX.test(numberFirst[2]!)) return { kind: 'word', text: raw };
  if (numberFirst || (wordFirst && isNumberish(wordFirst[2]!))) {
    const [amount, unitWord] = numberFirst ? [numberFirst[1]!, numberFirst[2]!] : [wordFirst![2]!, wordFirst![1]!];
    const unit = UNIT_BY_WORD.get(unitWord);
    if (unit === undefined) {
      throw new Misread(`I couldn't read ${quote(word)}: ${notCounted(unitWord, tactic)}.`);
    }
    return { kind: 'count', unit, amount: readNumber(amount), text: word };
  }

  const unit = UNIT_BY_WORD.get(word);
  return unit === undefined ? { kind: 'word', text: raw } : { kind: 'unit', unit, text: raw };
}

/** A count as written; "+5" is 5 and "-0" is 0, but anything the reader could take two ways is refused. */
function readNumber(written: string): number {
  const shown = shorten(written, 40);
  const unsigned = written.replace(/^[-+]/, '');
  if (written.startsWith('-') && /[1-9]/.test(unsigned)) throw new Misread(`Counts can't be negative, so ${shown} doesn't work.`);
  if (unsigned.includes('e')) throw new Misread(`I can't read ${shown} as a number; write it like 1200 or 1,200.`);
  if (DOT_THOUSANDS.test(unsigned)) {
    throw new Misread(`Counts are whole numbers: if ${shown} means ${shorten(unsigned.replaceAll('.', ''), 40)}, write it without the dots, or with commas.`);
  }
  if (unsigned.includes('.')) throw new Misread(`Counts are whole numbers, so ${shown} doesn't work.`);
  if (!WHOLE_NUMBER.test(unsigned)) throw new Misread(`I can't read ${shown} as a number; write it like 1200 or 1,200.`);
  const amount = Number(unsigned.replaceAll(',', ''));
  // Past this, a number is no longer exact; no unit comes anywhere near it.
  if (!Number.isSafeInteger(amount)) throw new Misread(`${shown} is far more than one report can hold; check for a typo.`);
  return amount;
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
  const written = shorten(clean(number.text), 40);
  if (after?.kind === 'word') return new Misread(`${written} has no unit: ${notCounted(clean(after.text), tactic)}.`);
  return new Misread(`${written} has no unit: say what it counts, like “${written} ${EXAMPLE_COUNTS[tactic.units[0]!].word}”.`);
}

/** Words with numbers in them can still go in the note, through the explicit "note:". */
function notCounted(word: string, tactic: Tactic): string {
  return `${quote(word)} isn't something ${tactic.name} counts (${listUnits(tactic, 'or')}); to keep it in the note, write it after “note:”`;
}

function collectCounts(tokens: Token[], tactic: Tactic): Counts {
  const counts: Counts = {};
  const writtenAs = new Map<UnitId, string>();
  for (const token of tokens) {
    if (token.kind !== 'count') continue;
    const plural = UNITS[token.unit].plural;
    if (!tactic.units.includes(token.unit)) {
      throw new Misread(`${tactic.name} doesn't count ${plural} (${quote(token.text)}); it counts ${listUnits(tactic, 'and')}.`);
    }
    const earlier = writtenAs.get(token.unit);
    if (earlier !== undefined) throw new Misread(`${quote(earlier)} and ${quote(token.text)} both count ${plural}; give each count once.`);
    writtenAs.set(token.unit, token.text);
    counts[token.unit] = token.amount;
  }
  return counts;
}

function collectDate(tokens: Token[]): IsoDate | null {
  const [first, second] = tokens.filter((token) => token.kind === 'date');
  if (second !== undefined) throw new Misread(`${quote(clean(first!.text))} and ${quote(clean(second.text))} are both dates; give just one.`);
  return first?.date ?? null;
}

/**
 * The leftover words without the separators that stood between counts now cut out: whole
 * separator words at either end, and separators clinging to the first or last word. Only real
 * separators go: `:skull:` keeps its colons, `https://example.org/` its slash.
 */
function trimSeparators(words: readonly string[]): string {
  let first = 0;
  let last = words.length;
  while (first < last && SEPARATOR_WORD.test(words[first]!)) first++;
  while (last > first && SEPARATOR_WORD.test(words[last - 1]!)) last--;
  const kept = words.slice(first, last);
  if (kept.length === 0) return '';
  kept[0] = trimStart(kept[0]!, LEADING_SEPARATORS);
  kept[kept.length - 1] = trimEndKeepingEmoji(kept[kept.length - 1]!, TRAILING_SEPARATORS);
  return kept.join(' ');
}

/** The leftover words, then whatever came after "note:" or in `note "…"`, exactly as typed. */
function joinNote(leftover: string, notes: readonly string[]): string | null {
  const note = squish([leftover, ...notes].join(' '));
  return note === '' ? null : note;
}

/** `text` without any of `chars` at its start. A loop, not a regex: `[…]+$` can take the square of the length. */
function trimStart(text: string, chars: string): string {
  let start = 0;
  while (start < text.length && chars.includes(text[start]!)) start++;
  return text.slice(start);
}

function trimEnd(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text[end - 1]!)) end--;
  return text.slice(0, end);
}

/** As trimEnd, but stops at an emoji code's closing colon: `great day :skull:,` → `great day :skull:`. */
function trimEndKeepingEmoji(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text[end - 1]!) && !endsWithEmojiCode(text.slice(0, end))) end--;
  return text.slice(0, end);
}

function endsWithEmojiCode(text: string): boolean {
  if (!text.endsWith(':')) return false;
  const opening = text.lastIndexOf(':', text.length - 2);
  return opening >= 0 && EMOJI_NAME.test(text.slice(opening + 1, -1));
}

/** "doors knocked, conversations and sign-ups" */
function listUnits(tactic: Tactic, conjunction: 'and' | 'or'): string {
  const plurals = tactic.units.map((unit) => UNITS[unit].plural);
  const last = plurals.pop()!;
  return plurals.length === 0 ? last : `${plurals.join(', ')} ${conjunction} ${last}`;
}
