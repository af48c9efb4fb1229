/**
 * The signup engine's seat rules on a real database (PGlite by default, PostgreSQL in CI): claims,
 * double clicks, clashes, the waitlist, offers with a deadline, edits and cancellations. The
 * concurrency proofs that need a real server are in concurrency.test.ts.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { confirmOffer, expireOffers, leave, rosterOf, takeSeat } from '../../../src/signups/queries/claims.js';
import { createOpportunity } from '../../../src/signups/queries/opportunities.js';
import { queueOwedSeatMessages } from '../../../src/signups/queries/outbox.js';
import { cancelOpportunity, editOpportunity } from '../../../src/signups/queries/schedule-changes.js';
import { openTestDatabase, type TestDatabase } from '../../support/test-database.js';

let testDb: TestDatabase;
const db = () => testDb.database.db;
const TEAM = 'T0GROUND';
const HOUR = 3_600_000;
const now = new Date('2026-12-01T12:00:00Z');

beforeAll(async () => {
  testDb = await openTestDatabase();
});
afterAll(async () => {
  await testDb?.close();
});
beforeEach(async () => {
  await testDb.reset();
});

let keySeq = 0;
async function opportunity(options: { capacity?: number; startsInHours?: number; hours?: number } = {}) {
  const startsAt = new Date(now.getTime() + (options.startsInHours ?? 48) * HOUR);
  const { opportunity: row } = await createOpportunity(db(), {
    teamId: TEAM,
    kind: 'shift',
    startsAt,
    endsAt: new Date(startsAt.getTime() + (options.hours ?? 2) * HOUR),
    capacity: options.capacity ?? 2,
    minRole: 'volunteer',
    createdBy: 'U0STAFF',
    idempotencyKey: `k${++keySeq}`,
  });
  return row;
}

const claim = (opportunityId: number, userId: string, mode: 'seat' | 'seat_or_wait' = 'seat', at = now) => takeSeat(db(), { teamId: TEAM, userId, opportunityId, now: at, mode });

async function consistency(opportunityId: number) {
  const { rows } = await sql<{ filled: number; holding: number }>`
    select filled, (select count(*)::int from signup_claims where opportunity_id = o.id and status in ('seated', 'offered')) as holding
    from signup_opportunities o where id = ${opportunityId}`.execute(db());
  return rows[0];
}

async function outbox() {
  return db().selectFrom('signup_outbox').select(['kind', 'user_id', 'due_at', 'status']).orderBy('id').execute();
}

/** What a drain at `at` writes first: the reminders and report-back asks seats owe by then (shifts send both). */
const deriveAt = (at: Date) => queueOwedSeatMessages(db(), { now: at, reminderKinds: ['shift'], reportBackKinds: ['shift'] });

