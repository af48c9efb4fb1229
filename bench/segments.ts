/**
 * `npm run bench -- segments`: every segment's count (what /segment shows) for a team of 20,000 people
 * with 1,000,000 actions, against one plain `select user_id, count(*) from actions … group by user_id`
 * over the same table in the same run. Target: at most 2× that baseline (medians of several rounds).
 * The segments read person_activity (one row per person, kept by a trigger) and person_skills, so
 * their cost follows the number of people, not of actions. The counts are checked against the same
 * rules applied to the raw actions.
 */
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { fillPersonActivity } from '../migrations/0010_engagement.js';
import { segmentCounts } from '../src/engagement/queries/segments.js';
import { LAPSED_AFTER_DAYS, READY_ONLINE_ACTIONS, TOP_SEGMENT_SIZE } from '../src/engagement/segments.js';
import { addDays } from '../src/domain/dates.js';
import { allTactics } from '../src/domain/tactics.js';
import { createBenchDatabase } from './database.js';

const TEAM = 'TSEG';
const TODAY = '2026-11-30';
const PEOPLE = 20_000;
const ACTIONS = 1_000_000;
const SKILLED = 2_000;
const ROUNDS = 9;
const TARGET_RATIO = 2;

export async function run(): Promise<boolean> {
  const bench = await createBenchDatabase({ poolSize: 2 });
  const db = bench.database.db;
  try {
    console.log(`segments: ${bench.description}`);
    const loader = new Kysely<any>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: bench.url, max: 1 }) }) });
    try {
      await sql`set statement_timeout = 0`.execute(loader);
      // Row triggers would take minutes for a million rows: load with them off, then fill the summary in one statement.
      await sql`set session_replication_role = replica`.execute(loader);
      const started = Date.now();
      await seed(loader);
      await sql`set session_replication_role = origin`.execute(loader);
      await fillPersonActivity(loader);
      await sql`analyze`.execute(loader);
      console.log(`  stored ${ACTIONS.toLocaleString('en-US')} actions of ${PEOPLE.toLocaleString('en-US')} people and ${SKILLED.toLocaleString('en-US')} skills in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    } finally {
      await loader.destroy();
    }

    const timed = async <T>(work: () => Promise<T>) => {
      const started = performance.now();
      const result = await work();
      return { ms: performance.now() - started, result };
    };
    const baseline = () => sql`select user_id, count(*) from actions where team_id = ${TEAM} group by user_id`.execute(db);
    const segments = () => segmentCounts(db, TEAM, TODAY);

    // Warm-up, and the check: the same rules over the raw actions.
    const counts = await segments();
    const people = (await baseline()).rows.length;
    const expected = await countsFromActions(db);
    console.log(`  segment counts: ${JSON.stringify(counts)}`);
    const ok =
      people === PEOPLE &&
      (['bridgers', 'online_ready', 'offline_only', 'lapsed'] as const).every((id) => counts[id] === expected[id]) &&
      counts.most_online === Math.min(TOP_SEGMENT_SIZE, expected.online_any) &&
      counts['skill:phone_bank'] === SKILLED;
    if (!ok) console.log(`  MISMATCH: expected ${JSON.stringify(expected)} over ${people} people`);

    const times = { baseline: [] as number[], segments: [] as number[] };
    for (let round = 0; round < ROUNDS; round += 1) {
      const order = round % 2 ? (['baseline', 'segments'] as const) : (['segments', 'baseline'] as const);
      for (const which of order) times[which].push(which === 'baseline' ? (await timed(baseline)).ms : (await timed(segments)).ms);
    }
    const baselineMs = median(times.baseline);
    const segmentsMs = median(times.segments);
    const ratio = segmentsMs / baselineMs;
    console.log(`  median of ${ROUNDS} rounds:`);
    console.log(`    plain count(*) … group by user_id over ${ACTIONS.toLocaleString('en-US')} actions (baseline): ${baselineMs.toFixed(1)} ms`);
    console.log(`    every segment's count (6 segments and every skill):                ${segmentsMs.toFixed(1)} ms`);
    console.log(`    ratio ${ratio.toFixed(3)}× (target ≤ ${TARGET_RATIO}×): ${ratio <= TARGET_RATIO ? 'PASS' : 'FAIL'}`);
    return ok;
  } finally {
    await bench.drop();
  }
}

/**
 * Person p acts 50 times, every 14 days back from today (offset by p % 14); a third only offline, a
 * third only online, the rest both; every tenth person stopped 60 days ago (lapsed).
 */
async function seed(loader: Kysely<any>): Promise<void> {
  const offline = allTactics().filter((t) => t.channel === 'offline');
  const online = allTactics().filter((t) => t.channel === 'online');
  const row = (list: typeof offline, kind: number) =>
    list.map((t, i) => sql`(${kind}::int, ${i}::int, ${t.id}::text, ${t.goal}::text, ${t.channel}::text)`);
  const values = sql.join([...row(offline, 0), ...row(online, 1)]);
  const chunk = 250_000;
  for (let start = 0; start < ACTIONS; start += chunk) {
    const end = Math.min(ACTIONS, start + chunk);
    await sql`
      with a as (
        select i, i % ${PEOPLE}::int as p, i / ${PEOPLE}::int as k from generate_series(${start}::int, ${end - 1}::int) as i
      ), chosen as (
        select a.*, case when p % 3 = 0 then 0 when p % 3 = 1 then 1 else k % 2 end as kind from a
      )
      insert into actions (team_id, user_id, tactic_id, goal, channel, counts, occurred_on, source, idempotency_key)
      select ${TEAM}::text, 'U' || p, t.id, t.goal, t.channel, '{}'::jsonb,
             ${TODAY}::date - (case when p % 10 = 0 then 60 else 0 end) - (k * 14 + p % 14),
             'command', ${TEAM}::text || ':' || i
      from chosen join (values ${values}) as t(kind, idx, id, goal, channel)
        on t.kind = chosen.kind and t.idx = chosen.k % (case when chosen.kind = 0 then ${offline.length}::int else ${online.length}::int end)`.execute(loader);
  }
  await sql`
    insert into person_skills (team_id, user_id, skill, source, recorded_by)
    select ${TEAM}, 'U' || (p * 7), 'phone_bank', 'staff', 'U0STAFF' from generate_series(0, ${SKILLED - 1}::int) as p`.execute(loader);
}

/** The segment rules applied to the raw actions, to check the summary's answer. */
async function countsFromActions(db: Kysely<any>) {
  const since = addDays(TODAY, -LAPSED_AFTER_DAYS);
  const { rows } = await sql<Record<string, number>>`
    with per as (
      select user_id, count(*) filter (where channel = 'online') as online, count(*) filter (where channel = 'offline') as offline, max(occurred_on) as last_on
      from actions where team_id = ${TEAM} group by user_id
    )
    select count(*) filter (where online > 0)::int as online_any,
           count(*) filter (where online > 0 and offline > 0)::int as bridgers,
           count(*) filter (where offline = 0 and online >= ${READY_ONLINE_ACTIONS} and last_on >= ${since})::int as online_ready,
           count(*) filter (where offline > 0 and online = 0)::int as offline_only,
           count(*) filter (where last_on < ${since})::int as lapsed
    from per`.execute(db);
  return rows[0]! as { online_any: number; bridgers: number; online_ready: number; offline_only: number; lapsed: number };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
