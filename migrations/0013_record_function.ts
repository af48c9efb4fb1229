import { sql, type Kysely } from 'kysely';

/**
 * Recording a report becomes `select * from record_report(…)`: the same one statement as before (look for a
 * repeat, hold it back or insert it once per key, read the person's week as it was before, and whether they
 * have a Home tab), moved into a plpgsql function so that its plan is kept for the session instead of made
 * anew on every report. Planning that statement (three CTEs, six subqueries) cost 0.22–0.52 ms of the
 * database's 1.1–1.3 ms per report, more than the insert itself; on the embedded database it runs on the
 * app's own thread.
 *
 * Why a kept plan is safe here: PostgreSQL keeps a generic plan once it is no worse than the first five
 * custom ones, and keeps it until the tables' statistics change. A generic plan made while the tables are
 * small (a new team, a new embedded database, which never analyzes) would read small tables sequentially,
 * and keep doing so as they grow. `set enable_seqscan = off` on the function makes every plan made inside it
 * use an index wherever one answers the lookup, whatever the tables' size or statistics then: each lookup
 * here is by a unique key or by the leading columns of an index (test/logging/summaries.test.ts checks the
 * function's own plans, custom and generic, on empty and on large tables).
 *
 * A volatile plpgsql function takes a fresh snapshot per statement; this one has a single statement, so, as
 * before, everything it reads is as it was before this report: `week` is the week before it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function record_report(
      p_team_id text, p_user_id text, p_tactic_id text, p_goal text, p_channel text, p_counts jsonb,
      p_occurred_on date, p_place text, p_note text, p_story text, p_story_consent boolean, p_source text,
      p_key text, p_draft jsonb, p_check_repeats boolean, p_repeat_window_minutes integer, p_week_start date
    ) returns table (inserted_id bigint, existing_id bigint, held_id bigint, earlier json, home_opened boolean, week json)
    language plpgsql volatile
    set enable_seqscan = off
    as $fn$
    #variable_conflict use_column
    declare
      result record;
    begin
      -- repeat_of compares exactly the leading columns of actions_person_day_repeat (migration 0012), so it
      -- reads only true repeats, not the person's other reports of the last minutes.
      with repeat_of as (
        select id, occurred_on, created_at, place, note
        from actions
        where p_check_repeats
          and team_id = p_team_id and user_id = p_user_id and occurred_on = p_occurred_on
          and created_at > now() - make_interval(mins => p_repeat_window_minutes)
          and tactic_id = p_tactic_id and counts = p_counts and idempotency_key <> p_key
          and not exists (select 1 from actions where team_id = p_team_id and idempotency_key = p_key)
        order by created_at desc
        limit 1
      ),
      held_row as (
        insert into held_reports (team_id, user_id, idempotency_key, source, draft, earlier_action_id)
        select p_team_id, p_user_id, p_key, p_source, p_draft, id from repeat_of
        on conflict (team_id, idempotency_key) do update set earlier_action_id = excluded.earlier_action_id
        returning id
      ),
      inserted_row as (
        insert into actions (team_id, user_id, tactic_id, goal, channel, counts, occurred_on, place, note, story, story_consent, source, idempotency_key)
        select p_team_id, p_user_id, p_tactic_id, p_goal, p_channel, p_counts, p_occurred_on,
               p_place, p_note, p_story, p_story_consent, p_source, p_key
        where not exists (select 1 from repeat_of)
        on conflict (team_id, idempotency_key) do nothing
        returning id
      )
      select
        (select id from inserted_row) as inserted,
        (select id from actions where team_id = p_team_id and idempotency_key = p_key) as existing,
        (select id from held_row) as held,
        (select row_to_json(r) from repeat_of as r) as repeated,
        exists (select 1 from home_tabs where team_id = p_team_id and user_id = p_user_id) as has_home,
        -- Whole rows: the reader takes goal, channel, actions and the unit columns, whichever units exist.
        (select coalesce(json_agg(w), '[]'::json) from (
          select * from person_week_totals
          where team_id = p_team_id and user_id = p_user_id and week_start = p_week_start
        ) as w) as week_rows
      into result;

      inserted_id := result.inserted;
      existing_id := result.existing;
      held_id := result.held;
      earlier := result.repeated;
      home_opened := result.has_home;
      week := result.week_rows;
      return next;
    end
    $fn$`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop function record_report(text, text, text, text, text, jsonb, date, text, text, text, boolean, text, text, jsonb, boolean, integer, date)`.execute(db);
}
