/**
 * The embedded database's folder lock across real processes: a live holder refuses others with its
 * pid, a holder killed with -9 (even one left a zombie) frees the folder at once, leftover files
 * never block, and of two starts at once exactly one wins. Each kind of lock is run: the default
 * one of this platform, and the socket-file fallback used where abstract sockets and pipes are not.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataDirBusyError, acquireDataDirLock, type DataDirLock } from '../../src/db/data-dir-lock.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const holderScript = path.join(root, 'test', 'support', 'hold-data-dir-lock.ts');
const nodeWithTsx = `"${process.execPath}" --import tsx "${holderScript}"`;

interface Holder {
  child: ChildProcess;
  /** The holder's first line: `locked <pid>` or `busy <message>`. */
  said: Promise<string>;
  exited: Promise<number | null>;
}

const holders: Holder[] = [];

/** Runs hold-data-dir-lock.ts, through `sh -c` when a shell line is given (see the zombie test). */
function startHolder(dataDir: string, platform: string | undefined, shellLine?: string): Holder {
  const args = [dataDir, ...(platform ? [platform] : [])];
  const child = shellLine
    ? spawn('sh', ['-c', shellLine], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] })
    : spawn(process.execPath, ['--import', 'tsx', holderScript, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr?.on('data', (chunk) => (err += String(chunk)));
  const said = new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk) => {
      out += String(chunk);
      const end = out.indexOf('\n');
      if (end >= 0) resolve(out.slice(0, end));
    });
    child.on('exit', (code) => reject(new Error(`holder exited (${code}) before saying anything: ${out}${err}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const holder = { child, said, exited };
  holders.push(holder);
  return holder;
}

function lockedPid(line: string): number {
  const match = /^locked (\d+)$/.exec(line);
  if (!match) throw new Error(`expected "locked <pid>", got: ${line}`);
  return Number(match[1]);
}

async function expectBusy(dataDir: string, platform: NodeJS.Platform | undefined, holderPid: number): Promise<void> {
  const refused = acquireDataDirLock(dataDir, platform ? { platform } : {});
  await expect(refused).rejects.toThrow(DataDirBusyError);
  await expect(refused).rejects.toThrow(`Another Groundwork process (pid ${holderPid}) is already using the embedded database in ${dataDir}`);
  await expect(refused).rejects.toThrow(/Stop it first, point DATA_DIR at another folder, or set DATABASE_URL/);
}

let dataDir: string;
const held: DataDirLock[] = [];

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'groundwork-lock-'));
});
afterEach(async () => {
  const stopping = holders.splice(0);
  for (const holder of stopping) holder.child.kill('SIGKILL');
  await Promise.all(stopping.map((holder) => holder.exited));
  await Promise.all(held.splice(0).map((lock) => lock.release()));
  // Nothing may still hold the folder; taking it also clears a socket file a killed holder left.
  for (const platform of [undefined, 'darwin' as const]) await (await acquireDataDirLock(dataDir, { platform })).release();
  await rm(dataDir, { recursive: true, force: true });
});

async function acquire(platform?: NodeJS.Platform): Promise<DataDirLock> {
  const lock = await acquireDataDirLock(dataDir, platform ? { platform } : {});
  held.push(lock);
  return lock;
}

// `undefined`: this platform's own kind of lock; 'darwin': the socket-file fallback, run here too.
describe.each([
  { kind: 'this platform', platform: undefined },
  { kind: 'socket-file fallback', platform: 'darwin' as const },
])('the data folder lock ($kind)', ({ platform }) => {
  it('refuses a second taker while a process holds it, and frees it the moment that process is killed -9', async () => {
    const holder = startHolder(dataDir, platform);
    const pid = lockedPid(await holder.said);
    expect(pid).toBe(holder.child.pid);
    await expectBusy(dataDir, platform, pid);

    holder.child.kill('SIGKILL');
    await holder.exited;
    await acquire(platform);
  });

  it('is not blocked by a leftover groundwork.pid naming this process, pid 1 or another live process', async () => {
    for (const pid of [process.pid, 1, process.ppid]) {
      await writeFile(path.join(dataDir, 'groundwork.pid'), String(pid));
      const lock = await acquireDataDirLock(dataDir, platform ? { platform } : {});
      await lock.release();
    }
  });

  // Only where the name itself is the lock: the fallback's takeover of a leftover file can race (see
  // data-dir-lock.ts), and this test would start right after a killed holder left one.
  it.runIf(platform === undefined)('gives the folder to exactly one of two processes started at once; the other names it', async () => {
    for (let round = 0; round < 3; round += 1) {
      const pair = [startHolder(dataDir, platform), startHolder(dataDir, platform)];
      const said = await Promise.all(pair.map((holder) => holder.said));
      const winners = said.filter((line) => line.startsWith('locked '));
      expect(winners, said.join('\n')).toHaveLength(1);
      const winner = lockedPid(winners[0] ?? '');
      const loser = pair.find((holder) => holder.child.pid !== winner);
      expect(await loser?.exited).toBe(1);
      expect(said).toContain(
        `busy Another Groundwork process (pid ${winner}) is already using the embedded database in ${dataDir}. ` +
          'Stop it first, point DATA_DIR at another folder, or set DATABASE_URL to share a PostgreSQL server between instances.',
      );
      for (const holder of pair) holder.child.kill('SIGKILL');
      await Promise.all(pair.map((holder) => holder.exited));
      holders.splice(0);
    }
  }, 30_000);

  it('gives the folder to exactly one of many takers at once in one process', async () => {
    const attempts = await Promise.allSettled(Array.from({ length: 8 }, () => acquire(platform)));
    expect(attempts.filter((attempt) => attempt.status === 'fulfilled')).toHaveLength(1);
    for (const attempt of attempts.filter((a) => a.status === 'rejected')) {
      expect(attempt.reason).toBeInstanceOf(DataDirBusyError);
      expect(String(attempt.reason)).toContain(`(pid ${process.pid})`);
    }
  });

  it('frees the folder on release, for this process and for another one', async () => {
    const first = await acquire(platform);
    await expectBusy(dataDir, platform, process.pid);
    await first.release();
    await first.release(); // a second release is harmless

    const again = await acquire(platform);
    await again.release();
    const other = startHolder(dataDir, platform);
    expect(lockedPid(await other.said)).toBe(other.child.pid);
  });
});

describe.runIf(process.platform === 'linux')('the data folder lock after kill -9 on Linux', () => {
  it('is free while the killed holder is still a zombie that kill(pid, 0) calls alive', async () => {
    // The holder's parent becomes `sleep`, which never reaps it: killed, it stays a zombie.
    const holder = startHolder(dataDir, undefined, `${nodeWithTsx} "${dataDir}" & exec sleep 600`);
    const pid = lockedPid(await holder.said);
    process.kill(pid, 'SIGKILL');
    await waitUntilZombie(pid);
    expect(() => process.kill(pid, 0)).not.toThrow();

    await acquire();
  });
});

/**
 * Polls the kernel's process state until `pid` is a zombie ("Z") whose other threads are gone too:
 * node's main thread shows "Z" as soon as it exits, while its worker threads may still be tearing
 * down and holding the open files (the lock among them) on a loaded machine. Ten seconds at most.
 */
async function waitUntilZombie(pid: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    const threads = await readdir(`/proc/${pid}/task`);
    if (stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z') && threads.length === 1) return;
    if (Date.now() > deadline) throw new Error(`pid ${pid} never became a zombie without threads: ${stat} (threads: ${threads.join(' ')})`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
