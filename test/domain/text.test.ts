import { describe, expect, it } from 'vitest';
import { isLongerThan, quote, shorten, toAsciiDigits, visibleLength } from '../../src/domain/text.js';

const FAMILY = '👨‍👩‍👧‍👦';

/** The best of three runs, in ms: the least disturbed by whatever else the machine is doing. */
function timed(work: () => void): number {
  let best = Infinity;
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    work();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}
const DECOMPOSED_E = 'e\u0301';

describe('visibleLength counts what a person sees', () => {
  it.each<[string, string, number]>([
    ['plain text', 'great night', 11],
    ['nothing', '', 0],
    ['an emoji', '😀', 1],
    ['499 emoji', '😀'.repeat(499), 499],
    ['a family joined by zero-width joiners', FAMILY, 1],
    ['a flag', '🇺🇸', 1],
    ['a thumbs up with a skin tone', '👍🏽', 1],
    ['an accent typed as a separate mark', `caf${DECOMPOSED_E}`, 4],
    ['a Windows line break', 'a\r\nb', 3],
    ['Devanagari with a vowel sign', 'नमस्ते', 3],
  ])('%s', (_name, text, expected) => {
    expect(visibleLength(text)).toBe(expected);
  });

  it('counts long text right across the windows it is read in', () => {
    expect(visibleLength(`a😀🇺🇸${FAMILY}${DECOMPOSED_E}\r\n`.repeat(500))).toBe(3000);
    // Regional indicators pair up from the start: an odd one out at the end stays one character.
    expect(visibleLength(`${'🇺🇸'.repeat(700)}🇫`)).toBe(701);
    // One character longer than a window: a letter carrying 5,000 accents.
    expect(visibleLength(`a${'\u0301'.repeat(5000)}b`)).toBe(2);
  });

  it('takes time in proportion to the text, not to its square as Node 20\'s segmenter alone does', () => {
    const small = '😀'.repeat(2_000);
    const large = '😀'.repeat(20_000);
    expect(visibleLength(small)).toBe(2_000);
    const smallTenTimes = timed(() => {
      for (let i = 0; i < 10; i++) visibleLength(small);
    });
    const largeOnce = timed(() => expect(visibleLength(large)).toBe(20_000));
    // The same amount of text either way: about 1× when linear, about 10× when quadratic. Measured
    // against each other, not against a clock, so a busy machine slows both alike.
    expect(largeOnce).toBeLessThan(smallTenTimes * 5);
  });
});

describe('isLongerThan', () => {
  it.each<[string, number, boolean]>([
    ['x'.repeat(500), 500, false],
    ['x'.repeat(501), 500, true],
    ['😀'.repeat(500), 500, false],
    ['😀'.repeat(501), 500, true],
  ])('%#: %s characters against %i', (text, max, expected) => {
    expect(isLongerThan(text, max)).toBe(expected);
  });
});

describe('shorten and quote', () => {
  it('keep short text whole and cut long text to the limit, ending in …', () => {
    expect(shorten('great night', 11)).toBe('great night');
    expect(shorten('great night', 6)).toBe('great…');
    expect(quote('x'.repeat(100))).toBe(`“${'x'.repeat(39)}…”`);
  });

  it('never cut an emoji in half', () => {
    expect(shorten(FAMILY.repeat(10), 3)).toBe(`${FAMILY}${FAMILY}…`);
    expect(shorten('🇺🇸'.repeat(10), 2)).toBe('🇺🇸…');
  });
});

describe('toAsciiDigits', () => {
  it.each([
    ['Arabic-Indic', '٣', '3'],
    ['Eastern Arabic (Persian)', '۱۲', '12'],
    ['Devanagari', '४०', '40'],
    ['full-width, from Japanese and Chinese keyboards', '１２', '12'],
    ['Bengali within a word', 'doors:৫', 'doors:5'],
    ['ASCII and letters unchanged', 'x9 doors', 'x9 doors'],
    ['Chinese numerals are words, not digits', '三', '三'],
  ])('%s: %s → %s', (_name, text, expected) => {
    expect(toAsciiDigits(text)).toBe(expected);
  });
});
