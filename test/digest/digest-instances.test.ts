/**
 * Several instances on one PostgreSQL: the digest is posted exactly once, also when an instance
 * stops half way (after posting, before finishing its claim) and another takes the run over.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/database.js';
import { DIGEST_LEASE_MS, DIGEST_POST_JOB, digestJob, postDueDigests } from '../../src/digest/digest-job.js';
import { jobWebClient } from '../../src/jobs/job-client.js';
import { runJob, startScheduler, type JobDeps } from '../../src/jobs/scheduler.js';
import { A_WEEK, DIGEST_MOMENT, digestSettings, seedActions } from '../support/digest-week.js';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.js';
import { capturingLogger } from '../support/harness.js';
import { openTestDatabase, type TestDatabase } from '../support/test-database.js';

const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
const minutesAfter = (minutes: number) => new Date(DIGEST_MOMENT.getTime() + minutes * 60_000);

describe.skipIf(!onPostgres)('the digest with three instances on one PostgreSQL', () => {
  let shared: TestDatabase;
  let slack: FakeSlack;
  const pools: Database[] = [];
  const instances: JobDeps[] = [];

  beforeAll(async () => {
    shared = await openTestDatabase();
    slack = await startFakeSlack();
    for (let i = 0; i < 3; i += 1) {
      const database = await openDatabase({ databaseUrl: shared.url, dataDir: '', poolSize: 4 });
      pools.push(database);
      instances.push({ db: database.db, client: jobWebClient({ token: 'xoxb-test', slackApiUrl: slack.apiUrl }), logger: capturingLogger([]) });
    }
  });
  afterAll(async () => {
    await Promise.all(pools.map((pool) => pool.close()));
    await shared?.close();
    await slack?.close();
  });
  beforeEach(async () => {
    await shared.reset();
    slack.reset();
    await digestSettings(shared.database.db);
    await seedActions(shared.database.db, A_WEEK);
  });

  it('posts once when all three fire at once, in the same tick and in different ones', async () => {
    // Different ticks get past the tick's own claim, so the team's claim is what keeps it to one post.
    const moments = [DIGEST_MOMENT, DIGEST_MOMENT, minutesAfter(5), minutesAfter(6), DIGEST_MOMENT, minutesAfter(5)];
    await Promise.all(moments.map((now, i) => runJob(digestJob, instances[i % 3]!, now)));
    expect(slack.callsTo('chat.postMessage')).toHaveLength(1);
    expect(slack.callsTo('files.completeUploadExternal')).toHaveLength(1);
  });

  it('catches up once when all three start after the scheduled time', async () => {
    const schedulers = instances.map((deps) => startScheduler([digestJob], deps, { now: () => minutesAfter(90) }));
    await Promise.all(schedulers.map((scheduler) => scheduler.stop()));
    expect(slack.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('lets another instance finish the run of one that stopped after posting, without posting twice', async () => {
    // The first instance posts, records it, then stops for good while uploading the chart.
    let stopFirst: () => void = () => {};
    let uploads = 0;
    slack.on('files.getUploadURLExternal', async (args) => {
      uploads += 1;
      if (uploads === 1) {
        await new Promise<void>((resolve) => (stopFirst = resolve));
        return { ok: false, error: 'instance_stopped' };
      }
      return { ok: true, upload_url: `${slack.apiUrl.replace('/api/', '')}/upload/F2?filename=${String(args.filename)}`, file_id: 'F2' };
    });
    const first = postDueDigests(instances[0]!, DIGEST_MOMENT);
    await slack.waitFor('files.getUploadURLExternal');
    expect(slack.callsTo('chat.postMessage')).toHaveLength(1);

    // Before the lease passes nobody else touches it; after it, the second instance takes over.
    await postDueDigests(instances[1]!, minutesAfter(5));
    expect(uploads).toBe(1);
    await postDueDigests(instances[1]!, new Date(DIGEST_MOMENT.getTime() + DIGEST_LEASE_MS + 60_000));
    expect(slack.callsTo('chat.postMessage')).toHaveLength(1);
    expect(slack.callsTo('files.completeUploadExternal')).toHaveLength(1);
    const runs = await shared.database.db.selectFrom('job_runs').select(['result', 'finished_at']).where('job', '=', DIGEST_POST_JOB).where('period', '=', 'T0GROUND:2026-11-29').execute();
    expect(runs).toEqual([{ result: expect.objectContaining({ chart: 'uploaded' }), finished_at: expect.any(Date) }]);

    // The stopped instance comes back to life: its claim is gone, so it changes nothing.
    stopFirst();
    await first;
    expect(slack.callsTo('chat.postMessage')).toHaveLength(1);
    expect((await shared.database.db.selectFrom('job_runs').select('result').where('period', '=', 'T0GROUND:2026-11-29').executeTakeFirst())?.result).toMatchObject({ chart: 'uploaded' });
  });
});
