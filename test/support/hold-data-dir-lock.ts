/**
 * A separate process for the data-folder lock tests: takes the lock on argv[2] (argv[3] may name
 * the platform whose kind of lock to use), says `locked <pid>` and holds it until killed, or says
 * `busy <message>` and exits 1.
 */
import { DataDirBusyError, acquireDataDirLock } from '../../src/db/data-dir-lock.js';

const [dataDir, platform] = process.argv.slice(2);
try {
  await acquireDataDirLock(dataDir ?? '', platform ? { platform: platform as NodeJS.Platform } : {});
  console.log(`locked ${process.pid}`);
  // The lock does not keep a process alive by itself; this does, until the test kills it.
  setInterval(() => {}, 60_000);
} catch (error) {
  if (!(error instanceof DataDirBusyError)) throw error;
  console.log(`busy ${error.message}`);
  process.exit(1);
}
