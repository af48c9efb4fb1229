/** The pure parts of trainings: the plan's rules, the Engage action attending earns, /training's words, the Home section. */
import { describe, expect, it } from 'vitest';
import { TACTICS } from '../../src/domain/tactics.js';
import { homeView, type HomeInput } from '../../src/home/views/home.js';
import { parseTrainingText } from '../../src/trainings/training-command.js';
import { UNLIMITED_SEATS, capacityOf, checkTraining, engageActionOf, type TrainingInput } from '../../src/trainings/training-rules.js';

const NOW = new Date('2026-11-30T12:00:00Z');
const input: TrainingInput = {
  title: 'Door knocking 101',
  format: 'in_person',
  skill: 'door_knocking',
  date: '2026-12-10',
  time: '18:00',
  length: '1.5',
  seats: null,
  where: 'Union hall',
  description: null,
  announce: true,
};

describe('checkTraining', () => {
  it('turns a good form into a plan in the team zone; empty seats mean unlimited', () => {
    const checked = checkTraining(input, { now: NOW, timeZone: 'America/Chicago' });
    expect(checked.ok && checked.plan).toMatchObject({ startsAt: new Date('2026-12-11T00:00:00Z'), endsAt: new Date('2026-12-11T01:30:00Z'), seats: null });
    expect(capacityOf(null)).toBe(UNLIMITED_SEATS);
    expect(capacityOf(12)).toBe(12);
  });

  it('names every problem at once, each on its field', () => {
    const checked = checkTraining({ ...input, title: '', format: null, skill: null, length: '20', seats: 0, where: '' }, { now: NOW, timeZone: 'America/Chicago' });
    expect(checked.ok ? [] : checked.problems.map((p) => p.field)).toEqual(['title', 'format', 'skill', 'length', 'seats', 'where']);
  });
});

describe('engageActionOf', () => {
  it('in person is a real-life training (Engage, offline); webinars and calls are conference calls (Engage, online)', () => {
    const start = new Date('2026-12-11T00:00:00Z');
    const inPerson = engageActionOf('in_person', start, new Date(start.getTime() + 90 * 60_000));
    expect(inPerson).toEqual({ tacticId: 'training', counts: { trainings: 1, hours: 2 } });
    expect([TACTICS.training.goal, TACTICS.training.channel]).toEqual(['engage', 'offline']);
    for (const format of ['webinar', 'conference_call'] as const) {
      const online = engageActionOf(format, start, new Date(start.getTime() + 30 * 60_000));
      expect(online).toEqual({ tacticId: 'conference_call', counts: { hours: 1 } });
    }
    expect([TACTICS.conference_call.goal, TACTICS.conference_call.channel]).toEqual(['engage', 'online']);
    // Every unit counted is one the tactic counts, so the action reads like any other logged one.
    expect(Object.keys(inPerson.counts).every((unit) => (TACTICS.training.units as readonly string[]).includes(unit))).toBe(true);
  });
});

describe('parseTrainingText', () => {
  it.each([
    ['new', { kind: 'new' }],
    ['list', { kind: 'list' }],
    ['REPORT', { kind: 'report' }],
    ['edit #12', { kind: 'edit', trainingId: 12 }],
    ['attendance', { kind: 'attendance', trainingId: null }],
    ['skill <@U0MARIA|maria> door knocking', { kind: 'skill', userId: 'U0MARIA', skill: 'door_knocking' }],
    ['skill <@U0MARIA> phone bank', { kind: 'skill', userId: 'U0MARIA', skill: 'phone_bank' }],
    ['', { kind: 'help' }],
  ])('reads %j', (text, request) => {
    expect(parseTrainingText(text)).toEqual(request);
  });

  it.each([
    ['new something', 'takes nothing after it'],
    ['cancel 12 13', 'is not a training number'],
    ['skill maria door knocking', 'Name the person with @'],
    ['skill <@U0MARIA|maria>', 'Say which skill'],
    ['skill <@U0MARIA|maria> &lt;@U0EVIL&gt; *x*', 'is not a tactic I know'],
    ['dance', 'I don\'t know "/training dance"'],
  ])('answers %j with what is wrong', (text, words) => {
    const request = parseTrainingText(text);
    expect(request.kind).toBe('help');
    const problem = request.kind === 'help' ? (request.problem ?? '') : '';
    expect(problem).toContain(words);
    expect(problem).not.toMatch(/<@U0EVIL>/);
  });
});

describe('the Home tab', () => {
  const base: HomeInput = {
    userId: 'U1',
    thisWeek: '2026-11-30',
    week: [],
    allTime: [],
    recognition: { thisWeek: '2026-11-30', totalActions: 0, firstActionOn: null, firstOn: { offline: null, online: null }, firstStoryOn: null, nthActionOn: {}, streak: { weeks: 0, lastWeek: null } },
  };

  it("shows a person's upcoming trainings with Cancel RSVP, and the skills they earned", () => {
    const view = JSON.stringify(
      homeView({
        ...base,
        trainings: [{ opportunityId: 7, title: 'Knock *school*', startsAt: new Date('2026-12-11T00:00:00Z'), status: 'seated' }],
        skills: [
          { skill: 'door_knocking', source: 'training', earnedAt: NOW },
          { skill: 'one_on_one', source: 'staff', earnedAt: NOW },
        ],
      }).blocks,
    );
    expect(view).toContain('Your trainings and skills');
    expect(view).toContain('Knock *\u200Bschool*\u200B* (#7)');
    expect(view).toContain('"action_id":"training_cancel_rsvp"');
    expect(view).toContain("Skills you've earned: *Door knocking*, *One-on-ones* (recorded by staff)");
    expect(view).toContain('"action_id":"home_upcoming_trainings"');
  });

  it('gives staff a New training button beside New shift', () => {
    const view = homeView({ ...base, team: { cells: [], people: { offline: 0, online: 0, all: 0 }, canChangeSettings: false } });
    const staff = (view.blocks as { block_id?: string; elements?: { action_id?: string }[] }[]).find((block) => block.block_id === 'home_staff_actions');
    expect(staff?.elements?.map((element) => element.action_id)).toEqual(['home_new_shift', 'home_new_training']);
  });
});
