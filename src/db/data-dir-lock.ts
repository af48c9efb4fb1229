/**
 * PGlite is one process on one folder: a second process opening the same folder would corrupt it.
 * A pid file created exclusively says who owns the folder; a file left by a process that died
 * (a crash, kill -9) is taken over rather than blocking the next start forever.
 */
import { open, readFile, rm } from 'node:fs/promises';
import path from 'node:path';

export interface DataDirLock {
  release(): Promise<void>;
}

export class DataDirBusyError extends Error {
  constructor(dataDir: string, pid: number) {
    super(
      `Another Groundwork process (pid ${pid}) is already using the embedded database in ${dataDir}. ` +
        'Stop it first, point DATA_DIR at another folder, or set DATABASE_URL to share a PostgreSQL server between instances.',
    );
    this.name = 'DataDirBusyError';
  }
}

export async function acquireDataDirLock(dataDir: string): Promise<DataDirLock> {
  const lockPath = path.join(dataDir, 'groundwork.pid');
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const handle = await open(lockPath, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      let released = false;
      return {
        async release() {
          if (released) return;
          released = true;
          await rm(lockPath, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number((await readFile(lockPath, 'utf8').catch(() => '')).trim());
      if (Number.isInteger(owner) && owner > 0 && isAlive(owner)) throw new DataDirBusyError(dataDir, owner);
      await rm(lockPath, { force: true });
    }
  }
  throw new Error(`Could not take the lock file ${lockPath}; remove it if no Groundwork process is running.`);
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
