/** Builds a team's week for digest tests: settings with a digest channel, and actions straight into the database. */
import type { Kysely } from 'kysely';
import type { DB, NewAction } from '../../src/db/schema.js';
import type { IsoDate } from '../../src/domain/dates.js';
import { TACTICS, type TacticId } from '../../src/domain/tactics.js';
import type { Counts } from '../../src/logging/log-entry.js';
import { FAKE_TEAM_ID } from './fake-slack.js';

export const DIGEST_CHANNEL = 'C0DIGEST';

/** Monday 09:00 America/Chicago, unless told otherwise. */
export async function digestSettings(db: Kysely<DB>, overrides: { channel?: string | null; day?: number; time?: string; timeZone?: string } = {}): Promise<void> {
  await db
    .insertInto('workspace_settings')
    .values({
      team_id: FAKE_TEAM_ID,
      digest_channel_id: overrides.channel === undefined ? DIGEST_CHANNEL : overrides.channel,
      digest_day: overrides.day ?? 1,
      digest_time: overrides.time ?? '09:00',
      time_zone: overrides.timeZone ?? 'America/Chicago',
      story_emoji: 'star',
    })
    .execute();
}

let seq = 0;

export interface SeedAction {
  userId: string;
  tacticId: TacticId;
  on: IsoDate;
  counts: Counts;
  story?: string;
}

export async function seedActions(db: Kysely<DB>, actions: readonly SeedAction[]): Promise<void> {
  const rows = actions.map((a): NewAction => {
    const tactic = TACTICS[a.tacticId];
    return {
      team_id: FAKE_TEAM_ID,
      user_id: a.userId,
      tactic_id: a.tacticId,
      goal: tactic.goal,
      channel: tactic.channel,
      counts: JSON.stringify(a.counts),
      occurred_on: a.on,
      place: null,
      note: null,
      story: a.story ?? null,
      story_consent: a.story !== undefined,
      source: 'command',
      idempotency_key: `digest-test:${++seq}`,
    };
  });
  if (rows.length > 0) await db.insertInto('actions').values(rows).execute();
}

/** A week (Mon 23 – Sun 29 Nov 2026) with offline and online work and a story of each kind. */
export const A_WEEK: readonly SeedAction[] = [
  { userId: 'U0MARIA', tacticId: 'door_knocking', on: '2026-11-24', counts: { doors: 60, conversations: 20, signups: 6 }, story: 'A tenant on Elm St signed up after twenty minutes on the porch.' },
  { userId: 'U0MARIA', tacticId: 'email_outreach', on: '2026-11-25', counts: { messages: 200, signups: 4 } },
  { userId: 'U0DEV', tacticId: 'petition', on: '2026-11-26', counts: { signatures: 120, signups: 5 }, story: 'The petition passed 500 signatures <!channel>.' },
  { userId: 'U0DEV', tacticId: 'door_knocking', on: '2026-11-16', counts: { doors: 30, conversations: 5 } },
  { userId: 'U0AISHA', tacticId: 'phone_bank', on: '2026-11-29', counts: { calls: 80, conversations: 15, signups: 3 } },
];

/** Monday 30 Nov 2026, 09:00 in Chicago (CST, UTC−6). */
export const DIGEST_MOMENT = new Date('2026-11-30T15:00:00Z');
