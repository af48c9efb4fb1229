/**
 * Publishing the App Home for a person with 5,000 logged actions (two years, every tactic, with
 * stories) against a person with 5: the real publishHome (time zone, role, aggregates, view,
 * views.publish to the fake Slack Web API), on a fresh PostgreSQL database shared with a busy team.
 *
 * Target: the long history costs ≤ 1.5× the short one (median), since every aggregate comes from
 * index probes and summary rows rather than from reading the history.
 */
import { WebClient } from '@slack/web-api';
import { sql } from 'kysely';
import { todayIn } from '../src/domain/dates.js';
import { publishHome } from '../src/home/publish-home.js';
import { FAKE_TEAM_ID, startFakeSlack } from '../test/support/fake-slack.js';
import { seedHistory } from '../test/support/seed-actions.js';
import { createBenchDatabase } from './database.js';
import { median } from './load.js';

/** The fake users.info answers this zone; the first (warm-up) publish caches it like in production. */
const TIME_ZONE = 'America/Chicago';
const SHORT = { userId: 'U0SHORT', count: 5, spanDays: 28 };
const LONG = { userId: 'U0LONG', count: 5000, spanDays: 730 };
/** Teammates, so the indexes serve a realistic table rather than two people's rows. */
const TEAMMATES = 40;
const TEAMMATE_ACTIONS = 500;
const WARMUP = 100;
const ITERATIONS = 600;
const TARGET_RATIO = 1.5;

interface Person {
  userId: string;
  count: number;
  spanDays: number;
}

export async function run(): Promise<boolean> {
  const cleanups: (() => Promise<unknown>)[] = [];
  try {
    const slack = await startFakeSlack();
    cleanups.push(() => slack.close());
    const bench = await createBenchDatabase({ poolSize: 10 });
    cleanups.push(() => bench.drop());
    const db = bench.database.db;
    const client = new WebClient('xoxb-bench-token', { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } });

    const today = todayIn(TIME_ZONE);
    const seedStarted = Date.now();
    for (let i = 0; i < TEAMMATES; i++) {
      await seedHistory(db, { userId: `U0MATE${String(i).padStart(3, '0')}`, count: TEAMMATE_ACTIONS, lastDay: today, spanDays: 730 });
    }
    for (const person of [SHORT, LONG]) {
      await seedHistory(db, { userId: person.userId, count: person.count, lastDay: today, spanDays: person.spanDays, storyEvery: 10 });
    }
    // What autovacuum does on its own after a bulk load: fresh statistics and visibility map.
    await sql`vacuum analyze`.execute(db);
    const rows = TEAMMATES * TEAMMATE_ACTIONS + SHORT.count + LONG.count;

    console.log(`home: publishHome for ${SHORT.count} vs ${LONG.count.toLocaleString('en-US')} logged actions`);
    console.log(`  ${bench.description}`);
    console.log(`  ${rows.toLocaleString('en-US')} actions seeded in ${((Date.now() - seedStarted) / 1000).toFixed(1)} s (${TEAMMATES} teammates × ${TEAMMATE_ACTIONS} as well)`);
    console.log(`  warm-up ${WARMUP} each, then ${ITERATIONS} each, interleaved (order alternating)`);

    const publish = (person: Person) => publishHome({ client, db, teamId: FAKE_TEAM_ID, userId: person.userId });
    for (let i = 0; i < WARMUP; i++) {
      await publish(SHORT);
      await publish(LONG);
    }
    const timings = new Map<Person, number[]>([
      [SHORT, []],
      [LONG, []],
    ]);
    for (let i = 0; i < ITERATIONS; i++) {
      for (const person of i % 2 === 0 ? [SHORT, LONG] : [LONG, SHORT]) {
        const started = performance.now();
        await publish(person);
        timings.get(person)?.push(performance.now() - started);
      }
      // The fake keeps every call; keep only the latest few so memory stays flat.
      if (slack.calls.length > 100) slack.calls.splice(0, slack.calls.length - 4);
    }

    const stats = (person: Person) => {
      const values = timings.get(person) ?? [];
      return { median: median(values), p95: nearestRank(values, 95) };
    };
    const short = stats(SHORT);
    const long = stats(LONG);
    console.log('');
    console.log(`  ${'person'.padEnd(22)}${'median ms'.padStart(10)}${'p95 ms'.padStart(10)}`);
    console.log(`  ${`${SHORT.count} actions`.padEnd(22)}${short.median.toFixed(2).padStart(10)}${short.p95.toFixed(2).padStart(10)}`);
    console.log(`  ${`${LONG.count.toLocaleString('en-US')} actions`.padEnd(22)}${long.median.toFixed(2).padStart(10)}${long.p95.toFixed(2).padStart(10)}`);
    const ratio = long.median / short.median;
    const p95Ratio = long.p95 / short.p95;
    console.log('');
    console.log(`  median ${LONG.count}/${SHORT.count} ${ratio.toFixed(2)}×  (target ≤ ${TARGET_RATIO}×)  ${ratio <= TARGET_RATIO ? 'PASS' : 'FAIL'}`);
    console.log(`  p95 ratio ${p95Ratio.toFixed(2)}× (for information)`);

    // Correctness: the timings mean nothing unless the published homes count every action.
    const problems: string[] = [];
    for (const person of [SHORT, LONG]) {
      slack.reset();
      await publish(person);
      const call = slack.callsTo('views.publish')[0];
      const view = JSON.parse(String(call?.args.view ?? '{}')) as { blocks?: { fields?: { text: string }[] }[] };
      const blocks = view.blocks ?? [];
      const allTime = blocks.filter((b) => b.fields)[1]?.fields ?? [];
      const counted = allTime.map((f) => Number(/` ([\d,]+) actions?/.exec(f.text)?.[1]?.replace(/,/g, '') ?? Number.NaN)).reduce((a, b) => a + b, 0);
      if (call?.args.user_id !== person.userId) problems.push(`${person.userId}: published to ${String(call?.args.user_id)}`);
      if (counted !== person.count) problems.push(`${person.userId}: the home counts ${counted} actions, not ${person.count}`);
      if (blocks.length > 100) problems.push(`${person.userId}: ${blocks.length} blocks`);
    }
    console.log('');
    if (problems.length === 0) console.log(`  checked: both homes published to their person, all-time totals ${SHORT.count} and ${LONG.count}, ≤ 100 blocks; correctness: OK`);
    else for (const problem of problems) console.log(`  correctness FAILED: ${problem}`);
    return problems.length === 0;
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup().catch((error: unknown) => console.error(`cleanup: ${String(error)}`));
  }
}

function nearestRank(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}
