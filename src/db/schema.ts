/**
 * Table types for Kysely. Each feature owns its tables; this file only gathers them into the
 * one `DB` type the Kysely instance is built with. Columns mirror the migrations exactly.
 */
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { Counts } from '../domain/log-entry.js';
import type { Channel, Goal, TacticId } from '../domain/tactics.js';

/** A timestamptz column: the database fills it, queries read a Date. */
type CreatedAt = ColumnType<Date, Date | undefined, never>;

/** A Slack user as far as Groundwork needs to know them, cached from users.info. */
export interface PeopleTable {
  team_id: string;
  user_id: string;
  /** IANA zone from the person's Slack profile, e.g. "America/Chicago". */
  time_zone: string;
  refreshed_at: ColumnType<Date, Date | undefined, Date>;
}

/** One report of an action: one tactic, so one goal × channel cell. */
export interface ActionsTable {
  id: Generated<number>;
  team_id: string;
  user_id: string;
  tactic_id: TacticId;
  goal: Goal;
  channel: Channel;
  counts: ColumnType<Counts, string, string>;
  occurred_on: string;
  place: string | null;
  note: string | null;
  story: string | null;
  story_consent: boolean;
  source: 'command' | 'modal';
  /** What makes a retried or double-submitted report land once: the command's trigger_id or the modal's view id. */
  idempotency_key: string;
  created_at: CreatedAt;
}

export interface DB {
  people: PeopleTable;
  actions: ActionsTable;
}

export type ActionRow = Selectable<ActionsTable>;
export type NewAction = Insertable<ActionsTable>;
