import { describe, expect, it } from 'vitest';
import { CHANNELS, GOALS, TACTICS, TACTIC_IDS, UNITS, allTactics, describeTactic, findTactic, formatCount, tacticsIn } from '../../src/domain/tactics.js';

describe('the tactic catalog', () => {
  it('fills every cell of Recruit / Engage / Campaign × offline / online', () => {
    for (const goal of GOALS) {
      for (const channel of CHANNELS) {
        expect(tacticsIn(goal, channel).length, `${goal} × ${channel}`).toBeGreaterThan(0);
      }
    }
  });

  it('has the article\'s tactics in their cells', () => {
    expect(TACTICS.door_knocking).toMatchObject({ goal: 'recruit', channel: 'offline' });
    expect(TACTICS.one_on_one).toMatchObject({ goal: 'recruit', channel: 'offline' });
    expect(TACTICS.petition).toMatchObject({ goal: 'recruit', channel: 'online' });
    expect(TACTICS.house_party).toMatchObject({ goal: 'recruit', channel: 'online' });
    expect(TACTICS.training).toMatchObject({ goal: 'engage', channel: 'offline' });
    expect(TACTICS.conference_call).toMatchObject({ goal: 'engage', channel: 'online' });
    expect(TACTICS.phone_bank).toMatchObject({ goal: 'campaign', channel: 'offline' });
    expect(TACTICS.letter_to_editor).toMatchObject({ goal: 'campaign', channel: 'online' });
    expect(TACTICS.press_hit).toMatchObject({ goal: 'campaign', channel: 'online' });
  });

  it('keeps ids unique and stable, every tactic counting known units', () => {
    expect(new Set(allTactics().map((t) => t.id)).size).toBe(TACTIC_IDS.length);
    expect(allTactics().map((t) => t.id)).toEqual([...TACTIC_IDS]);
    for (const tactic of allTactics()) {
      expect(tactic.units.length, tactic.id).toBeGreaterThan(0);
      for (const unit of tactic.units) expect(UNITS[unit], `${tactic.id}.${unit}`).toBeDefined();
      expect(tactic.id).toMatch(/^[a-z_]+$/);
    }
  });

  it('fits Slack limits: option text ≤ 75 characters, fewer than 100 options', () => {
    expect(allTactics().length).toBeLessThan(100);
    for (const tactic of allTactics()) {
      expect(`${tactic.name} · ${tactic.channel}`.length).toBeLessThanOrEqual(75);
      expect(tactic.hint.length).toBeLessThanOrEqual(75);
    }
  });

  it('describes tactics and counts in words', () => {
    expect(describeTactic(TACTICS.door_knocking)).toBe('Door knocking (Recruit · offline)');
    expect(formatCount('doors', 1)).toBe('1 door knocked');
    expect(formatCount('signatures', 1200)).toBe('1,200 signatures');
  });

  it.each([
    ['phone bank', 'phone_bank'],
    ['door_knocking', 'door_knocking'],
    ['Letters', 'letter_to_editor'],
    ['PETITIONS', 'petition'],
    ['', null],
    ['juggling', null],
  ])('finds the tactic meant by %j', (query, id) => {
    expect(findTactic(query)?.id ?? null).toBe(id);
  });
});
