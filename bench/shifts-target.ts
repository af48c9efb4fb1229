/**
 * One target of the shifts benchmark, in a process of its own (see ipc.ts). Each request opens a pool
 * of BENCH_CONNECTIONS connections through the same openDatabase the app uses, warms it (every
 * connection opened, the statements' plans made) outside the measurement, runs its batch with every
 * connection busy, and closes the pool again, so the run never holds more connections than one pool:
 *  - plain: one committed INSERT per task into a table with no constraints (the baseline);
 *  - claims: takeSeat, exactly as the Claim button calls it.
 * It answers with the wall-clock seconds of the batch, how many tasks ended in each outcome, the CPU time
 * this process spent on it and the CPU time the server's backends spent on it (backend-cpu.ts): unlike
 * the rate, those hold still when other work shares the machine.
 */
import { performance } from 'node:perf_hooks';
import { sql, type Kysely } from 'kysely';
import { openDatabase } from '../src/db/database.js';
import type { DB } from '../src/db/schema.js';
import { takeSeat } from '../src/signups/queries/claims.js';
import { backendCpu, backendCpuSpent } from './backend-cpu.js';
import { serveParent } from './ipc.js';
import { BENCH_TEAM, WARM_TASKS_PER_CONNECTION, type TargetReply, type TargetRequest } from './shifts.js';

const databaseUrl = process.env.BENCH_DATABASE ?? '';
const poolSize = Number(process.env.BENCH_CONNECTIONS);
/** The application_name of this target's connections, by which the server's CPU for them is found. */
const APPLICATION_NAME = `bench-shifts-${process.pid}`;

/** Runs `count` tasks with at most `concurrency` in flight. */
async function timed(count: number, concurrency: number, task: (i: number) => Promise<string>): Promise<TargetReply> {
  const outcomes: Record<string, number> = {};
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const outcome = await task(next++).catch((error: unknown) => `error: ${String(error)}`);
        outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
      }
    }),
  );
  return { seconds: (performance.now() - started) / 1000, outcomes };
}

async function withPool(connections: number, work: (db: Kysely<DB>) => Promise<TargetReply>): Promise<TargetReply> {
  // A patient pool: opening 32 connections on a loaded machine can take longer than the app's fail-fast limit.
  const url = new URL(databaseUrl);
  url.searchParams.set('application_name', APPLICATION_NAME);
  const database = await openDatabase({ databaseUrl: url.toString(), dataDir: '', poolSize: connections, connectionTimeoutMs: 30_000 });
  try {
    await timed(connections * 2, connections, async () => (await sql`select 1`.execute(database.db), 'ok'));
    return await work(database.db);
  } finally {
    await database.close();
  }
}

/** The batch, with the server CPU its backends spent on it (undefined when the server runs elsewhere). */
async function measured(db: Kysely<DB>, batch: () => Promise<TargetReply>): Promise<TargetReply> {
  const before = await backendCpu(db, APPLICATION_NAME);
  const clientBefore = process.cpuUsage();
  const reply = await batch();
  const client = process.cpuUsage(clientBefore);
  const clientCpuMs = (client.user + client.system) / 1000;
  const serverCpuMs = backendCpuSpent(before, await backendCpu(db, APPLICATION_NAME));
  return serverCpuMs === undefined ? { ...reply, clientCpuMs } : { ...reply, clientCpuMs, serverCpuMs };
}

function claim(db: Kysely<DB>, opportunityId: number, userId: string, now: Date): Promise<string> {
  return takeSeat(db, { teamId: BENCH_TEAM, userId, opportunityId, now, mode: 'seat' }).then((outcome) => outcome.kind);
}

serveParent({ pid: process.pid }, async (message: TargetRequest) => {
  if (message.do === 'plain') {
    const insert = (db: Kysely<DB>, i: number, prefix: string) =>
      sql`insert into bench_plain_inserts (opportunity_id, user_id) values (${i}, ${`${prefix}${i}`})`.execute(db).then(() => 'inserted');
    return withPool(poolSize, async (db) => {
      await timed(WARM_TASKS_PER_CONNECTION * poolSize, poolSize, (i) => insert(db, i, `${message.userPrefix}W`));
      return measured(db, () => timed(message.count, poolSize, (i) => insert(db, i, message.userPrefix)));
    });
  }
  if (message.do === 'claims') {
    const now = new Date(message.now);
    const connections = message.connections ?? poolSize;
    return withPool(connections, async (db) => {
      const warm = await timed(message.warmOpportunityIds.length, connections, (i) => claim(db, message.warmOpportunityIds[i]!, `${message.userPrefix}W${i}`, now));
      const batch = await measured(db, () => timed(message.opportunityIds.length, connections, (i) => claim(db, message.opportunityIds[i]!, `${message.userPrefix}${i}`, now)));
      // The warm-up's claims are claims too: the parent checks every one of them.
      for (const [kind, n] of Object.entries(warm.outcomes)) batch.outcomes[kind] = (batch.outcomes[kind] ?? 0) + n;
      return batch;
    });
  }
  if (message.do === 'stop') {
    setImmediate(() => process.exit(0));
    return { seconds: 0, outcomes: {} };
  }
  throw new Error(`unknown request ${JSON.stringify(message)}`);
});
