/**
 * The digest job against the fake Slack Web API and the test database: posted at the team's time,
 * once, with its chart uploaded into the same channel; without the chart when the upload fails;
 * caught up once after a late start; skipped (and logged) when more than a day late.
 */
import { describe, expect, it } from 'vitest';
import { DIGEST_POST_JOB, digestJob, postDueDigests } from '../../src/digest/digest-job.js';
import { jobWebClient } from '../../src/jobs/job-client.js';
import { startScheduler } from '../../src/jobs/scheduler.js';
import { A_WEEK, DIGEST_CHANNEL, DIGEST_MOMENT, digestSettings, seedActions } from '../support/digest-week.js';
import { useJobDeps } from '../support/job-deps.js';

const ctx = useJobDeps();
const minutesAfter = (minutes: number) => new Date(DIGEST_MOMENT.getTime() + minutes * 60_000);

describe('the digest job', () => {
  it('posts the week at the team’s day and time, once, with the chart uploaded into the same channel', async () => {
    const { deps, slack, testDb } = ctx();
    await digestSettings(testDb.database.db);
    await seedActions(testDb.database.db, A_WEEK);

    await postDueDigests(deps, minutesAfter(-1));
    expect(slack.callsTo('chat.postMessage')).toHaveLength(0);

    await postDueDigests(deps, DIGEST_MOMENT);
    await postDueDigests(deps, minutesAfter(5));
    const posts = slack.callsTo('chat.postMessage');
    expect(posts).toHaveLength(1);
    expect(posts[0]?.args.channel).toBe(DIGEST_CHANNEL);
    const text = String(posts[0]?.args.text);
    expect(text).toContain('Weekly digest · Mon 23 Nov – Sun 29 Nov');
    expect(text).toContain('*4 actions by 3 people*: 2 offline (↑ from 1), 2 online (↑ from 0)');
    // Quoted text is plain: the story's <!channel> cannot ping the channel.
    expect(text).toContain('&lt;!channel&gt;');
    expect(text).not.toContain('<!channel>');
    expect(JSON.parse(String(posts[0]?.args.blocks)).length).toBeLessThanOrEqual(50);

    expect(slack.callsTo('upload')).toEqual([expect.objectContaining({ args: expect.objectContaining({ filename: 'digest-2026-11-29.png', png: true }) })]);
    expect(slack.callsTo('files.completeUploadExternal')[0]?.args.channel_id).toBe(DIGEST_CHANNEL);

    const run = await testDb.database.db.selectFrom('job_runs').select(['period', 'result', 'finished_at']).where('job', '=', DIGEST_POST_JOB).execute();
    expect(run).toEqual([
      { period: 'T0GROUND:2026-11-22', result: { skipped: 'more than a day late' }, finished_at: expect.any(Date) },
      { period: 'T0GROUND:2026-11-29', result: { channel: DIGEST_CHANNEL, ts: expect.any(String), chart: 'uploaded' }, finished_at: expect.any(Date) },
    ]);
  });

  it('skips a digest more than a day late, and says so once in the log', async () => {
    const { deps, slack, testDb, logs } = ctx();
    await digestSettings(testDb.database.db);
    await seedActions(testDb.database.db, A_WEEK);
    await postDueDigests(deps, minutesAfter(24 * 60 + 1));
    await postDueDigests(deps, minutesAfter(24 * 60 + 6));
    expect(slack.callsTo('chat.postMessage')).toHaveLength(0);
    expect(logs.filter((line) => line.includes('Skipped the digest of team T0GROUND for 2026-11-23..2026-11-29'))).toHaveLength(1);
  });

  it('still posts the digest when the chart upload fails', async () => {
    const { deps, slack, testDb, logs } = ctx();
    await digestSettings(testDb.database.db);
    await seedActions(testDb.database.db, A_WEEK);
    slack.on('files.getUploadURLExternal', () => ({ ok: false, error: 'not_allowed_token_type' }));
    await postDueDigests(deps, DIGEST_MOMENT);
    await postDueDigests(deps, minutesAfter(5));
    expect(slack.callsTo('chat.postMessage')).toHaveLength(1);
    expect(slack.callsTo('files.completeUploadExternal')).toHaveLength(0);
    expect(logs.some((line) => line.includes('was posted without its chart'))).toBe(true);
  });

  it('says kindly that the week was quiet, without zeros or a chart', async () => {
    const { deps, slack, testDb } = ctx();
    await digestSettings(testDb.database.db);
    await postDueDigests(deps, DIGEST_MOMENT);
    const text = String(slack.callsTo('chat.postMessage')[0]?.args.text);
    expect(text).toContain('A quiet week');
    expect(text).not.toMatch(/\b0 actions\b/);
    expect(slack.callsTo('files.getUploadURLExternal')).toHaveLength(0);
  });

  it('posts nothing for a team without a digest channel', async () => {
    const { deps, slack, testDb } = ctx();
    await digestSettings(testDb.database.db, { channel: null });
    await seedActions(testDb.database.db, A_WEEK);
    await postDueDigests(deps, DIGEST_MOMENT);
    expect(slack.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('catches up a digest missed while no instance ran, once, when an instance starts', async () => {
    const { deps, slack, testDb } = ctx();
    await digestSettings(testDb.database.db);
    await seedActions(testDb.database.db, A_WEEK);
    for (const startedAt of [minutesAfter(120), minutesAfter(180)]) {
      const scheduler = startScheduler([digestJob], deps, { now: () => startedAt });
      await scheduler.stop();
    }
    expect(slack.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('waits out a short rate limit, and gives up at once on a long one instead of holding the scheduler', async () => {
    const { deps, slack, testDb } = ctx();
    await digestSettings(testDb.database.db);
    await seedActions(testDb.database.db, A_WEEK);
    const client = jobWebClient({ token: 'xoxb-test', slackApiUrl: slack.apiUrl });
    let limited = 0;
    slack.on('chat.postMessage', (args) => (++limited === 1 ? { ok: false, error: 'ratelimited', httpStatus: 429, httpHeaders: { 'retry-after': '0' } } : { ok: true, channel: args.channel, ts: '1.000200' }));
    await postDueDigests({ ...deps, client }, DIGEST_MOMENT);
    expect(slack.callsTo('chat.postMessage')).toHaveLength(2);

    await testDb.reset();
    slack.reset();
    await digestSettings(testDb.database.db);
    slack.on('chat.postMessage', () => ({ ok: false, error: 'ratelimited', httpStatus: 429, httpHeaders: { 'retry-after': '1800' } }));
    const started = Date.now();
    await postDueDigests({ ...deps, client }, DIGEST_MOMENT);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(slack.callsTo('chat.postMessage')).toHaveLength(1);
    // The claim was given back: the next tick tries again.
    expect(await testDb.database.db.selectFrom('job_runs').select('period').where('job', '=', DIGEST_POST_JOB).execute()).toEqual([]);
  });
});

describe('next up in the digest', () => {
  async function addShift(db: ReturnType<typeof ctx>['testDb']['database']['db'], title: string, startsAt: string, seats: { capacity: number; filled: number }, minRole: 'volunteer' | 'leader' = 'volunteer') {
    const { id } = await db
      .insertInto('signup_opportunities')
      .values({
        team_id: 'T0GROUND',
        kind: 'shift',
        starts_at: new Date(startsAt),
        ends_at: new Date(new Date(startsAt).getTime() + 2 * 3_600_000),
        capacity: seats.capacity,
        filled: seats.filled,
        min_role: minRole,
        created_by: 'U0STAFF',
        idempotency_key: `seed:${title}`,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.insertInto('shifts').values({ opportunity_id: id, title, target: null, location: 'Zoom', script_url: null }).execute();
    return id;
  }

  it('lists the coming week’s shifts that still have seats, each with the Claim button the shifts feature handles', async () => {
    const { deps, slack, testDb } = ctx();
    const db = testDb.database.db;
    await digestSettings(db);
    await seedActions(db, A_WEEK);
    const open = await addShift(db, 'Call for the rent freeze', '2026-12-02T23:00:00Z', { capacity: 10, filled: 3 });
    await addShift(db, 'Already full', '2026-12-03T23:00:00Z', { capacity: 2, filled: 2 });
    await addShift(db, 'Leaders only', '2026-12-03T23:00:00Z', { capacity: 5, filled: 0 }, 'leader');
    await addShift(db, 'Too far ahead', '2026-12-20T23:00:00Z', { capacity: 5, filled: 0 });

    await postDueDigests(deps, DIGEST_MOMENT);
    const [post] = slack.callsTo('chat.postMessage');
    const text = String(post?.args.text);
    expect(text).toContain('Call for the rent freeze');
    for (const hidden of ['Already full', 'Leaders only', 'Too far ahead']) expect(text).not.toContain(hidden);
    const buttons = (JSON.parse(String(post?.args.blocks)) as any[]).flatMap((block) => [...(block.elements ?? []), ...(block.accessory ? [block.accessory] : [])]);
    expect(buttons.filter((button) => button.action_id === 'shift_claim').map((button) => button.value)).toEqual([String(open)]);
  });
});
