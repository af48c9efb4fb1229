/**
 * An error that escapes every handler must not take the process (and every request in flight) down:
 * main.ts installs a last resort that logs it in one line, without tokens, and keeps serving. Proven
 * in a child process, since the test runner has last-resort handlers of its own.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('the last resort', () => {
  it('logs an uncaught exception and an unhandled rejection without tokens, and the process keeps serving', async () => {
    // node itself with tsx's loader, not the tsx launcher: the launcher runs node as a grandchild that a kill of the launcher would leave running.
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'test', 'support', 'last-resort-child.ts')], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += String(chunk)));
    child.stderr.on('data', (chunk) => (stderr += String(chunk)));
    try {
      const port = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`child never listened: ${stdout}${stderr}`)), 15_000);
        child.stdout.on('data', () => {
          const match = /listening on (\d+)/.exec(stdout);
          if (match?.[1]) {
            clearTimeout(timer);
            resolve(match[1]);
          }
        });
        child.on('exit', (code) => reject(new Error(`child exited with ${code}: ${stderr}`)));
      });
      expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe('still serving');
      const lines = stderr.trim().split('\n');
      expect(lines).toHaveLength(2);
      expect(stderr).toContain('[groundwork] unexpected error, still serving: Error: listener blew up with [token] in hand (at ');
      expect(stderr).toContain('[groundwork] unexpected rejection, still serving: Error: a promise nobody awaited ([token])');
      expect(stderr).not.toMatch(/secret(bot|app)token/);
      expect(child.exitCode).toBeNull();
    } finally {
      child.kill('SIGKILL');
    }
  }, 20_000);
});