describe('takeSeat', () => {
  it('seats people until the shift is full, then offers the waitlist; a double click is one claim', async () => {
    const shift = await opportunity({ capacity: 2 });
    expect((await claim(shift.id, 'U1')).kind).toBe('seated');
    expect(await claim(shift.id, 'U1')).toMatchObject({ kind: 'already', status: 'seated' });
    expect((await claim(shift.id, 'U2')).kind).toBe('seated');
    expect(await claim(shift.id, 'U3')).toEqual({ kind: 'full', waiting: 0 });
    expect(await claim(shift.id, 'U3', 'seat_or_wait')).toMatchObject({ kind: 'waiting', position: 1 });
    expect(await claim(shift.id, 'U4', 'seat_or_wait')).toMatchObject({ kind: 'waiting', position: 2 });
    expect(await claim(shift.id, 'U4', 'seat_or_wait')).toMatchObject({ kind: 'already', status: 'waiting', position: 2 });
    expect(await consistency(shift.id)).toEqual({ filled: 2, holding: 2 });
  });

  it('writes no DM for a seat when it is taken; its 24 h and 1 h reminders and report-back ask are derived as each comes due, once', async () => {
    const shift = await opportunity({ startsInHours: 30 });
    await claim(shift.id, 'U1');
    expect(await outbox()).toEqual([]);
    expect(await db().selectFrom('signup_claims').select('reminders_from').executeTakeFirstOrThrow()).toEqual({ reminders_from: now });
    const start = shift.starts_at.getTime();
    expect(await deriveAt(new Date(start - 24 * HOUR - 1))).toBe(0);
    expect(await outbox()).toEqual([]);
    for (const at of [start - 24 * HOUR, start - 24 * HOUR + 60_000, start - HOUR, start - 1, shift.ends_at.getTime(), shift.ends_at.getTime() + 60_000]) await deriveAt(new Date(at));
    expect(await outbox()).toEqual([
      { kind: 'reminder', user_id: 'U1', due_at: new Date(start - 24 * HOUR), status: 'pending' },
      { kind: 'reminder', user_id: 'U1', due_at: new Date(start - HOUR), status: 'pending' },
      { kind: 'report_back', user_id: 'U1', due_at: shift.ends_at, status: 'pending' },
    ]);
  });

  it('owes a seat taken 30 minutes before the start no reminder, and still the report-back ask', async () => {
    const shift = await opportunity({ startsInHours: 2 });
    const start = shift.starts_at.getTime();
    await claim(shift.id, 'U1', 'seat', new Date(start - 30 * 60_000));
    for (const at of [start - 20 * 60_000, start - 1, shift.ends_at.getTime()]) await deriveAt(new Date(at));
    expect((await outbox()).map((row) => row.kind)).toEqual(['report_back']);
  });

  it('derives nothing after the start, nor a week after the end', async () => {
    const shift = await opportunity({ startsInHours: 30 });
    await claim(shift.id, 'U1');
    await deriveAt(shift.starts_at);
    await deriveAt(new Date(shift.ends_at.getTime() + 7 * 24 * HOUR));
    expect(await outbox()).toEqual([]);
  });

  it('refuses a seat on an overlapping shift, naming it, but not a back-to-back one', async () => {
    const first = await opportunity({ startsInHours: 48, hours: 2 });
    const overlapping = await opportunity({ startsInHours: 49, hours: 2 });
    const after = await opportunity({ startsInHours: 50, hours: 2 });
    await claim(first.id, 'U1');
    expect(await claim(overlapping.id, 'U1')).toMatchObject({ kind: 'clash', clash: { opportunityId: first.id } });
    expect((await claim(after.id, 'U1')).kind).toBe('seated');
    expect(await consistency(overlapping.id)).toEqual({ filled: 0, holding: 0 });
  });

  it('refuses claims once the shift started, on a cancelled shift and on one that does not exist', async () => {
    const shift = await opportunity({ startsInHours: 1 });
    expect((await claim(shift.id, 'U1', 'seat', new Date(now.getTime() + HOUR))).kind).toBe('started');
    await cancelOpportunity(db(), { teamId: TEAM, opportunityId: shift.id, now });
    expect((await claim(shift.id, 'U1')).kind).toBe('cancelled');
    expect((await claim(999_999, 'U1')).kind).toBe('not_found');
  });

  it("answers another team's shift as not found, taking no seat", async () => {
    const shift = await opportunity();
    expect((await takeSeat(db(), { teamId: 'T0OTHER', userId: 'U1', opportunityId: shift.id, now, mode: 'seat_or_wait' })).kind).toBe('not_found');
    expect(await consistency(shift.id)).toEqual({ filled: 0, holding: 0 });
  });

  it('keeps the previous release claiming during a rolling upgrade: its six-argument call takes a seat this one sees', async () => {
    const shift = await opportunity({ capacity: 2 });
    // Exactly as the previous release's takeSeat called it (migration 0014's function, left in place by 0018).
    const { rows } = await sql<{ claimed_id: string | null }>`
      select claimed_id from signup_take_seat(${TEAM}, 'U0OLD', ${shift.id}, ${now.toISOString()}::timestamptz, ${['24h', '1h']}::text[], ${[86_400_000, 3_600_000]}::bigint[])`.execute(db());
    expect(rows[0]?.claimed_id).not.toBeNull();
    expect(await claim(shift.id, 'U0OLD')).toMatchObject({ kind: 'already', status: 'seated', claimId: Number(rows[0]?.claimed_id) });
    expect((await claim(shift.id, 'U0NEW')).kind).toBe('seated');
    expect((await claim(shift.id, 'U0LATE')).kind).toBe('full');
    expect(await consistency(shift.id)).toEqual({ filled: 2, holding: 2 });
  });
});

