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
 * custom ones, and keeps it until the tables' statistics change; the embedded database never analyzes, and
 * a busy server's connections live for hours. A generic plan is made without the parameters' values and, for
 * a new team or a new embedded database, while the tables are tiny, where every index looks as good as any
 * other and a sequential scan best of all. So every lookup here has exactly one index that answers it, and
 * no other that could stand in for it:
 *  - `set enable_seqscan = off` on the function: no sequential scan of a table that then grows;
 *  - is this key already stored? answered by the insert's own ON CONFLICT on the unique index, never by a
 *    lookup (which could walk any index that leads with team_id: the whole team's reports). When a repeat
 *    was found, the key is looked up too, in the rare path only; the caller looks up a stored key's id;
 *  - the repeat probe matches all leading columns of actions_person_day_repeat;
 *  - person_week_totals gets one index, its primary key, reordered to (team_id, week_start, user_id,
 *    tactic_id): a person's week is its prefix, and so is a team's week (the staff view, the ladder), which
 *    person_week_totals_team_week served; with both, a plan made on a tiny table could read the team's whole
 *    week for every report. Removing a person's rows (forget-me, rare) reads their team's rows.
 * test/logging/summaries.test.ts checks the function's own generic plans, made on tiny tables (analyzed and
 * never analyzed), and on large ones.
 *
 * A volatile plpgsql function takes a fresh snapshot per statement; this one has a single statement, so, as
 * before, everything it reads is as it was before this report: `week` is the week before it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`drop index person_week_totals_team_week`.execute(db);
  await sql`alter table person_week_totals drop constraint person_week_totals_pkey`.execute(db);
  await sql`alter table person_week_totals add constraint person_week_totals_pkey primary key (team_id, week_start, user_id, tactic_id)`.execute(db);
  await sql`
    create function record_report(
      p_team_id text, p_user_id text, p_tactic_id text, p_goal text, p_channel text, p_counts jsonb,
      p_occurred_on date, p_place text, p_note text, p_story text, p_story_consent boolean, p_source text,
      p_key text, p_draft jsonb, p_check_repeats boolean, p_repeat_window_minutes integer, p_week_start date
    ) returns table (inserted_id bigint, held_id bigint, earlier json, home_opened boolean, week json)
    language plpgsql volatile
    set enable_seqscan = off
    as $fn$
    #variable_conflict use_column
    declare
      result record;
    begin
      -- repeat_candidate compares exactly the leading columns of actions_person_day_repeat (migration 0012),
      -- so it reads only true repeats, not the person's other reports of the last minutes.
      with repeat_candidate as (
        select id, occurred_on, created_at, place, note
        from actions
        where p_check_repeats
          and team_id = p_team_id and user_id = p_user_id and occurred_on = p_occurred_on
          and created_at > now() - make_interval(mins => p_repeat_window_minutes)
          and tactic_id = p_tactic_id and counts = p_counts and idempotency_key <> p_key
        order by created_at desc
        limit 1
      ),
      -- A retried request whose report was stored is not a repeat of an earlier one: it is already recorded.
      -- A scalar subquery tied to the candidate row, so it runs only when there is a candidate (rarely);
      -- as NOT EXISTS it became a one-time filter that ran on every report.
      repeat_of as (
        select c.* from repeat_candidate as c
        where (select count(*) from actions as a where a.team_id = p_team_id and a.idempotency_key = p_key and a.id <> c.id) = 0
      ),
      held_row as (
        insert into held_reports (team_id, user_id, idempotency_key, source, draft, earlier_action_id)
        select p_team_id, p_user_id, p_key, p_source, p_draft, id from repeat_of
        on conflict (team_id, idempotency_key) do update set earlier_action_id = excluded.earlier_action_id
        returning id
      ),
      -- Neither inserted nor held: the key was stored before (the caller looks it up).
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
        (select id from held_row) as held,
        (select row_to_json(r) from repeat_of as r) as repeated,
        exists (select 1 from home_tabs where team_id = p_team_id and user_id = p_user_id) as has_home,
        -- Whole rows: the reader takes goal, channel, actions and the unit columns, whichever units exist.
        (select coalesce(json_agg(w), '[]'::json) from (
          select * from person_week_totals
          where team_id = p_team_id and week_start = p_week_start and user_id = p_user_id
        ) as w) as week_rows
      into result;

      inserted_id := result.inserted;
      held_id := result.held;
      earlier := result.repeated;
      home_opened := result.has_home;
      week := result.week_rows;
      return next;
    end
    $fn$`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table person_week_totals drop constraint person_week_totals_pkey`.execute(db);
  await sql`alter table person_week_totals add constraint person_week_totals_pkey primary key (team_id, user_id, week_start, tactic_id)`.execute(db);
  await sql`create index person_week_totals_team_week on person_week_totals (team_id, week_start)`.execute(db);
  await sql`drop function record_report(text, text, text, text, text, jsonb, date, text, text, text, boolean, text, text, jsonb, boolean, integer, date)`.execute(db);
}
