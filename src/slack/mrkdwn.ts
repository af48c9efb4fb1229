/**
 * The one way text a person typed is shown again in Slack. mrkdwn would turn `<!channel>`, `<@U…>`,
 * `<https://…|label>` into live mentions and disguised links, and `*`, `_`, `~`, backticks into
 * formatting the person never meant. Every view passes people's text (notes, places, stories, titles,
 * names) through `asText` before it goes into a mrkdwn field or a message's fallback text.
 * What is stored stays exactly what the person typed; only its display is escaped.
 */

/** A zero-width space after a formatting mark breaks Slack's pairing of marks, and copies harmlessly. */
const ZERO_WIDTH_SPACE = '\u200B';
const FORMATTING_MARK = /[*_~`]/g;

/**
 * `text` as plain text inside mrkdwn: `&`, `<`, `>` become entities (so nothing can open a mention,
 * link or special command) and formatting marks lose their effect.
 */
export function asText(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(FORMATTING_MARK, (mark) => `${mark}${ZERO_WIDTH_SPACE}`);
}

/**
 * Slack sends a command's text with `&`, `<`, `>` escaped as entities. Undoing exactly that gives
 * back what the person typed, which is what we store (and `asText` escapes again for display).
 */
export function fromCommandText(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Cuts `text` to at most `max` UTF-16 units (Slack's limits) without splitting a character, marking the cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max - 1);
  // Do not leave half of a surrogate pair or of an entity such as &amp; at the end.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  cut = cut.replace(/&[a-z]{0,4}$/, '');
  return `${cut}…`;
}

/**
 * An instant in Slack's date formatting, so each reader sees it in their own time zone:
 * "Sunday, March 14th 18:00" for a reader in Chicago. `fallback` is shown by clients that cannot
 * format it (and in notifications): give the time in the team's zone, with the zone named.
 */
export function slackDate(instant: Date, fallback: string, format = '{date_short_pretty} {time}'): string {
  return `<!date^${Math.floor(instant.getTime() / 1000)}^${format}|${fallback.replace(/[|<>]/g, ' ')}>`;
}
