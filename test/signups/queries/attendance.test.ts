/**
 * Attendance on the engine's claims, with walk-ins: a walk-in gets a seat as they are marked (past
 * capacity if need be, the opportunity having started), a stale tick writes nothing (walk-ins
 * included), and a later marking without a walk-in gives the seat back instead of counting a no-show.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { markAttendance } from '../../../src/signups/queries/attendance.js';
import { takeSeat } from '../../../src/signups/queries/claims.js';
import { createOpportunity } from '../../../src/signups/queries/opportunities.js';
import { openTestDatabase, type TestDatabase } from '../../support/test-database.js';
import { snapshotTables } from '../../support/workspace.js';

let testDb: TestDatabase;
const db = () => testDb.database.db;
const TEAM = 'T0GROUND';
const HOUR = 3_600_000;
const booked = new Date('2026-12-01T12:00:00Z');
const during = new Date(booked.getTime() + 49 * HOUR);

beforeAll(async () => {
  testDb = await openTestDatabase();
});
afterAll(async () => {
  await testDb?.close();
});
beforeEach(async () => {
  await testDb.reset();
});

/** A one-seat training starting 48 h after `booked`, Ana seated and Ben waiting. */
async function fullTraining() {
  const { opportunity } = await createOpportunity(db(), {
    teamId: TEAM,
    kind: 'training',
    startsAt: new Date(booked.getTime() + 48 * HOUR),
    endsAt: new Date(booked.getTime() + 50 * HOUR),
    capacity: 1,
    minRole: 'volunteer',
    createdBy: 'U0STAFF',
    idempotencyKey: 'k1',
  });
  await takeSeat(db(), { teamId: TEAM, userId: 'U0ANA', opportunityId: opportunity.id, now: booked, mode: 'seat' });
  await takeSeat(db(), { teamId: TEAM, userId: 'U0BEN', opportunityId: opportunity.id, now: booked, mode: 'seat_or_wait' });
  return opportunity.id;
}

const mark = (opportunityId: number, came: string[], walkIns: string[] = []) => markAttendance(db(), { teamId: TEAM, opportunityId, came, walkIns, markedBy: 'U0STAFF', now: during });
const claims = async () => db().selectFrom('signup_claims').select(['user_id', 'status', 'attended', 'walked_in']).orderBy('user_id').execute();
const seats = async (id: number) => db().selectFrom('signup_opportunities').select(['filled', 'capacity']).where('id', '=', id).executeTakeFirstOrThrow();

describe('walk-ins', () => {
  it('seats a walk-in from the waitlist and one from nowhere, past capacity, and marks them as came', async () => {
    const id = await fullTraining();
    const outcome = await mark(id, ['U0ANA'], ['U0BEN', 'U0CAL']);
    expect(outcome).toMatchObject({ kind: 'marked', came: 3, noShows: 0 });
    expect(await claims()).toEqual([
      { user_id: 'U0ANA', status: 'seated', attended: true, walked_in: false },
      { user_id: 'U0BEN', status: 'seated', attended: true, walked_in: true },
      { user_id: 'U0CAL', status: 'seated', attended: true, walked_in: true },
    ]);
    expect(await seats(id)).toEqual({ filled: 3, capacity: 3 });
  });

  it('writes nothing for a stale tick, the walk-ins included', async () => {
    const id = await fullTraining();
    const before = await snapshotTables(db());
    expect(await mark(id, ['U0ANA', 'U0GONE'], ['U0CAL'])).toEqual({ kind: 'not_seated', userIds: ['U0GONE'] });
    expect(await snapshotTables(db())).toEqual(before);
  });

  it('a later marking without a walk-in gives their seat back; the RSVP left out is a no-show, and both are reported', async () => {
    const id = await fullTraining();
    await mark(id, ['U0ANA'], ['U0CAL']);
    const corrected = await mark(id, []);
    expect(corrected).toEqual({ kind: 'marked', came: 0, noShows: 1, cameUserIds: [], noLongerCameUserIds: ['U0ANA', 'U0CAL'] });
    expect(await claims()).toEqual([
      { user_id: 'U0ANA', status: 'seated', attended: false, walked_in: false },
      { user_id: 'U0BEN', status: 'waiting', attended: null, walked_in: false },
      { user_id: 'U0CAL', status: 'left', attended: null, walked_in: false },
    ]);
    expect(await seats(id)).toEqual({ filled: 1, capacity: 2 });
  });
});