describe('leaving and the waitlist', () => {
  it('offers a freed seat to the first person waiting, with a deadline of two hours', async () => {
    const shift = await opportunity({ capacity: 1, startsInHours: 48 });
    await claim(shift.id, 'U1');
    await claim(shift.id, 'U2', 'seat_or_wait');
    await claim(shift.id, 'U3', 'seat_or_wait');
    const left = await leave(db(), { teamId: TEAM, userId: 'U1', opportunityId: shift.id, now });
    expect(left).toMatchObject({ kind: 'left', previous: 'seated', offers: [{ userId: 'U2', expiresAt: new Date(now.getTime() + 2 * HOUR) }] });
    expect(await consistency(shift.id)).toEqual({ filled: 1, holding: 1 });
    // Somebody new finds the seat held; the person it is offered to, claiming again, is told so and takes no second seat.
    expect((await claim(shift.id, 'U9')).kind).toBe('full');
    expect(await claim(shift.id, 'U2')).toMatchObject({ kind: 'already', status: 'offered', offerExpiresAt: new Date(now.getTime() + 2 * HOUR) });
    expect(await consistency(shift.id)).toEqual({ filled: 1, holding: 1 });
    const offer = left.kind === 'left' ? left.offers[0]! : undefined;
    expect(await confirmOffer(db(), { teamId: TEAM, userId: 'U2', claimId: offer!.claimId, now })).toMatchObject({ kind: 'confirmed' });
    const roster = await rosterOf(db(), shift.id);
    expect(roster.seated.map((c) => c.user_id)).toEqual(['U2']);
    expect(roster.waiting.map((c) => c.user_id)).toEqual(['U3']);
  });

  it('holds an offer only until one hour before the start when that is sooner', async () => {
    const shift = await opportunity({ capacity: 1, startsInHours: 2 });
    await claim(shift.id, 'U1');
    await claim(shift.id, 'U2', 'seat_or_wait');
    const left = await leave(db(), { teamId: TEAM, userId: 'U1', opportunityId: shift.id, now });
    expect(left).toMatchObject({ offers: [{ userId: 'U2', expiresAt: new Date(now.getTime() + HOUR) }] });
  });

  it('passes a missed offer to the next person, and opens the seat to all when nobody is left', async () => {
    const shift = await opportunity({ capacity: 1, startsInHours: 48 });
    await claim(shift.id, 'U1');
    await claim(shift.id, 'U2', 'seat_or_wait');
    await claim(shift.id, 'U3', 'seat_or_wait');
    await leave(db(), { teamId: TEAM, userId: 'U1', opportunityId: shift.id, now });
    const late = new Date(now.getTime() + 2 * HOUR);
    expect(await expireOffers(db(), late)).toMatchObject([{ userId: 'U2', offers: [{ userId: 'U3' }] }]);
    const missed = await db().selectFrom('signup_claims').select('id').where('user_id', '=', 'U2').executeTakeFirstOrThrow();
    expect((await confirmOffer(db(), { teamId: TEAM, userId: 'U2', claimId: missed.id, now: late })).kind).toBe('not_offered');
    expect(await expireOffers(db(), new Date(late.getTime() + 2 * HOUR))).toMatchObject([{ userId: 'U3', offers: [] }]);
    expect(await consistency(shift.id)).toEqual({ filled: 0, holding: 0 });
    expect((await claim(shift.id, 'U9', 'seat', new Date(late.getTime() + 2 * HOUR))).kind).toBe('seated');
  });

  it('refuses to leave after the start and says when there was nothing to leave', async () => {
    const shift = await opportunity({ startsInHours: 1 });
    await claim(shift.id, 'U1');
    expect((await leave(db(), { teamId: TEAM, userId: 'U2', opportunityId: shift.id, now })).kind).toBe('not_holding');
    expect((await leave(db(), { teamId: TEAM, userId: 'U1', opportunityId: shift.id, now: new Date(now.getTime() + HOUR) })).kind).toBe('started');
  });

  it('lets a person come back after leaving, owed the reminders still ahead when they came back', async () => {
    const shift = await opportunity({ startsInHours: 48 });
    const start = shift.starts_at.getTime();
    await claim(shift.id, 'U1');
    await leave(db(), { teamId: TEAM, userId: 'U1', opportunityId: shift.id, now });
    // Away when the 24 h reminder came due: not written for them.
    await deriveAt(new Date(start - 24 * HOUR));
    expect(await outbox()).toEqual([]);
    expect((await claim(shift.id, 'U1', 'seat', new Date(start - 20 * HOUR))).kind).toBe('seated');
    for (const at of [start - 20 * HOUR, start - HOUR, start - 1]) await deriveAt(new Date(at));
    expect(await outbox()).toEqual([{ kind: 'reminder', user_id: 'U1', due_at: new Date(start - HOUR), status: 'pending' }]);
  });

  it('owes a seat confirmed from the waitlist the reminders still ahead at the confirmation', async () => {
    const shift = await opportunity({ capacity: 1, startsInHours: 48 });
    const start = shift.starts_at.getTime();
    await claim(shift.id, 'U1');
    await claim(shift.id, 'U2', 'seat_or_wait');
    const leftAt = new Date(start - 25 * HOUR);
    const left = await leave(db(), { teamId: TEAM, userId: 'U1', opportunityId: shift.id, now: leftAt });
    const offer = left.kind === 'left' ? left.offers[0]! : undefined;
    // Offered, not yet seated, when the 24 h reminder came due: an offer is not a seat.
    await deriveAt(new Date(start - 24 * HOUR));
    expect(await outbox()).toEqual([{ kind: 'offer', user_id: 'U2', due_at: leftAt, status: 'pending' }]);
    expect((await confirmOffer(db(), { teamId: TEAM, userId: 'U2', claimId: offer!.claimId, now: new Date(start - 24 * HOUR + 60_000) })).kind).toBe('confirmed');
    await deriveAt(new Date(start - HOUR));
    expect((await outbox()).filter((row) => row.kind === 'reminder')).toEqual([{ kind: 'reminder', user_id: 'U2', due_at: new Date(start - HOUR), status: 'pending' }]);
  });
});

