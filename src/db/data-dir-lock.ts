/**
 * PGlite is one process on one folder: a second process opening the same folder would corrupt it.
 *
 * The lock is a listening socket whose name is derived from the folder's real path, because the
 * kernel binds a name atomically and releases it the moment its holder dies — even while the dead
 * process is still a zombie. A pid file could not promise that: after `kill -9` the pid can look
 * alive (a zombie), or belong to an unrelated process, or be our own pid after a container restart.
 * Nothing on disk is consulted, so no leftover file can ever block a start. The holder answers
 * anyone who connects with its pid, which the refusal names.
 *
 * Chosen over an flock(2) lock file through a native package (fs-ext): that builds with node-gyp on
 * every install, so a slim image without a compiler could not even `npm ci`, and it needs install
 * scripts allowed; this needs no dependency at all.
 *
 * Limits, by platform:
 * - Linux: an abstract-namespace socket. Abstract names are per network namespace, so a process in
 *   another container (another network namespace) on the same volume is NOT refused: give each
 *   container its own DATA_DIR, or use DATABASE_URL.
 * - Windows: a named pipe, which the system also releases when its holder dies.
 * - Elsewhere (macOS, BSD): a socket file in the temporary folder. A file left by a dead holder
 *   refuses connections, so it is removed and the start goes on; two starts racing to replace
 *   such a leftover in the same instant could both go on.
 */
import { createHash } from 'node:crypto';
import { realpath, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** A held data folder; `release` frees it for the next process (dying frees it too). */
export interface DataDirLock {
  release(): Promise<void>;
}

/** Another live process holds the folder; the message says what to do instead. */
export class DataDirBusyError extends Error {
  constructor(dataDir: string, pid: number | undefined) {
    super(
      `Another Groundwork process${pid === undefined ? '' : ` (pid ${pid})`} is already using the embedded database in ${dataDir}. ` +
        'Stop it first, point DATA_DIR at another folder, or set DATABASE_URL to share a PostgreSQL server between instances.',
    );
    this.name = 'DataDirBusyError';
  }
}

export interface DataDirLockOptions {
  /** Which platform's kind of socket to use; tests set it to exercise the socket-file fallback on Linux. */
  platform?: NodeJS.Platform;
}

/** How long to wait for a holder to say its pid; past that the refusal just leaves the pid out. */
const PID_ANSWER_MS = 1000;
/** A holder that neither answers nor lets go is looked at again this often, for about two seconds. */
const SILENT_HOLDER_RETRY_MS = 100;
const SILENT_HOLDER_RETRIES = 20;

/**
 * Takes the data folder (which must exist) for this process, or throws DataDirBusyError naming the
 * live process that holds it.
 */
export async function acquireDataDirLock(dataDir: string, options: DataDirLockOptions = {}): Promise<DataDirLock> {
  const platform = options.platform ?? process.platform;
  const address = lockAddress(await realpath(dataDir), platform);
  const leavesFile = platform !== 'linux' && platform !== 'win32';
  for (let attempt = 0; ; attempt += 1) {
    const server = await listen(address);
    if (server) return holding(server);
    const answer = await askHolder(address);
    // An abstract name or a pipe is taken by a live process, or by one the kernel is still tearing down
    // after kill -9 (it cannot answer either way; so can a holder that bound but is not listening yet):
    // look again for a moment before refusing. A socket file that refuses was left by a holder that
    // died: remove it and bind again, once.
    if (!answer.listening && !leavesFile && attempt < SILENT_HOLDER_RETRIES) {
      await new Promise((resolve) => setTimeout(resolve, SILENT_HOLDER_RETRY_MS));
      continue;
    }
    if (answer.listening || !leavesFile) throw new DataDirBusyError(dataDir, answer.pid);
    if (attempt > 0) throw new Error(`Could not take the lock ${address} for ${dataDir}; remove that file if no Groundwork process is running.`);
    await rm(address, { force: true });
  }
}

function lockAddress(realDir: string, platform: NodeJS.Platform): string {
  const name = `groundwork-${createHash('sha256').update(realDir).digest('hex').slice(0, 32)}`;
  if (platform === 'linux') return `\0${name}`;
  if (platform === 'win32') return `\\\\.\\pipe\\${name}`;
  // In the temporary folder rather than DATA_DIR: a socket path must stay under about 100 bytes.
  return path.join(os.tmpdir(), `${name}.sock`);
}

/** Binds the name; undefined when it is already taken. */
function listen(address: string): Promise<net.Server | undefined> {
  return new Promise((resolve, reject) => {
    const server = net.createServer((socket) => {
      socket.on('error', () => {}); // a client that hangs up early is no concern of the holder
      socket.end(String(process.pid));
    });
    server.once('error', (error: NodeJS.ErrnoException) => (error.code === 'EADDRINUSE' ? resolve(undefined) : reject(error)));
    server.listen(address, () => resolve(server));
  });
}

function holding(server: net.Server): DataDirLock {
  // The lock alone must never keep the process running.
  server.unref();
  let released: Promise<void> | undefined;
  return {
    release() {
      released ??= new Promise((resolve) => server.close(() => resolve()));
      return released;
    },
  };
}

interface HolderAnswer {
  listening: boolean;
  pid?: number;
}

/** Connects to the name: a live holder accepts and writes its pid; a dead one's leftover refuses. */
function askHolder(address: string): Promise<HolderAnswer> {
  return new Promise((resolve) => {
    let said = '';
    let connected = false;
    const socket = net.connect(address);
    const answer = () => {
      socket.destroy();
      const pid = Number(said);
      resolve({ listening: connected, ...(Number.isInteger(pid) && pid > 0 ? { pid } : {}) });
    };
    socket.setTimeout(PID_ANSWER_MS, answer);
    socket.on('connect', () => (connected = true));
    socket.on('data', (chunk) => (said += String(chunk)));
    socket.on('end', answer);
    socket.on('error', answer);
  });
}
