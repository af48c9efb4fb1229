import { describe, expect, it } from 'vitest';
import { COMPARE_MIN_REACH, composeDigest, type DigestFacts, type StoryCandidate, type TacticTotals } from '../../src/digest/compose-digest.js';
import { windowEndingOn } from '../../src/digest/schedule.js';
import { DIGEST_MAX_BLOCKS, STORY_CUT_CHARS, digestMessage, digestText } from '../../src/digest/views/digest-message.js';

const window = windowEndingOn('2026-11-29');
const noPeople = { newcomers: [], bothChannels: [], active: 0 };

function facts(overrides: Partial<DigestFacts> = {}): DigestFacts {
  return { window, weeks: [], people: noPeople, stories: [], nextUp: [], ...overrides };
}

const week = (weeksAgo: number, tactics: TacticTotals[]) => ({ weeksAgo, tactics });

describe('composeDigest', () => {
  it('calls a week with nothing logged quiet, and words it kindly instead of listing zeros', () => {
    const digest = composeDigest(facts({ weeks: [week(1, [{ tacticId: 'door_knocking', actions: 4, counts: { doors: 90 } }])] }));
    expect(digest.quiet).toBe(true);
    const text = digestText(digest, new Map());
    expect(text).toContain('A quiet week: nothing was logged from Mon 23 Nov – Sun 29 Nov');
    expect(text).not.toMatch(/\b0 actions\b/);
  });

  it('puts outcomes ahead of activity and shows the change from the week before, offline and online', () => {
    const digest = composeDigest(
      facts({
        weeks: [
          week(0, [{ tacticId: 'door_knocking', actions: 5, counts: { doors: 200, conversations: 40, signups: 8 } }]),
          week(1, [{ tacticId: 'door_knocking', actions: 7, counts: { doors: 300 } }]),
        ],
        people: { ...noPeople, active: 2 },
      }),
    );
    const recruit = digest.headline.find((line) => line.goal === 'recruit')!;
    expect(recruit.cells.offline).toEqual({
      actions: 5,
      previousActions: 7,
      outcomes: [{ unit: 'signups', amount: 8 }, { unit: 'conversations', amount: 40 }],
      activity: [{ unit: 'doors', amount: 200 }],
    });
    expect(digestText(digest, new Map())).toContain('Offline · 5 actions (↓ from 7)\n    8 sign-ups · 40 conversations\n    200 doors knocked');
  });

  it('handles a week with only online work: no offline win is invented, and the comparison says there is too little data', () => {
    const online: StoryCandidate = { source: 'logged', authorId: 'U1', text: 'Our email got 40 replies.', on: '2026-11-25', tacticId: 'email_outreach', counts: { messages: 300, signups: 9 } };
    const digest = composeDigest(facts({ weeks: [week(0, [{ tacticId: 'email_outreach', actions: 2, counts: { messages: 300, signups: 9 } }])], stories: [online] }));
    expect(digest.wins).toEqual([{ story: online, channel: 'online' }]);
    expect(digest.compare.thisWeek).toEqual({ qualifying: [], enough: false });
    expect(digestText(digest, new Map())).toContain(`Too little data to compare this week`);
    expect(digestText(digest, new Map())).toContain(`at least 3 reports and ${COMPARE_MIN_REACH} of what it reaches`);
  });

  it('picks one offline and one online story when both exist, and a nominated message, before a second story from anyone', () => {
    const story = (authorId: string, tacticId: StoryCandidate['tacticId'], signups: number): StoryCandidate => ({ source: 'logged', authorId, text: `${authorId} story`, on: '2026-11-25', ...(tacticId ? { tacticId } : {}), counts: { signups } });
    const nominated: StoryCandidate = { source: 'nominated', authorId: 'U9', text: 'nominated', on: '2026-11-26', permalink: 'https://x.slack.com/archives/C1/p1' };
    const digest = composeDigest(facts({ stories: [story('U1', 'door_knocking', 50), story('U1', 'phone_bank', 40), story('U2', 'door_knocking', 30), story('U3', 'petition', 1), nominated] }));
    expect(digest.wins.map((w) => `${w.story.authorId}:${w.channel}`)).toEqual(['U1:offline', 'U3:online', 'U9:null', 'U2:offline']);
  });

  it('compares conversions per 100 of each tactic’s reach unit, only above the threshold, best first', () => {
    const digest = composeDigest(
      facts({
        weeks: [
          week(0, [
            { tacticId: 'door_knocking', actions: 4, counts: { doors: 400, conversations: 80, signups: 12 } },
            { tacticId: 'email_outreach', actions: 3, counts: { messages: 1000, signups: 10 } },
            { tacticId: 'phone_bank', actions: 2, counts: { calls: 500, signups: 40 } },
          ]),
        ],
      }),
    );
    expect(digest.compare.thisWeek.qualifying.map((c) => [c.tacticId, c.reachUnit, c.per100])).toEqual([
      ['door_knocking', 'doors', 3],
      ['email_outreach', 'messages', 1],
    ]);
    expect(digest.compare.thisWeek.enough).toBe(true);
    expect(digestText(digest, new Map())).toContain('• Door knocking (offline): 3.0 per 100 doors knocked (12 of 400)');
  });
});

