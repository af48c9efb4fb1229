/**
 * Text as a person sees it. Lengths count user-perceived characters (grapheme clusters), so an
 * emoji, a flag or an accented letter counts once however many UTF-16 units it takes; and digits
 * typed in any script read as the digits they are.
 */

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * Node 20's Intl.Segmenter slows down with the square of the text it walks (crbug 326176949, fixed in V8 in 2024,
 * after Node 20), so long text is read a window at a time. A window's last cluster may run on past
 * it, so each window starts at the previous one's last cluster; one cluster longer than a window
 * doubles the window.
 */
const WINDOW = 256;

/** Printable ASCII is one character per UTF-16 unit, the common case, and needs no segmenting. */
const PLAIN_ASCII = /^[\x20-\x7e]*$/;

/** How many characters a person sees in `text`. */
export function visibleLength(text: string): number {
  if (PLAIN_ASCII.test(text)) return text.length;
  let count = 0;
  for (const _ of clusterStarts(text)) count++;
  return count;
}

/** Whether `text` shows more than `max` characters; stops counting at max + 1, so huge text costs little. */
export function isLongerThan(text: string, max: number): boolean {
  if (text.length <= max) return false;
  if (PLAIN_ASCII.test(text)) return true;
  let count = 0;
  for (const _ of clusterStarts(text)) {
    if (++count > max) return true;
  }
  return false;
}

/** `text` cut to at most `max` visible characters, the last one "…" when anything was cut; never splits an emoji. */
export function shorten(text: string, max: number): string {
  if (!isLongerThan(text, max)) return text;
  let kept = 0;
  for (const start of clusterStarts(text)) {
    if (kept === max - 1) return `${text.slice(0, start)}…`;
    kept++;
  }
  return text;
}

/** `text` in quotation marks for a message, shortened so a huge text cannot swamp the message. */
export function quote(text: string): string {
  return `“${shorten(text, 40)}”`;
}

/** The index where each character (grapheme cluster) of `text` starts. */
function* clusterStarts(text: string): Generator<number> {
  let start = 0;
  let size = WINDOW;
  while (start < text.length) {
    let end = Math.min(text.length, start + size);
    // Never end a window inside a surrogate pair: half an emoji would be read as a character of its own.
    if (end < text.length && isHighSurrogate(text.charCodeAt(end - 1))) end++;
    const starts = Array.from(graphemes.segment(text.slice(start, end)), (segment) => start + segment.index);
    if (end === text.length) {
      yield* starts;
      return;
    }
    const unfinished = starts.pop()!;
    if (starts.length === 0) {
      size *= 2;
      continue;
    }
    yield* starts;
    start = unfinished;
    size = WINDOW;
  }
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

const NON_ASCII_DIGIT = /[^\P{Nd}0-9]/gu;
let digitValues: Map<string, string> | undefined;

/** "٣", "३" and "３" become "3"; everything else is left as it is. */
export function toAsciiDigits(text: string): string {
  if (PLAIN_ASCII.test(text)) return text;
  return text.replace(NON_ASCII_DIGIT, (digit) => digitValuesByChar().get(digit) ?? digit);
}

/**
 * Every decimal digit Unicode knows (Nd), by formatting 9876543210 in each numbering system the
 * runtime has: those cover all of them, and no table needs keeping here. Built on first use (about
 * 30 ms), since most text has only ASCII digits.
 */
function digitValuesByChar(): Map<string, string> {
  if (digitValues) return digitValues;
  digitValues = new Map();
  for (const numberingSystem of Intl.supportedValuesOf('numberingSystem')) {
    const digits = [...new Intl.NumberFormat('en', { numberingSystem, useGrouping: false }).format(9876543210)].reverse();
    // Skips systems that are not ten single digits, such as Chinese numerals.
    if (digits.length !== 10 || !digits.every((digit) => /^\p{Nd}$/u.test(digit))) continue;
    digits.forEach((digit, value) => digitValues!.set(digit, String(value)));
  }
  return digitValues;
}
