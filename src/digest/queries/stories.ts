/**
 * The week's story candidates: stories written with logged actions whose authors allowed featuring,
 * and nominated messages whose authors allowed quoting.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { addDays, dateIn } from '../../domain/dates.js';
import { fromCommandText } from '../../slack/mrkdwn.js';
import type { StoryCandidate } from '../compose-digest.js';
import { zonedInstant, type DigestWindow } from '../schedule.js';

/** Enough to choose a few wins from, however many stories a week holds. */
const MAX_CANDIDATES = 200;

export async function weekStories(db: Kysely<DB>, teamId: string, window: DigestWindow, timeZone: string): Promise<StoryCandidate[]> {
  const [logged, nominated] = await Promise.all([
    db
      .selectFrom('actions')
      .select(['user_id', 'story', 'occurred_on', 'tactic_id', 'counts'])
      .where('team_id', '=', teamId)
      .where('occurred_on', '>=', window.from)
      .where('occurred_on', '<=', window.to)
      .where('story', 'is not', null)
      .where('story_consent', '=', true)
      .orderBy('occurred_on', 'desc')
      .orderBy('id', 'desc')
      .limit(MAX_CANDIDATES)
      .execute(),
    db
      .selectFrom('story_nominations')
      .select(['author_id', 'text', 'permalink', 'decided_at'])
      .where('team_id', '=', teamId)
      .where('status', '=', 'allowed')
      // Allowed during the window's days in the team's zone: each nomination is featured in exactly one digest.
      .where('decided_at', '>=', zonedInstant(window.from, '00:00', timeZone))
      .where('decided_at', '<', zonedInstant(addDays(window.to, 1), '00:00', timeZone))
      .where('text', 'is not', null)
      .orderBy('decided_at', 'desc')
      .limit(MAX_CANDIDATES)
      .execute(),
  ]);
  return [
    ...logged.map(
      (row): StoryCandidate => ({ source: 'logged', authorId: row.user_id, text: row.story ?? '', on: row.occurred_on, tacticId: row.tactic_id, counts: row.counts }),
    ),
    ...nominated.map(
      (row): StoryCandidate => ({
        source: 'nominated',
        authorId: row.author_id,
        // Slack sends message text with &, <, > as entities: undo that to get what the person typed.
        text: fromCommandText(row.text ?? ''),
        on: dateIn(timeZone, row.decided_at ?? zonedInstant(window.to, '00:00', timeZone)),
        ...(row.permalink ? { permalink: row.permalink } : {}),
      }),
    ),
  ];
}
