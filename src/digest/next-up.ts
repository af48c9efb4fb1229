/**
 * "Next up" in the digest: shifts and trainings of the coming week that still have seats, soonest
 * first, each with the Claim or RSVP button its feature's own listener handles (so it works from the
 * digest as from an announcement).
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { ACTIONS } from '../slack/ids.js';
import type { DigestWindow } from './schedule.js';

export interface Opportunity {
  kind: 'shift' | 'training';
  title: string;
  startsAt: Date;
  /** Null for a training with no seat limit. */
  seatsLeft: number | null;
  /** The action_id of the Claim / RSVP button, routed by the shifts feature's own listener. */
  actionId: string;
  /** The button's value: which opportunity it claims. */
  value: string;
}

/** How many the digest lists at most; more are a click away in /shifts. */
const LISTED_MAX = 8;

/** Open shifts and trainings with seats left, starting in the seven days after `window` (the coming week). */
export async function upcomingOpportunities(db: Kysely<DB>, teamId: string, window: DigestWindow): Promise<Opportunity[]> {
  const [shifts, trainings] = await Promise.all([openShifts(db, teamId, window), openTrainings(db, teamId, window)]);
  return [...shifts, ...trainings].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime()).slice(0, LISTED_MAX);
}

async function openShifts(db: Kysely<DB>, teamId: string, window: DigestWindow): Promise<Opportunity[]> {
  const rows = await db
    .selectFrom('signup_opportunities as o')
    .innerJoin('shifts as s', 's.opportunity_id', 'o.id')
    .select(['o.id', 's.title', 'o.starts_at', sql<number>`o.capacity - o.filled`.as('seats_left')])
    .where('o.team_id', '=', teamId)
    .where('o.kind', '=', 'shift')
    .where('o.status', '=', 'open')
    .where('o.min_role', '=', 'volunteer')
    .where(sql<boolean>`o.filled < o.capacity`)
    .where('o.starts_at', '>=', sql<Date>`${window.to}::date + 1`)
    .where('o.starts_at', '<', sql<Date>`${window.to}::date + 8`)
    .orderBy('o.starts_at')
    .limit(LISTED_MAX)
    .execute();
  return rows.map((row) => ({
    kind: 'shift',
    title: row.title,
    startsAt: row.starts_at,
    seatsLeft: Number(row.seats_left),
    actionId: ACTIONS.shiftClaim,
    value: String(row.id),
  }));
}

async function openTrainings(db: Kysely<DB>, teamId: string, window: DigestWindow): Promise<Opportunity[]> {
  const rows = await db
    .selectFrom('signup_opportunities as o')
    .innerJoin('trainings as t', 't.opportunity_id', 'o.id')
    .select(['o.id', 't.title', 't.unlimited', 'o.starts_at', sql<number>`o.capacity - o.filled`.as('seats_left')])
    .where('o.team_id', '=', teamId)
    .where('o.kind', '=', 'training')
    .where('o.status', '=', 'open')
    .where(sql<boolean>`o.filled < o.capacity`)
    .where('o.starts_at', '>=', sql<Date>`${window.to}::date + 1`)
    .where('o.starts_at', '<', sql<Date>`${window.to}::date + 8`)
    .orderBy('o.starts_at')
    .limit(LISTED_MAX)
    .execute();
  return rows.map((row) => ({
    kind: 'training',
    title: row.title,
    startsAt: row.starts_at,
    seatsLeft: row.unlimited ? null : Number(row.seats_left),
    actionId: ACTIONS.trainingRsvp,
    value: String(row.id),
  }));
}
