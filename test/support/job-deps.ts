/**
 * What a scheduled job runs with, for tests that call jobs directly: the file's own database copy,
 * a fake Slack Web API behind the same WebClient jobs get in production (jobWebClient: no retries of
 * its own, a 429 rejected at once), and a logger whose lines the test can read.
 * Each test starts with empty tables, a fresh fake Slack and no log lines.
 */
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { jobWebClient } from '../../src/jobs/job-client.js';
import type { JobDeps } from '../../src/jobs/scheduler.js';
import { startFakeSlack, type FakeSlack } from './fake-slack.js';
import { capturingLogger } from './harness.js';
import { openTestDatabase, type TestDatabase } from './test-database.js';

export interface JobTestContext {
  testDb: TestDatabase;
  slack: FakeSlack;
  deps: JobDeps;
  logs: string[];
}

export function useJobDeps(): () => JobTestContext {
  let context: JobTestContext | undefined;
  beforeAll(async () => {
    const [testDb, slack] = await Promise.all([openTestDatabase(), startFakeSlack()]);
    const logs: string[] = [];
    const client = jobWebClient({ token: 'xoxb-test', slackApiUrl: slack.apiUrl });
    context = { testDb, slack, logs, deps: { db: testDb.database.db, client, logger: capturingLogger(logs) } };
  });
  afterAll(async () => {
    await context?.testDb.close();
    await context?.slack.close();
  });
  beforeEach(async () => {
    await context?.testDb.reset();
    context?.slack.reset();
    context?.logs.splice(0);
  });
  return () => {
    if (!context) throw new Error('useJobDeps: call it at the top of the test file');
    return context;
  };
}
