/**
 * The plans PostgreSQL really used for a statement, including those of the statements run inside the
 * functions it calls: EXPLAIN of `select * from record_report(…)` shows only a Function Scan, so the
 * statement is run on a connection of its own with auto_explain logging every nested plan back to the
 * client (client_min_messages = log). `generic: true` makes every plan inside a generic one, as a session
 * gets once a statement has run a few times. PostgreSQL only (PGlite has no auto_explain loaded).
 */
import type { CompiledQuery } from 'kysely';
import pg from 'pg';

export interface NestedPlanOptions {
  /** Force generic plans (plan_cache_mode = force_generic_plan), as a long-lived session ends up with. */
  generic?: boolean;
  /** EXPLAIN ANALYZE: rows read per node. */
  analyze?: boolean;
  /** Run the statement this many times on the same connection; the plans of the last run are returned. */
  runs?: number;
}

/** Every plan auto_explain logged for the last run of `query`, innermost first, as text. */
export async function nestedPlans(url: string, query: CompiledQuery, options: NestedPlanOptions = {}): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let plans: string[] = [];
  client.on('notice', (notice) => {
    if (notice.message?.startsWith('duration:')) plans.push(notice.message);
  });
  try {
    await client.query(`load 'auto_explain'`);
    await client.query(`set auto_explain.log_min_duration = 0`);
    await client.query(`set auto_explain.log_nested_statements = on`);
    await client.query(`set auto_explain.log_analyze = ${options.analyze ? 'on' : 'off'}`);
    await client.query(`set plan_cache_mode = ${options.generic ? 'force_generic_plan' : 'auto'}`);
    await client.query(`set client_min_messages = log`);
    for (let run = 0; run < (options.runs ?? 1); run += 1) {
      plans = [];
      await client.query(query.sql, [...query.parameters]);
    }
    return plans;
  } finally {
    await client.end();
  }
}