describe('edits and cancellations', () => {
  it('refuses to shrink seats below the claims, naming the count; offers new seats to people waiting', async () => {
    const shift = await opportunity({ capacity: 2 });
    await claim(shift.id, 'U1');
    await claim(shift.id, 'U2');
    await claim(shift.id, 'U3', 'seat_or_wait');
    const change = { startsAt: shift.starts_at, endsAt: shift.ends_at, minRole: 'volunteer' as const };
    const refused = await editOpportunity(db(), { teamId: TEAM, opportunityId: shift.id, change: { ...change, capacity: 1 }, now, alsoWrite: async () => {} });
    expect(refused).toMatchObject({ kind: 'too_few_seats' });
    expect(refused.kind === 'too_few_seats' && refused.problem).toContain("2 people hold seats already, so seats can't go below 2");
    const grown = await editOpportunity(db(), { teamId: TEAM, opportunityId: shift.id, change: { ...change, capacity: 3 }, now, alsoWrite: async () => {} });
    expect(grown).toMatchObject({ kind: 'edited', offers: [{ userId: 'U3' }] });
    expect(grown.kind === 'edited' && [...grown.notified].sort()).toEqual(['U1', 'U2', 'U3']);
    expect(await consistency(shift.id)).toEqual({ filled: 3, holding: 3 });
    const notices = (await outbox()).filter((row) => row.kind === 'changed' || row.kind === 'offer');
    expect(notices.map((row) => `${row.kind} ${row.user_id}`).sort()).toEqual(['changed U1', 'changed U2', 'changed U3', 'offer U3']);
  });

  it('tells everyone taking part once when cancelled, drops the reminder pending, and derives none after', async () => {
    const shift = await opportunity({ capacity: 1 });
    const start = shift.starts_at.getTime();
    await claim(shift.id, 'U1');
    await claim(shift.id, 'U2', 'seat_or_wait');
    await deriveAt(new Date(start - 24 * HOUR));
    const at = new Date(start - 24 * HOUR + 60_000);
    const cancelled = await cancelOpportunity(db(), { teamId: TEAM, opportunityId: shift.id, now: at });
    expect(cancelled.kind).toBe('cancelled');
    expect(cancelled.kind === 'cancelled' && [...cancelled.notified].sort()).toEqual(['U1', 'U2']);
    expect((await cancelOpportunity(db(), { teamId: TEAM, opportunityId: shift.id, now: at })).kind).toBe('already_cancelled');
    for (const later of [start - HOUR, shift.ends_at.getTime()]) await deriveAt(new Date(later));
    const rows = await outbox();
    expect(rows.filter((row) => row.kind === 'cancelled').map((row) => row.user_id)).toEqual(['U1', 'U2']);
    expect(rows.filter((row) => row.kind !== 'cancelled')).toEqual([{ kind: 'reminder', user_id: 'U1', due_at: new Date(start - 24 * HOUR), status: 'dropped' }]);
  });

  it('an edit that moves the start owes the reminders of the new start still ahead at the edit, and none late', async () => {
    const shift = await opportunity({ startsInHours: 48 });
    await claim(shift.id, 'U1');
    // Claimed 30 h before the edit, so the new start's 24 h moment falls after the claim but before the edit.
    const editedAt = new Date(now.getTime() + 30 * HOUR);
    // To 90 minutes after the edit: the new start's 24 h reminder was due before it; its 1 h one is still ahead.
    const newStart = new Date(editedAt.getTime() + 90 * 60_000);
    const change = { startsAt: newStart, endsAt: new Date(newStart.getTime() + 2 * HOUR), capacity: 2, minRole: 'volunteer' as const };
    expect((await editOpportunity(db(), { teamId: TEAM, opportunityId: shift.id, change, now: editedAt, alsoWrite: async () => {} })).kind).toBe('edited');
    for (const at of [editedAt, new Date(newStart.getTime() - HOUR), new Date(newStart.getTime() - 1)]) await deriveAt(at);
    expect((await outbox()).filter((row) => row.kind === 'reminder')).toEqual([{ kind: 'reminder', user_id: 'U1', due_at: new Date(newStart.getTime() - HOUR), status: 'pending' }]);
  });
});
