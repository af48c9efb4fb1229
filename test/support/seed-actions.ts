/**
 * Writes a long logging history straight into the database (bypassing Slack), for tests and
 * benchmarks that need a person with hundreds or thousands of actions.
 */
import type { Kysely } from 'kysely';
import type { DB, NewAction } from '../../src/db/schema.js';
import { addDays, type IsoDate } from '../../src/domain/dates.js';
import { allTactics } from '../../src/domain/tactics.js';
import { FAKE_TEAM_ID } from './fake-slack.js';

export interface HistoryOptions {
  userId: string;
  teamId?: string;
  count: number;
  /** The newest day; the history runs back from here over `spanDays`, spread evenly. */
  lastDay: IsoDate;
  spanDays: number;
  /** Every n-th action carries a story (0: none). */
  storyEvery?: number;
}

/** `count` actions cycling through every tactic, oldest first, with small counts in each tactic's units. */
export function historyRows(options: HistoryOptions): NewAction[] {
  const tactics = allTactics();
  const storyEvery = options.storyEvery ?? 10;
  return Array.from({ length: options.count }, (_, i): NewAction => {
    const tactic = tactics[i % tactics.length]!;
    const counts = Object.fromEntries(tactic.units.map((unit, k) => [unit, ((i + k) % 7) + 1]));
    const daysBack = options.count === 1 ? 0 : Math.round(((options.count - 1 - i) * options.spanDays) / (options.count - 1));
    const story = storyEvery > 0 && i % storyEvery === storyEvery - 1 ? `Story ${i}: a neighbour signed up after a long talk on the porch.` : null;
    return {
      team_id: options.teamId ?? FAKE_TEAM_ID,
      user_id: options.userId,
      tactic_id: tactic.id,
      goal: tactic.goal,
      channel: tactic.channel,
      counts: JSON.stringify(counts),
      occurred_on: addDays(options.lastDay, -daysBack),
      place: null,
      note: null,
      story,
      story_consent: story !== null,
      source: 'command',
      idempotency_key: `seed:${options.userId}:${i}`,
    };
  });
}

export async function seedHistory(db: Kysely<DB>, options: HistoryOptions): Promise<void> {
  const rows = historyRows(options);
  for (let start = 0; start < rows.length; start += 1000) {
    await db.insertInto('actions').values(rows.slice(start, start + 1000)).execute();
  }
}