describe('digestMessage', () => {
  const busy = () =>
    composeDigest(
      facts({
        weeks: [week(0, [{ tacticId: 'door_knocking', actions: 900, counts: { doors: 9000, signups: 100 } }, { tacticId: 'petition', actions: 900, counts: { signatures: 9000 } }])],
        people: {
          newcomers: Array.from({ length: 60 }, (_, i) => ({ userId: `UNEW${i}`, firstTacticId: 'door_knocking' as const, firstOn: '2026-11-24' })),
          bothChannels: Array.from({ length: 200 }, (_, i) => `UBOTH${i}`),
          active: 400,
        },
        stories: Array.from({ length: 30 }, (_, i): StoryCandidate => ({
          source: i % 3 === 0 ? 'nominated' : 'logged',
          authorId: `USTORY${i}`,
          text: `${'<@U0EVERY> <!here> & *bold* <https://evil.example|click> '.repeat(60)} end ${i}`,
          on: '2026-11-25',
          ...(i % 3 === 0 ? { permalink: `https://groundwork.slack.com/archives/C1/p${i}` } : { tacticId: i % 2 ? 'door_knocking' : 'petition' }),
        })),
      }),
    );

  it('stays within Slack’s limits whatever the week holds, with a complete fallback', () => {
    const message = digestMessage(busy(), new Map());
    expect(message.blocks.length).toBeLessThanOrEqual(DIGEST_MAX_BLOCKS);
    for (const block of message.blocks) {
      const b = block as { text?: { text: string }; fields?: { text: string }[] };
      if (b.text) expect(b.text.text.length).toBeLessThanOrEqual(block.type === 'header' ? 150 : 3000);
      for (const field of b.fields ?? []) expect(field.text.length).toBeLessThanOrEqual(2000);
    }
    expect(message.text).toContain('What converted best');
    expect(message.text).toContain('and 45 more');
  });

  it('cuts long stories, linking a nominated one to its original, and quotes mention-laden text so that it pings nobody', () => {
    const message = digestMessage(busy(), new Map());
    const all = JSON.stringify(message.blocks) + message.text;
    expect(all).not.toMatch(/<@U0EVERY>|<!here>|<https:\/\/evil/);
    expect(all).toContain('&lt;@U0EVERY&gt;');
    const wins = message.blocks.filter((b) => b.type === 'section' && JSON.stringify(b).includes('U0EVERY'));
    expect(wins.length).toBeGreaterThan(0);
    expect(JSON.stringify(message.blocks)).toContain('|Read it all>');
    expect(JSON.stringify(message.blocks)).toContain('(shortened)');
    expect(STORY_CUT_CHARS).toBeLessThan(3000);
  });

  it('names people by name in alphabetical order, never by volume', () => {
    const digest = composeDigest(facts({ weeks: [week(0, [{ tacticId: 'door_knocking', actions: 3, counts: { doors: 10 } }])], people: { newcomers: [], bothChannels: ['U2', 'U1', 'U3'], active: 3 } }));
    const names = new Map([['U1', 'Zoe'], ['U2', 'Ana'], ['U3', 'Mo *bold*']]);
    expect(digestMessage(digest, names).text).toContain('*Offline and online*: Ana, Mo *\u200Bbold*\u200B, Zoe worked both ways');
  });
});
