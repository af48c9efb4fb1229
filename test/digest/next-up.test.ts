/** The digest's "Next up": open shifts and trainings of the coming week with seats left, soonest first, each with its own button. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { upcomingOpportunities } from '../../src/digest/next-up.js';
import { windowEndingOn } from '../../src/digest/schedule.js';
import { insertShiftDetails } from '../../src/shifts/queries.js';
import { createOpportunity } from '../../src/signups/queries/opportunities.js';
import { insertTrainingDetails } from '../../src/trainings/queries/trainings.js';
import { UNLIMITED_SEATS } from '../../src/trainings/training-rules.js';
import { openTestDatabase, type TestDatabase } from '../support/test-database.js';

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await openTestDatabase();
});
afterAll(async () => {
  await testDb?.close();
});
beforeEach(async () => {
  await testDb.reset();
});
const db = () => testDb.database.db;
const TEAM = 'T0GROUND';
let seq = 0;

async function opportunity(kind: 'shift' | 'training', startsAt: string, capacity: number) {
  const { opportunity } = await createOpportunity(db(), { teamId: TEAM, kind, startsAt: new Date(startsAt), endsAt: new Date(new Date(startsAt).getTime() + 3_600_000), capacity, minRole: 'volunteer', createdBy: 'U0STAFF', idempotencyKey: `k${++seq}` });
  return opportunity.id;
}

describe('next up', () => {
  it('lists trainings beside open shifts, soonest first, with RSVP for trainings and no count for unlimited seats', async () => {
    const shift = await opportunity('shift', '2026-12-03T18:00:00Z', 10);
    await insertShiftDetails(db(), shift, { title: 'Levy calls', target: null, location: 'Hall', script_url: null, required_skill: null });
    const training = await opportunity('training', '2026-12-02T18:00:00Z', UNLIMITED_SEATS);
    await insertTrainingDetails(db(), training, { title: 'Door knocking 101', format: 'in_person', skill: 'door_knocking', location: 'Hall', description: null, unlimited: true });
    const later = await opportunity('training', '2026-12-20T18:00:00Z', 10);
    await insertTrainingDetails(db(), later, { title: 'Too late', format: 'webinar', skill: 'petition', location: 'https://x.example.org', description: null, unlimited: false });

    const listed = await upcomingOpportunities(db(), TEAM, windowEndingOn('2026-11-30'));
    expect(listed.map((o) => [o.kind, o.title, o.seatsLeft, o.actionId, o.value])).toEqual([
      ['training', 'Door knocking 101', null, 'training_rsvp', String(training)],
      ['shift', 'Levy calls', 10, 'shift_claim', String(shift)],
    ]);
  });
});
