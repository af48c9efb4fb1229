import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { runJob } from '../../src/jobs/scheduler.js';
import { forgetHeldReportsJob } from '../../src/logging/forget-held-reports-job.js';
import { useJobDeps } from '../support/job-deps.js';

const ctx = useJobDeps();

describe('forget-held-reports', () => {
  it('forgets held reports older than a week and keeps the recent ones', async () => {
    const db = ctx().testDb.database.db;
    const draft = JSON.stringify({ tacticId: 'door_knocking', counts: { doors: 3 }, occurredOn: '2026-11-20', place: null, note: 'a note', story: null, storyConsent: false });
    for (const [key, age] of [['old', '8 days'], ['recent', '6 days']] as const) {
      await sql`insert into held_reports (team_id, user_id, idempotency_key, source, draft, created_at)
        values ('T0GROUND', 'U0A', ${key}, 'command', ${draft}::jsonb, now() - ${age}::interval)`.execute(db);
    }
    expect(await runJob(forgetHeldReportsJob, ctx().deps)).toBe('ran');
    expect((await db.selectFrom('held_reports').select('idempotency_key').execute()).map((r) => r.idempotency_key)).toEqual(['recent']);
  });
});
