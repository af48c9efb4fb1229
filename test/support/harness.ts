/**
 * Boots the real Groundwork Slack app (the same startSlackApp that main.ts runs) on a random
 * port, against the fake Slack Web API and a test database, and sends it signed requests.
 */
import { LogLevel, type Logger } from '@slack/bolt';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { startSlackApp, type RunningSlackApp } from '../../src/slack/app.js';
import { startFakeSlack, type FakeSlack } from './fake-slack.js';
import { SIGNING_SECRET, commandBody, interactionBody, signatureHeaders, type CommandOptions } from './slack-request.js';
import { openTestDatabase, type TestDatabase } from './test-database.js';

export interface SlackResponse {
  status: number;
  text: string;
  /** The JSON body of the ack, when there is one (an empty ack has none). */
  json: Record<string, any> | null;
}

export interface TestApp {
  slack: FakeSlack;
  db: TestDatabase;
  running: RunningSlackApp;
  baseUrl: string;
  logs: string[];
  /** Signs and posts a raw body to /slack/events. */
  post(body: string, headers?: Record<string, string>): Promise<SlackResponse>;
  command(command: string, text: string, options?: CommandOptions): Promise<SlackResponse>;
  interact(payload: Record<string, unknown>): Promise<SlackResponse>;
  /** Resolves once listener work still running after its ack (a DM, a home refresh) has finished. */
  settle(): Promise<void>;
  stop(): Promise<void>;
}

/** Collects log lines so tests can prove no stack trace or token leaked. */
export function capturingLogger(lines: string[]): Logger {
  let level = LogLevel.INFO;
  const write = (kind: string) => (...messages: unknown[]) => void lines.push(`${kind} ${messages.map(String).join(' ')}`);
  return {
    debug: () => {},
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    setLevel: (next) => void (level = next),
    getLevel: () => level,
    setName: () => {},
  };
}

/** `clock`: what "now" is for the app's listeners; a test that computes today's date itself fixes it, so both agree at midnight. */
export async function startTestApp(options: { env?: Record<string, string>; db?: TestDatabase; slack?: FakeSlack; clock?: () => Date } = {}): Promise<TestApp> {
  const slack = options.slack ?? (await startFakeSlack());
  const db = options.db ?? (await openTestDatabase());
  const config = loadConfig({
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slack.apiUrl,
    PORT: '0',
    LOG_LEVEL: 'info',
    ...options.env,
  });
  const logs: string[] = [];
  const running = await startSlackApp(config, db.database, {
    logger: capturingLogger(logs),
    clientOptions: { retryConfig: { retries: 0 } },
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const baseUrl = `http://127.0.0.1:${running.port}`;
  // Work a listener does after its ack must not land in the next test's calls or rows.
  const settle = () => running.idle(10_000);

  const post = async (body: string, headers: Record<string, string> = signatureHeaders(body)): Promise<SlackResponse> => {
    const response = await fetch(`${baseUrl}/slack/events`, { method: 'POST', headers, body });
    const text = await response.text();
    let json: Record<string, any> | null = null;
    try {
      json = text ? (JSON.parse(text) as Record<string, any>) : null;
    } catch {
      json = null;
    }
    return { status: response.status, text, json };
  };

  return {
    slack,
    // reset() first lets the previous test's post-ack work finish, then empties the tables.
    db: {
      ...db,
      async reset() {
        await settle();
        await db.reset();
      },
    },
    running,
    baseUrl,
    logs,
    post,
    command: (command, text, commandOptions) => post(commandBody(command, text, { responseUrl: slack.responseUrl(), ...commandOptions })),
    interact: (payload) => post(interactionBody(payload)),
    settle,
    async stop() {
      await running.stop();
      if (!options.db) await db.close();
      if (!options.slack) await slack.close();
    },
  };
}

/**
 * One app for the whole test file, and a clean slate for every test: the previous test's work
 * finished, empty tables, a fresh fake Slack. Returns a getter: the app exists once beforeAll ran.
 */
export function useTestApp(options: Parameters<typeof startTestApp>[0] = {}): () => TestApp {
  let app: TestApp | undefined;
  beforeAll(async () => {
    app = await startTestApp(options);
  });
  afterAll(async () => {
    await app?.stop();
  });
  beforeEach(async () => {
    await app?.db.reset();
    app?.slack.reset();
  });
  return () => {
    if (!app) throw new Error('useTestApp: the app is not running (call it at the top of the test file)');
    return app;
  };
}
