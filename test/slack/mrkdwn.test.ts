/**
 * The one escaping helper every view uses for what a person typed: nothing in it may become a live
 * mention, link, special command or formatting, and what it says must still read the same.
 */
import { describe, expect, it } from 'vitest';
import { asText, fromCommandText, truncate } from '../../src/slack/mrkdwn.js';

/** What Slack would turn into something live in mrkdwn: <…> sequences, and paired formatting marks. */
const LIVE = /<[^>]*>|(^|[\s(])([*_~`])[^\s\u200B*_~`][^*_~`]*\2(?=$|[\s).,!?])/;
const ZWSP = /\u200B/g;

const NASTY: [label: string, typed: string][] = [
  ['@channel', 'thanks <!channel> for coming'],
  ['@here', '<!here> doors at 6'],
  ['@everyone', '<!everyone>'],
  ['a user mention', 'with <@U012ABCDEF> and <@U0SOMEONE|maria>'],
  ['a user group', 'ping <!subteam^S012345|@organizers>'],
  ['a channel link', 'see <#C0123456|general>'],
  ['a disguised link', 'report at <https://evil.example/phish|https://union.example/report>'],
  ['a bare angle link', '<https://evil.example>'],
  ['a date command', '<!date^1700000000^{date}|today>'],
  ['bold', 'a *very* good day'],
  ['italic', 'an _important_ talk'],
  ['strike', 'a ~cancelled~ meeting'],
  ['code', 'typed `rm -rf` by mistake'],
  ['a code block', '```block```'],
  ['entities already typed', 'Tom &amp; Jerry &lt;3'],
  ['a quote mark at line start', '> not a quote\n>> nor this'],
  ['everything at once', '*<!channel>* _<@U1>_ ~<https://x.example|y>~ `&`'],
];

describe('asText', () => {
  it.each(NASTY)('shows %s as text: nothing live, and the same words once the marks are read back', (_label, typed) => {
    const shown = asText(typed);
    expect(shown).not.toMatch(LIVE);
    expect(shown).not.toContain('<');
    expect(shown).not.toContain('>');
    // Read back as Slack renders the entities, minus the invisible breaks: exactly what was typed.
    expect(shown.replace(ZWSP, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')).toBe(typed);
  });

  it('leaves ordinary text alone', () => {
    expect(asText('40 doors on Elm St, 12 talked 😀')).toBe('40 doors on Elm St, 12 talked 😀');
  });
});

describe('fromCommandText', () => {
  it("undoes exactly Slack's escaping of &, < and > in command text", () => {
    expect(fromCommandText('Tom &amp; Jerry &lt;3 &gt; &amp;lt;')).toBe('Tom & Jerry <3 > &lt;');
  });
});

describe('truncate', () => {
  it('cuts to the limit with a mark, never inside a surrogate pair or an entity', () => {
    expect(truncate('abcdef', 10)).toBe('abcdef');
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(truncate('ab😀cd', 4)).toBe('ab…');
    expect(truncate('ab &amp; cd', 7)).toBe('ab …');
  });
});
