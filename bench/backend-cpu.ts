/**
 * CPU time the PostgreSQL server spends for one target: the sum of user + system time of the server
 * processes (backends) serving its connections, told apart by their application_name. Like a
 * process's own cpuUsage, it counts what the work costs, not how long it waited for a core, so it
 * holds still when other work shares the machine. It needs the server on this machine (its
 * processes' /proc/<pid>/stat readable); elsewhere it reads undefined and the report shows a dash.
 * WAL writing and checkpoints happen in other server processes and are not counted.
 */
import { readFile } from 'node:fs/promises';
import { sql, type Kysely } from 'kysely';

/** Kernel clock ticks per second (USER_HZ), which /proc/<pid>/stat counts in: 100 on Linux. */
const TICKS_PER_SECOND = 100;

/** CPU ms so far by backend pid; undefined when the server's processes cannot be read from here. */
export type BackendCpu = Map<number, number> | undefined;

export async function backendCpu(db: Kysely<any>, applicationName: string): Promise<BackendCpu> {
  const { rows } = await sql<{ pid: number }>`
    select pid from pg_stat_activity where datname = current_database() and application_name = ${applicationName}`.execute(db);
  const cpu = new Map<number, number>();
  for (const { pid } of rows) {
    let stat: string;
    try {
      stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    } catch {
      // Gone since the query (an idle connection closed) or not on this machine.
      continue;
    }
    // Fields after the command name (which may hold spaces, inside parentheses): utime and stime are 14th and 15th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    cpu.set(pid, ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND);
  }
  return rows.length > 0 && cpu.size === 0 ? undefined : cpu;
}

/** CPU ms the backends spent between two readings (a backend that connected in between counts from zero). */
export function backendCpuSpent(before: BackendCpu, after: BackendCpu): number | undefined {
  if (!before || !after) return undefined;
  let spent = 0;
  for (const [pid, ms] of after) spent += ms - (before.get(pid) ?? 0);
  return spent;
}
