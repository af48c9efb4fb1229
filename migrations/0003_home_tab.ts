import { sql, type Kysely } from 'kysely';

/**
 * For the App Home tab:
 *  - action_totals: all-time totals per person and goal × channel cell, kept by PostgreSQL itself: a
 *    trigger on actions adds each insert and subtracts each delete in the same transaction, whichever
 *    code path wrote it. The home reads a person's all-time impact from at most six rows here instead
 *    of adding up their whole history (5,000 actions took ~10 ms to total; six rows take ~0.1 ms).
 *  - home_tabs: who has opened the Home tab, so a report refreshes the home only of people who have
 *    one to keep fresh (opening it always publishes a fresh one).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('home_tabs')
    .addColumn('team_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('first_opened_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('home_tabs_pkey', ['team_id', 'user_id'])
    .execute();
  await createActionTotals(db);
}

/** action_totals, its trigger, and its rows for the actions already logged (also 0004's way back down). */
export async function createActionTotals(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('action_totals')
    .addColumn('team_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('goal', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('actions', 'integer', (c) => c.notNull().check(sql`actions >= 0`))
    // Unit → sum, e.g. {"doors": 400, "conversations": 120}; units whose sum is 0 are left out.
    .addColumn('counts', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addPrimaryKeyConstraint('action_totals_pkey', ['team_id', 'user_id', 'goal', 'channel'])
    .execute();

  // totals + sign × delta, unit by unit.
  await sql`
    create function action_totals_add(totals jsonb, delta jsonb, sign integer) returns jsonb
    language sql immutable as $$
      select coalesce(jsonb_object_agg(key, amount), '{}'::jsonb)
      from (
        select key, sum(amount) as amount
        from (
          select key, value::bigint as amount from jsonb_each_text(totals)
          union all
          select key, sign * value::bigint from jsonb_each_text(delta)
        ) as parts
        group by key
      ) as sums
      where amount <> 0
    $$`.execute(db);

  await sql`
    create function action_totals_follow() returns trigger
    language plpgsql as $$
    begin
      if tg_op in ('DELETE', 'UPDATE') then
        update action_totals
           set actions = actions - 1, counts = action_totals_add(counts, old.counts, -1)
         where team_id = old.team_id and user_id = old.user_id and goal = old.goal and channel = old.channel;
      end if;
      if tg_op in ('INSERT', 'UPDATE') then
        insert into action_totals as t (team_id, user_id, goal, channel, actions, counts)
        values (new.team_id, new.user_id, new.goal, new.channel, 1, action_totals_add('{}', new.counts, 1))
        on conflict (team_id, user_id, goal, channel)
        do update set actions = t.actions + 1, counts = action_totals_add(t.counts, excluded.counts, 1);
      end if;
      return null;
    end
    $$`.execute(db);

  await sql`
    create trigger actions_follow_totals
    after insert or delete or update of team_id, user_id, goal, channel, counts on actions
    for each row execute function action_totals_follow()`.execute(db);

  // Actions logged before this migration.
  await sql`
    insert into action_totals (team_id, user_id, goal, channel, actions, counts)
    select cells.team_id, cells.user_id, cells.goal, cells.channel, cells.actions, coalesce(units.counts, '{}'::jsonb)
    from (
      select team_id, user_id, goal, channel, count(*)::int as actions
      from actions group by team_id, user_id, goal, channel
    ) as cells
    left join (
      select team_id, user_id, goal, channel, jsonb_object_agg(key, amount) as counts
      from (
        select a.team_id, a.user_id, a.goal, a.channel, kv.key, sum(kv.value::bigint) as amount
        from actions as a, jsonb_each_text(a.counts) as kv
        group by a.team_id, a.user_id, a.goal, a.channel, kv.key
      ) as sums
      where amount <> 0
      group by team_id, user_id, goal, channel
    ) as units using (team_id, user_id, goal, channel)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger actions_follow_totals on actions`.execute(db);
  await sql`drop function action_totals_follow()`.execute(db);
  await sql`drop function action_totals_add(jsonb, jsonb, integer)`.execute(db);
  await db.schema.dropTable('action_totals').execute();
  await db.schema.dropTable('home_tabs').execute();
}
