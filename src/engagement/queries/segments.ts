/**
 * Applies the segment definitions (segments.ts) to the per-person summary: every segment's count in
 * one pass over one row per person, and a segment's members. Forgotten people's anonymous rows
 * count in no segment.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../db/schema.js';
import { addDays, type IsoDate } from '../../domain/dates.js';
import { FORGOTTEN_ID_PREFIX } from '../../privacy/personal-data.js';
import { LAPSED_AFTER_DAYS, READY_ONLINE_ACTIONS, TOP_SEGMENT_SIZE, type FixedSegmentId, type SegmentId } from '../segments.js';

const NOT_FORGOTTEN = `${FORGOTTEN_ID_PREFIX}%`;

/** Where a person of person_activity is in the segment, as of `today`. */
function condition(segment: FixedSegmentId, today: IsoDate): RawBuilder<boolean> {
  const since = addDays(today, -LAPSED_AFTER_DAYS);
  switch (segment) {
    case 'most_online':
      return sql`online_actions > 0`;
    case 'most_offline':
      return sql`offline_actions > 0`;
    case 'bridgers':
      return sql`online_actions > 0 and offline_actions > 0`;
    case 'online_ready':
      return sql`offline_actions = 0 and online_actions >= ${READY_ONLINE_ACTIONS} and last_on >= ${since}`;
    case 'offline_only':
      return sql`offline_actions > 0 and online_actions = 0`;
    case 'lapsed':
      return sql`last_on < ${since}`;
  }
}

export type SegmentCounts = Partial<Record<SegmentId, number>>;

/** Every fixed segment's count, and each skill held by anyone. */
export async function segmentCounts(db: Kysely<DB>, teamId: string, today: IsoDate): Promise<SegmentCounts> {
  const fixed = ['most_online', 'most_offline', 'bridgers', 'online_ready', 'offline_only', 'lapsed'] as const;
  const columns = sql.join(fixed.map((id) => sql`count(*) filter (where ${condition(id, today)})::int as ${sql.ref(id)}`));
  const [activity, skills] = await Promise.all([
    sql<Record<FixedSegmentId, number>>`select ${columns} from person_activity where team_id = ${teamId} and user_id not like ${NOT_FORGOTTEN}`.execute(db),
    sql<{ skill: string; people: number }>`select skill, count(*)::int as people from person_skills where team_id = ${teamId} group by skill order by skill`.execute(db),
  ]);
  const row = activity.rows[0]!;
  const counts: SegmentCounts = { ...row, most_online: Math.min(TOP_SEGMENT_SIZE, row.most_online), most_offline: Math.min(TOP_SEGMENT_SIZE, row.most_offline) };
  for (const { skill, people } of skills.rows) counts[`skill:${skill}` as SegmentId] = people;
  return counts;
}

/** A segment's members: the "most" ones by their count, the rest by Slack id. */
export async function segmentMembers(db: Kysely<DB>, teamId: string, segment: SegmentId, today: IsoDate, limit?: number): Promise<string[]> {
  if (segment.startsWith('skill:')) {
    const skill = segment.slice('skill:'.length);
    const { rows } = await sql<{ user_id: string }>`
      select user_id from person_skills where team_id = ${teamId} and skill = ${skill} order by user_id ${limit ? sql`limit ${limit}` : sql``}`.execute(db);
    return rows.map((r) => r.user_id);
  }
  const fixed = segment as FixedSegmentId;
  const order = fixed === 'most_online' ? sql`online_actions desc, user_id` : fixed === 'most_offline' ? sql`offline_actions desc, user_id` : sql`user_id`;
  const top = fixed === 'most_online' || fixed === 'most_offline' ? TOP_SEGMENT_SIZE : undefined;
  const cap = Math.min(limit ?? Infinity, top ?? Infinity);
  const { rows } = await sql<{ user_id: string }>`
    select user_id from person_activity
    where team_id = ${teamId} and user_id not like ${NOT_FORGOTTEN} and ${condition(fixed, today)}
    order by ${order} ${Number.isFinite(cap) ? sql`limit ${cap}` : sql``}`.execute(db);
  return rows.map((r) => r.user_id);
}

export interface PersonCounts {
  userId: string;
  /** Actions per goal × channel, e.g. recruit_offline. */
  cells: Record<string, number>;
}

/** Each person's actions per goal and channel, all time, from the all-time summary. */
export async function countsPerCell(db: Kysely<DB>, teamId: string, userIds: readonly string[]): Promise<Map<string, Record<string, number>>> {
  const counts = new Map<string, Record<string, number>>();
  if (userIds.length === 0) return counts;
  const { rows } = await sql<{ user_id: string; goal: string; channel: string; actions: number }>`
    select user_id, goal, channel, sum(actions)::int as actions from person_totals
    where team_id = ${teamId} and user_id = any(${[...userIds]}) group by user_id, goal, channel`.execute(db);
  for (const row of rows) {
    const cells = counts.get(row.user_id) ?? {};
    cells[`${row.goal}_${row.channel}`] = row.actions;
    counts.set(row.user_id, cells);
  }
  return counts;
}
