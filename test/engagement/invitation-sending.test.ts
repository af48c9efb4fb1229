/**
 * The invitation sender (what the invitations job and the send request run): stopped half way and
 * resumed, run by two instances at once, refused by Slack mid-batch — and nobody ever gets a second DM.
 */
import { describe, expect, it } from 'vitest';
import { createInvitation } from '../../src/engagement/queries/invitations.js';
import { drainInvitations } from '../../src/engagement/send-invitations.js';
import { FAKE_TEAM_ID } from '../support/fake-slack.js';
import { useJobDeps } from '../support/job-deps.js';

const context = useJobDeps();
const db = () => context().testDb.database.db;
const PEOPLE = ['U01', 'U02', 'U03', 'U04', 'U05'];
const NOW = new Date('2026-11-30T15:00:00Z');

async function invitePeople(people = PEOPLE): Promise<number> {
  const opportunity = await db()
    .insertInto('signup_opportunities')
    .values({ team_id: FAKE_TEAM_ID, kind: 'shift', starts_at: new Date(NOW.getTime() + 86_400_000), ends_at: new Date(NOW.getTime() + 90_000_000), capacity: 10, min_role: 'volunteer', created_by: 'U0STAFF', idempotency_key: 'shift-1' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db().insertInto('shifts').values({ opportunity_id: opportunity.id, title: 'Canvass', target: null, location: 'Hall', script_url: null }).execute();
  const { id } = await createInvitation(db(), { teamId: FAKE_TEAM_ID, opportunityId: Number(opportunity.id), segment: 'online_ready', createdBy: 'U0STAFF', idempotencyKey: 'V1', recipients: people });
  return id;
}

const drain = (clock = () => NOW, limit = 50) => drainInvitations(context().deps, { clock, paceMs: 0, limit });
const dmCounts = () => {
  const counts: Record<string, number> = {};
  for (const call of context().slack.callsTo('chat.postMessage')) counts[String(call.args.channel)] = (counts[String(call.args.channel)] ?? 0) + 1;
  return counts;
};
const statuses = async () => Object.fromEntries((await db().selectFrom('invitation_recipients').select(['user_id', 'status']).execute()).map((r) => [r.user_id, r.status]));

describe('sending a batch invitation', () => {
  it('stopped after two (a limit, a deploy) and resumed: the rest are sent, nobody twice', async () => {
    await invitePeople();
    expect(await drain(() => NOW, 2)).toEqual({ sent: 2, skipped: 0, failed: 0, uncertain: 0, deferred: 0 });
    expect(dmCounts()).toEqual({ U01: 1, U02: 1 });
    expect(await drain()).toEqual({ sent: 3, skipped: 0, failed: 0, uncertain: 0, deferred: 0 });
    expect(await drain()).toEqual({ sent: 0, skipped: 0, failed: 0, uncertain: 0, deferred: 0 });
    expect(dmCounts()).toEqual({ U01: 1, U02: 1, U03: 1, U04: 1, U05: 1 });
  });

  it('a sender that dies mid-send: that one DM is never sent again (it may have gone out), the rest are', async () => {
    await invitePeople();
    const held = context().slack.hold('chat.postMessage');
    // The first sender's call to Slack for U01 hangs, as if its process froze there.
    const dying = drain(() => NOW);
    await held.arrived;
    // Ten minutes later another instance's job finds the lease run out with no ts.
    const later = new Date(NOW.getTime() + 10 * 60_000);
    expect(await drain(() => later)).toEqual({ sent: 4, skipped: 0, failed: 0, uncertain: 1, deferred: 0 });
    expect(await statuses()).toEqual({ U01: 'uncertain', U02: 'sent', U03: 'sent', U04: 'sent', U05: 'sent' });
    expect(await drain(() => later)).toEqual({ sent: 0, skipped: 0, failed: 0, uncertain: 0, deferred: 0 });
    // The frozen call was delivered after all; its ts is recorded, and still nobody has two.
    held.release();
    await dying;
    expect(dmCounts()).toEqual({ U01: 1, U02: 1, U03: 1, U04: 1, U05: 1 });
    expect((await statuses()).U01).toBe('sent');
  });

  it('two instances draining at once never claim the same person', async () => {
    await invitePeople();
    const held = context().slack.hold('chat.postMessage');
    const first = drain();
    await held.arrived;
    const second = await drain();
    held.release();
    const firstReport = await first;
    expect(firstReport.sent + second.sent).toBe(5);
    expect(dmCounts()).toEqual({ U01: 1, U02: 1, U03: 1, U04: 1, U05: 1 });
  });

  it('Slack refusing one DM mid-batch marks that one failed and carries on; resuming sends nothing again', async () => {
    await invitePeople();
    const slack = context().slack;
    let seq = 0;
    slack.on('chat.postMessage', (args) => (args.channel === 'U03' ? { ok: false, error: 'user_not_found' } : { ok: true, channel: args.channel, ts: `1.${++seq}` }));
    expect(await drain()).toEqual({ sent: 4, skipped: 0, failed: 1, uncertain: 0, deferred: 0 });
    expect(await drain()).toEqual({ sent: 0, skipped: 0, failed: 0, uncertain: 0, deferred: 0 });
    expect(dmCounts()).toEqual({ U01: 1, U02: 1, U03: 1, U04: 1, U05: 1 });
    expect((await statuses()).U03).toBe('failed');
  });

  it('Slack rate limiting mid-batch: the drain stops, that person and the rest stay owed, and the next drain sends each once', async () => {
    await invitePeople();
    const slack = context().slack;
    let limited = 0;
    let seq = 0;
    slack.on('chat.postMessage', (args) =>
      args.channel === 'U03' && ++limited === 1 ? { ok: false, error: 'ratelimited', httpStatus: 429, httpHeaders: { 'retry-after': '30' } } : { ok: true, channel: args.channel, ts: `1.${++seq}` },
    );
    expect(await drain()).toEqual({ sent: 2, skipped: 0, failed: 0, uncertain: 0, deferred: 1 });
    expect(await statuses()).toEqual({ U01: 'sent', U02: 'sent', U03: 'pending', U04: 'pending', U05: 'pending' });
    expect(context().logs.some((line) => line.includes('Slack is rate limiting DMs (retry after 30 s)'))).toBe(true);
    // A minute later (the job's next run), nothing of it is in doubt.
    expect(await drain(() => new Date(NOW.getTime() + 60_000))).toEqual({ sent: 3, skipped: 0, failed: 0, uncertain: 0, deferred: 0 });
    // Calls to Slack: U03's twice, the first refused with the 429 (nothing sent), the second delivered.
    expect(dmCounts()).toEqual({ U01: 1, U02: 1, U03: 2, U04: 1, U05: 1 });
    const rows = await db().selectFrom('invitation_recipients').select(['status', 'message_ts']).execute();
    expect(rows.map((row) => row.status)).toEqual(['sent', 'sent', 'sent', 'sent', 'sent']);
    expect(new Set(rows.map((row) => row.message_ts)).size).toBe(5);
  });

  it('skips someone who opted out after the invitation was queued', async () => {
    await invitePeople(['U01', 'U02']);
    await db().insertInto('invitation_opt_outs').values({ team_id: FAKE_TEAM_ID, user_id: 'U02' }).execute();
    expect(await drain()).toEqual({ sent: 1, skipped: 1, failed: 0, uncertain: 0, deferred: 0 });
    expect(dmCounts()).toEqual({ U01: 1 });
  });
});
