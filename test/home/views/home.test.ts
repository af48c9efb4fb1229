import { describe, expect, it } from 'vitest';
import type { KnownBlock } from '@slack/types';
import type { CellTotals } from '../../../src/logging/totals.js';
import { ACTION_COUNT_MILESTONES, type RecognitionFacts } from '../../../src/home/recognition.js';
import { CHANNELS, GOALS, UNIT_IDS, UNITS } from '../../../src/domain/tactics.js';
import { HOME_MAX_BLOCKS, fitWithin, homeView, textBar, type HomeInput } from '../../../src/home/views/home.js';

/** Every cell of the model, counting every unit at its largest: the most a home could ever hold. */
function everyCell(actions: number): CellTotals[] {
  const counts = Object.fromEntries(UNIT_IDS.map((unit) => [unit, UNITS[unit].max * 1000]));
  return GOALS.flatMap((goal) => CHANNELS.map((channel) => ({ goal, channel, actions, counts })));
}

const extremeRecognition: RecognitionFacts = {
  thisWeek: '2026-03-02',
  totalActions: 9_999_999,
  firstActionOn: '2016-01-04',
  firstOn: { offline: '2016-01-04', online: '2016-01-05' },
  firstStoryOn: '2016-02-01',
  nthActionOn: Object.fromEntries(ACTION_COUNT_MILESTONES.map((n, i) => [n, `2016-0${(i % 9) + 1}-10`])),
  streak: { weeks: 520, lastWeek: '2026-03-02' },
};

const quiet: HomeInput = {
  userId: 'U1',
  thisWeek: '2026-03-02',
  week: [],
  allTime: [{ goal: 'recruit', channel: 'offline', actions: 1, counts: { doors: 5 } }],
  recognition: { ...extremeRecognition, totalActions: 1, nthActionOn: {}, firstOn: { offline: '2026-02-24', online: null }, firstStoryOn: null, firstActionOn: '2026-02-24', streak: { weeks: 1, lastWeek: '2026-02-23' } },
};

function textsOf(block: any): string[] {
  return [block.text?.text, ...(block.fields ?? []).map((f: any) => f.text), ...(block.elements ?? []).map((e: any) => (typeof e.text === 'string' ? e.text : e.text?.text))].filter(
    (text): text is string => typeof text === 'string',
  );
}

describe('homeView', () => {
  it('stays within Slack limits with the most extreme history and a staff team section', () => {
    const view = homeView({
      userId: 'U'.padEnd(40, 'X'),
      thisWeek: '2026-03-02',
      week: everyCell(1_000_000),
      allTime: everyCell(9_999_999),
      recognition: extremeRecognition,
      team: { cells: everyCell(5_000_000), people: { offline: 100_000, online: 100_000, all: 150_000 }, canChangeSettings: true },
    });
    expect(view.type).toBe('home');
    expect(view.blocks.length).toBeLessThanOrEqual(HOME_MAX_BLOCKS);
    for (const block of view.blocks as any[]) {
      if (block.type === 'header') expect(block.text.text.length).toBeLessThanOrEqual(150);
      if (block.type === 'section' && block.text) expect(block.text.text.length).toBeLessThanOrEqual(3000);
      if (block.type === 'section') expect(block.fields?.length ?? 0).toBeLessThanOrEqual(10);
      for (const field of block.fields ?? []) expect(field.text.length).toBeLessThanOrEqual(2000);
      for (const text of textsOf(block)) expect(text.length).toBeGreaterThan(0);
    }
    const all = (view.blocks as any[]).flatMap(textsOf).join('\n');
    expect(all).toContain('*520 weeks in a row*');
    expect(all).toContain('…and 3 earlier milestones.');
    expect(all).toContain('Team this week');
    expect(JSON.stringify(view).length).toBeLessThan(250_000);
  });

  it('keeps the streak alive through last week and shows a quiet week as such', () => {
    const all = (homeView(quiet).blocks as any[]).flatMap(textsOf).join('\n');
    expect(all).toContain('*1 week in a row* with an action — log one this week to make it 2.');
    expect(all).toContain('Nothing logged yet this week');
    expect(all).toContain('Your work so far is offline');
    expect(all).toContain('9 actions to go until your 10th.');
    expect(all).not.toContain('Team this week');
  });

  it('gives admins a settings button and tells other staff who changes the settings', () => {
    const team = { cells: [], people: { offline: 0, online: 0, all: 0 } };
    const buttons = (view: ReturnType<typeof homeView>) => (view.blocks as any[]).filter((b) => b.type === 'actions').flatMap((b) => b.elements.map((e: any) => e.action_id));
    const admin = homeView({ ...quiet, team: { ...team, canChangeSettings: true } });
    const staff = homeView({ ...quiet, team: { ...team, canChangeSettings: false } });
    expect(buttons(admin)).toContain('home_settings');
    expect(buttons(staff)).not.toContain('home_settings');
    expect((staff.blocks as any[]).flatMap(textsOf).join('\n')).toContain('changed by admins with `/groundwork settings`');
    expect((admin.blocks as any[]).flatMap(textsOf).join('\n')).toContain('No actions logged by the team yet this week.');
  });

  it('scales bars within each section, offline and online side by side', () => {
    const view = homeView({
      ...quiet,
      week: [
        { goal: 'recruit', channel: 'offline', actions: 4, counts: { doors: 40 } },
        { goal: 'campaign', channel: 'online', actions: 1, counts: { letters: 2 } },
      ],
    });
    const [thisWeek] = (view.blocks as any[]).filter((b) => b.fields);
    expect(thisWeek.fields.map((f: any) => f.text)).toEqual(['*Offline*\n`▇▇▇▇▇▇▇▇▇▇` 4 actions\n40 doors knocked', '*Online*\n`▇▇▇▁▁▁▁▁▁▁` 1 action\n2 letters']);
  });
});

describe('textBar', () => {
  it.each([
    [0, 10, '▁▁▁▁▁▁▁▁▁▁'],
    [10, 10, '▇▇▇▇▇▇▇▇▇▇'],
    [5, 10, '▇▇▇▇▇▁▁▁▁▁'],
    [1, 1000, '▇▁▁▁▁▁▁▁▁▁'],
    [3, 0, '▁▁▁▁▁▁▁▁▁▁'],
  ])('%i of %i → %s', (value, max, bar) => {
    expect(textBar(value, max)).toBe(bar);
  });
});

describe('fitWithin', () => {
  it('leaves out a whole section that would overflow, keeping later ones that fit', () => {
    const blocks = (n: number, label: string): KnownBlock[] => Array.from({ length: n }, () => ({ type: 'section', text: { type: 'mrkdwn', text: label } }));
    const fitted = fitWithin([blocks(60, 'a'), blocks(50, 'b'), blocks(40, 'c')], 100);
    expect(fitted).toHaveLength(100);
    expect(new Set(fitted.map((b: any) => b.text.text))).toEqual(new Set(['a', 'c']));
  });
});
