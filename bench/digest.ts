/**
 * `npm run bench -- digest`: composing one week's digest for a team with 1,000,000 actions stored
 * over two years, against a team with only that week's ~10,000 actions, in the same database.
 * Target: at most 1.5× (the eight-week figures come from the per-day summary, not from every action).
 * Also the chart's render time.
 */
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { fillTeamDayTotals } from '../migrations/0006_digest.js';
import { buildDigest } from '../src/digest/build-digest.js';
import { mergeDaySlices } from '../src/digest/queries/week.js';
import { renderChart } from '../src/digest/render-chart.js';
import { windowEndingOn } from '../src/digest/schedule.js';
import { addDays } from '../src/domain/dates.js';
import { digestMessage } from '../src/digest/views/digest-message.js';
import { allTactics } from '../src/domain/tactics.js';
import { createBenchDatabase } from './database.js';

const WEEK_END = '2026-11-29';
const BIG = { team: 'TBIG', actions: 1_000_000, days: 730 };
const SMALL = { team: 'TSMALL', actions: 10_000, days: 7 };
const PEOPLE = 400;
const ROUNDS = 15;
const TARGET_RATIO = 1.5;

export async function run(): Promise<boolean> {
  const bench = await createBenchDatabase({ poolSize: 4 });
  const db = bench.database.db;
  try {
    console.log(`digest: ${bench.description}`);
    // One session with no statement timeout and the triggers off (row triggers would take minutes for
    // a million rows); the digest's summary is then filled in one statement, as its migration does.
    const loader = new Kysely<any>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: bench.url, max: 1 }) }) });
    try {
      await sql`set statement_timeout = 0`.execute(loader);
      await sql`set session_replication_role = replica`.execute(loader);
      for (const team of [SMALL, BIG]) {
        const started = Date.now();
        await seed(loader, team);
        console.log(`  stored ${team.actions.toLocaleString('en-US')} actions over ${team.days} days for ${team.team} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
      }
      await sql`set session_replication_role = origin`.execute(loader);
      const started = Date.now();
      await fillTeamDayTotals(loader);
      // As last week's digest left them: the days before the week it covered are merged.
      for (const team of [SMALL, BIG]) await mergeDaySlices(loader, team.team, windowEndingOn(addDays(WEEK_END, -7)).from);
      await sql`analyze`.execute(loader);
      console.log(`  summarised them per team, day and tactic in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    } finally {
      await loader.destroy();
    }
    const window = windowEndingOn(WEEK_END);
    const compose = async (team: string) => {
      const started = performance.now();
      const digest = await buildDigest(db, team, window, 'America/Chicago');
      digestMessage(digest, new Map());
      return { ms: performance.now() - started, digest };
    };
    // Warm-up, and a check that both digests describe a real week.
    const [small, big] = [await compose(SMALL.team), await compose(BIG.team)];
    const weekActions = (d: typeof small.digest) => d.totals.offline.actions + d.totals.online.actions;
    console.log(`  the week holds ${weekActions(small.digest).toLocaleString('en-US')} actions (small) and ${weekActions(big.digest).toLocaleString('en-US')} (big)`);
    const ok = weekActions(small.digest) > 0 && weekActions(big.digest) > 0 && !big.digest.quiet;

    const times: Record<string, number[]> = { [SMALL.team]: [], [BIG.team]: [] };
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const team of round % 2 ? [SMALL.team, BIG.team] : [BIG.team, SMALL.team]) times[team]!.push((await compose(team)).ms);
    }
    const smallMs = median(times[SMALL.team]!);
    const bigMs = median(times[BIG.team]!);
    const ratio = bigMs / smallMs;
    console.log(`  compose (queries + rules + Block Kit), median of ${ROUNDS}:`);
    console.log(`    only the week's ${SMALL.actions.toLocaleString('en-US')} actions stored: ${smallMs.toFixed(1)} ms`);
    console.log(`    ${BIG.actions.toLocaleString('en-US')} actions over two years:        ${bigMs.toFixed(1)} ms`);
    console.log(`    ratio ${ratio.toFixed(2)}× (target ≤ ${TARGET_RATIO}×): ${ratio <= TARGET_RATIO ? 'PASS' : 'FAIL'}`);

    const renders: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const started = performance.now();
      const png = await renderChart(big.digest.chart);
      renders.push(performance.now() - started);
      if (png.subarray(1, 4).toString('latin1') !== 'PNG') return false;
    }
    console.log(`  chart render (Vega-Lite → SVG → PNG), median of 5: ${median(renders).toFixed(0)} ms (first: ${renders[0]!.toFixed(0)} ms)`);
    return ok;
  } finally {
    await bench.drop();
  }

  /** Oldest first, as they would have been logged: a week's actions sit together in the table, as in real use. */
  async function seed(loader: Kysely<any>, team: { team: string; actions: number; days: number }): Promise<void> {
    const tactics = allTactics();
    const values = sql.join(tactics.map((t, i) => sql`(${i}::int, ${t.id}::text, ${t.goal}::text, ${t.channel}::text, ${sql.val(t.units as string[])}::text[])`));
    const chunk = 200_000;
    for (let start = 0; start < team.actions; start += chunk) {
      const end = Math.min(team.actions, start + chunk);
      await sql`
        insert into actions (team_id, user_id, tactic_id, goal, channel, counts, occurred_on, story, story_consent, source, idempotency_key)
        select ${team.team}::text, 'U' || (i % ${PEOPLE}::int), t.id, t.goal, t.channel,
               (select jsonb_object_agg(u, (i % 7) + 1) from unnest(t.units) as u),
               ${WEEK_END}::date - ${team.days - 1}::int + (i::bigint * ${team.days}::int / ${team.actions}::int)::int,
               case when i % 400 = 0 then 'A story of the week: a neighbour signed up after a long talk.' end,
               i % 400 = 0, 'command', ${team.team}::text || ':' || i
        from generate_series(${start}::int, ${end - 1}::int) as i
        join (values ${values}) as t(idx, id, goal, channel, units) on t.idx = i % ${tactics.length}::int`.execute(loader);
    }
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
