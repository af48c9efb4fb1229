/**
 * "Next up" in the digest: shifts of the coming week that still have seats, each with the Claim
 * button the shifts feature's own listener handles (so it works from the digest as from an
 * announcement). Trainings join here when they are built on the same signup engine.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { ACTIONS } from '../slack/ids.js';
import type { DigestWindow } from './schedule.js';

export interface Opportunity {
  kind: 'shift' | 'training';
  title: string;
  startsAt: Date;
  seatsLeft: number;
  /** The action_id of the Claim / RSVP button, routed by the shifts feature's own listener. */
  actionId: string;
  /** The button's value: which opportunity it claims. */
  value: string;
}

/** How many the digest lists at most; more are a click away in /shifts. */
const LISTED_MAX = 8;

/** Open shifts with seats left, starting in the seven days after `window` (the coming week). */
export async function upcomingOpportunities(db: Kysely<DB>, teamId: string, window: DigestWindow): Promise<Opportunity[]> {
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
