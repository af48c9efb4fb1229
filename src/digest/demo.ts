/**
 * A realistic month of a sample team's work, for `npm run digest -- --preview --demo`: a tenant union
 * knocking doors and phone banking, emailing and petitioning, with stories of both kinds, a newcomer
 * or two, and one nominated message full of mentions that must not ping anyone.
 */
import type { Kysely } from 'kysely';
import type { DB, NewAction } from '../db/schema.js';
import { addDays, weekdayOf, type IsoDate } from '../domain/dates.js';
import { TACTICS, type TacticId } from '../domain/tactics.js';
import type { Counts } from '../logging/log-entry.js';
import { zonedInstant } from './schedule.js';

export const DEMO_TEAM_ID = 'TDEMO';
export const DEMO_TIME_ZONE = 'America/Chicago';

export const DEMO_PEOPLE: ReadonlyMap<string, string> = new Map([
  ['UDEMO01', 'Maria Lopez'], ['UDEMO02', 'Dev Patel'], ['UDEMO03', 'Aisha Bello'], ['UDEMO04', 'Tom Becker'],
  ['UDEMO05', 'Lin Chen'], ['UDEMO06', 'Sam O’Neil'], ['UDEMO07', 'Grace Kim'], ['UDEMO08', 'Jamal Reed'],
  ['UDEMO09', 'Rosa Diaz'], ['UDEMO10', 'Noah Schultz'], ['UDEMO11', 'Priya Nair'], ['UDEMO12', 'Ben Carter'],
]);

/** Who does what, most weeks: some only offline, some only online, a few both. */
const HABITS: Record<string, TacticId[]> = {
  UDEMO01: ['door_knocking', 'one_on_one', 'email_outreach'],
  UDEMO02: ['phone_bank', 'social_media'],
  UDEMO03: ['door_knocking', 'team_check_in'],
  UDEMO04: ['petition', 'email_outreach', 'netroots'],
  UDEMO05: ['phone_bank', 'letter_to_editor'],
  UDEMO06: ['door_knocking'],
  UDEMO07: ['email_decision_makers', 'research', 'social_media'],
  UDEMO08: ['recruit_allies', 'one_on_one', 'conference_call'],
  UDEMO09: ['house_party', 'petition'],
  UDEMO10: ['training', 'phone_bank'],
};
/** They join in the last week: newcomers. */
const NEWCOMERS: Record<string, TacticId[]> = { UDEMO11: ['door_knocking', 'email_outreach'], UDEMO12: ['petition'] };

const STORIES: Partial<Record<TacticId, string>> = {
  door_knocking: 'On Elm St a tenant who had never come to a meeting talked with us for twenty minutes about the broken boiler, then signed up to testify at the hearing & brought her neighbour.',
  phone_bank: 'Called through the whole Building C list. Three people who said no last month said yes to the rent strike vote — the flyers from the door knock did their work.',
  email_outreach: 'Our "what the landlord owes you" email got 40 replies overnight, and 12 of them asked how to join the union.',
  petition: 'The repairs petition passed 500 signatures; the city council member’s office called *us* to ask for a meeting.',
};

const NOMINATED =
  'Huge thanks <!channel>: <@U0ABC123> and I met the property manager today and we got a written promise to fix the elevators by Friday. Details: <https://example.org/notes|meeting notes> &amp; photos in the thread.';

/** Fills the sample team's month ending on `lastDay` and returns its settings for the preview. */
export async function seedDemoTeam(db: Kysely<DB>, lastDay: IsoDate): Promise<void> {
  const rows: NewAction[] = [];
  let seq = 0;
  const add = (userId: string, tacticId: TacticId, on: IsoDate, counts: Counts, story: string | null) => {
    const tactic = TACTICS[tacticId];
    rows.push({
      team_id: DEMO_TEAM_ID, user_id: userId, tactic_id: tacticId, goal: tactic.goal, channel: tactic.channel,
      counts: JSON.stringify(counts), occurred_on: on, place: null, note: null, story, story_consent: story !== null,
      source: 'modal', idempotency_key: `demo:${++seq}`,
    });
  };
  // A small deterministic pseudo-random walk, so every demo shows the same month.
  let state = 7;
  const random = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const firstDay = addDays(lastDay, 7 * -8 + 1);
  const told = new Set<string>();
  for (let day = firstDay; day <= lastDay; day = addDays(day, 1)) {
    const weekend = [0, 6].includes(weekdayOf(day));
    const people = Object.entries({ ...HABITS, ...(day > addDays(lastDay, -7) ? NEWCOMERS : {}) });
    for (const [userId, tactics] of people) {
      if (random() > (weekend ? 0.6 : 0.35)) continue;
      const tacticId = tactics[Math.floor(random() * tactics.length)]!;
      const story = STORIES[tacticId];
      const storyHere = day >= addDays(lastDay, -6) && story && !told.has(story) && random() < 0.5 ? story : null;
      if (storyHere) told.add(storyHere);
      add(userId, tacticId, day, countsFor(tacticId, random), storyHere);
    }
  }
  for (let start = 0; start < rows.length; start += 500) await db.insertInto('actions').values(rows.slice(start, start + 500)).execute();
  await db
    .insertInto('workspace_settings')
    .values({ team_id: DEMO_TEAM_ID, digest_channel_id: 'CDEMODIGEST', digest_day: 1, digest_time: '09:00', time_zone: DEMO_TIME_ZONE, story_emoji: 'star' })
    .execute();
  await db
    .insertInto('story_nominations')
    .values({
      team_id: DEMO_TEAM_ID, channel_id: 'CDEMOGENERAL', message_ts: '1700000000.000100', author_id: 'UDEMO08', nominated_by: 'UDEMO01',
      status: 'allowed', decided_at: zonedInstant(addDays(lastDay, -2), '18:30', DEMO_TIME_ZONE), text: NOMINATED,
      permalink: 'https://demo.slack.com/archives/CDEMOGENERAL/p1700000000000100',
    })
    .execute();
}

function countsFor(tacticId: TacticId, random: () => number): Counts {
  const n = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  switch (tacticId) {
    case 'door_knocking': {
      const doors = n(20, 70);
      const conversations = n(5, Math.floor(doors / 3));
      return { doors, conversations, signups: n(0, Math.max(1, Math.floor(conversations / 3))) };
    }
    case 'phone_bank': {
      const calls = n(30, 90);
      const conversations = n(5, Math.floor(calls / 4));
      return { calls, conversations, signups: n(0, Math.max(1, Math.floor(conversations / 4))) };
    }
    case 'one_on_one':
      return { conversations: n(1, 4), signups: n(0, 2) };
    case 'email_outreach':
      return { messages: n(50, 300), signups: n(0, 6) };
    case 'petition':
      return { signatures: n(20, 120), signups: n(0, 5) };
    case 'social_media':
      return { posts: n(1, 5), signups: n(0, 2) };
    case 'house_party':
      return { attendees: n(6, 15), signups: n(1, 5) };
    default:
      return Object.fromEntries(TACTICS[tacticId].units.map((unit) => [unit, unit === 'hours' ? n(1, 3) : n(1, 8)]));
  }
}
