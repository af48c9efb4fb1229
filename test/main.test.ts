/**
 * `npm start` as an operator sees it: the real entry point in its own process, on the embedded
 * database in a fresh folder — start-up, a second process refused, a signed request served,
 * SIGTERM closing cleanly, and bad settings explained.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acquireDataDirLock } from '../src/db/data-dir-lock.js';
import { startFakeSlack, type FakeSlack } from './support/fake-slack.js';
import { SIGNING_SECRET, commandBody, signatureHeaders } from './support/slack-request.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
const main = path.join(root, 'src', 'main.ts');

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** Runs src/main.ts from an empty folder (so no developer's .env is read) with exactly `env`. */
function run(cwd: string, env: Record<string, string>): Started {
  const child = spawn(tsx, [main], { cwd, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += String(chunk)));
  child.stderr?.on('data', (chunk) => (output += String(chunk)));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitForOutput(started: Started, pattern: RegExp, timeoutMs = 60_000): Promise<RegExpMatchArray> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const match = started.output().match(pattern);
    if (match) return match;
    if (Date.now() > deadline || started.child.exitCode !== null) throw new Error(`never printed ${pattern}; output:\n${started.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('npm start', () => {
  let folder: string;
  let slack: FakeSlack;
  let env: Record<string, string>;

  beforeAll(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), 'groundwork-start-'));
    slack = await startFakeSlack();
    env = {
      SLACK_BOT_TOKEN: 'xoxb-secret-bot-token',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      PORT: '0',
      DATA_DIR: path.join(folder, 'data'),
    };
  });
  afterAll(async () => {
    await slack?.close();
    await rm(folder, { recursive: true, force: true });
  });

  it('runs on the embedded database, refuses a second process on it, serves requests and stops cleanly on SIGTERM', async () => {
    const first = run(folder, env);
    try {
      const [, port] = await waitForOutput(first, /health at http:\/\/localhost:(\d+)\/healthz/);
      expect(first.output()).toContain('embedded database');

      const second = run(folder, env);
      expect(await second.exited).toBe(1);
      expect(second.output()).toMatch(/Another Groundwork process \(pid \d+\) is already using the embedded database/);
      expect(second.output()).not.toMatch(/\n\s+at /);

      const body = commandBody('/log-knock', '12 doors 3 talked', { responseUrl: slack.responseUrl() });
      const reply = await fetch(`http://127.0.0.1:${port}/slack/events`, { method: 'POST', headers: signatureHeaders(body), body });
      expect(reply.status).toBe(200);
      expect((await reply.json()).text).toContain('12 doors knocked, 3 conversations');
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);

      first.child.kill('SIGTERM');
      expect(await first.exited).toBe(0);
      expect(first.output()).toContain('finishing requests in flight');
      // Gone means gone: the folder is free for the next start straight away.
      await (await acquireDataDirLock(env.DATA_DIR ?? '')).release();
      expect(first.output()).not.toContain('xoxb-secret-bot-token');
    } finally {
      first.child.kill('SIGKILL');
    }
  }, 90_000);

  it('names every bad setting and where to find it, without a stack trace', async () => {
    const started = run(folder, { PORT: 'eighty', DATABASE_URL: 'mysql://nope' });
    expect(await started.exited).toBe(1);
    const output = started.output();
    expect(output).toContain('SLACK_BOT_TOKEN is missing: OAuth & Permissions');
    expect(output).toContain('SLACK_SIGNING_SECRET is missing: Basic Information → App Credentials');
    expect(output).toContain('PORT must be a port number');
    expect(output).toContain('DATABASE_URL must be a PostgreSQL URL');
    expect(output).not.toMatch(/\n\s+at /);
  }, 30_000);
});
