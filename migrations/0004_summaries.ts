import { sql, type Kysely } from 'kysely';
import * as homeTab from './0003_home_tab.js';

/**
 * Summaries that make every read of totals cost the same however long the history:
 *  - person_week_totals: per person, Monday-week of the day the action happened (a calendar day, so the
 *    key does not depend on anyone's time zone) and tactic: actions and one integer column per unit.
 *  - person_totals: the same, all time. Replaces action_totals (migration 0003), whose trigger did jsonb
 *    arithmetic in plpgsql.
 * One trigger keeps both in step with every insert, delete and (key-changing) update of actions, in the
 * same transaction, whichever code path wrote it. The unit columns are the unit ids of the tactic catalog
 * as they were when this migration was written; a unit added later adds its column in a migration of
 * its own (test/db/summaries.test.ts fails until it does).
 *  - held_reports: a report that repeats one the same person made minutes ago is held, not stored, until
 *    they say whether it is a second session (see src/logging/queries.ts).
 */
const UNIT_COLUMNS = [
  'doors', 'conversations', 'signups', 'signatures', 'messages', 'posts', 'letters', 'calls',
  'attendees', 'hours', 'organizations', 'allies', 'contributors', 'press_hits', 'trainings',
] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  const unitColumnsDdl = UNIT_COLUMNS.map((unit) => `${unit} integer not null default 0`).join(',\n      ');
  await sql.raw(`
    create table person_week_totals (
      team_id text not null,
      user_id text not null,
      week_start date not null check (extract(isodow from week_start) = 1),
      tactic_id text not null,
      goal text not null,
      channel text not null,
      actions integer not null check (actions >= 0),
      ${unitColumnsDdl},
      primary key (team_id, user_id, week_start, tactic_id)
    )`).execute(db);
  // The staff view and the digest read a whole team's week.
  await sql`create index person_week_totals_team_week on person_week_totals (team_id, week_start)`.execute(db);
  await sql.raw(`
    create table person_totals (
      team_id text not null,
      user_id text not null,
      tactic_id text not null,
      goal text not null,
      channel text not null,
      actions integer not null check (actions >= 0),
      ${unitColumnsDdl},
      primary key (team_id, user_id, tactic_id)
    )`).execute(db);

  // sign = 1 adds an action to both summaries (creating its rows), -1 takes it away from the rows it added to.
  const amounts = UNIT_COLUMNS.map((unit) => `coalesce((action.counts ->> '${unit}')::integer, 0)`);
  const columns = ['actions', ...UNIT_COLUMNS].join(', ');
  const added = ['actions', ...UNIT_COLUMNS].map((column) => `${column} = t.${column} + excluded.${column}`).join(', ');
  const taken = ['actions = actions - 1', ...UNIT_COLUMNS.map((unit, i) => `${unit} = ${unit} - ${amounts[i]}`)].join(', ');
  await sql.raw(`
    create function action_summaries_apply(action actions, sign integer) returns void
    language plpgsql as $$
    begin
      if sign > 0 then
        insert into person_week_totals as t (team_id, user_id, week_start, tactic_id, goal, channel, ${columns})
        values (action.team_id, action.user_id, date_trunc('week', action.occurred_on)::date, action.tactic_id,
                action.goal, action.channel, 1, ${amounts.join(', ')})
        on conflict (team_id, user_id, week_start, tactic_id) do update set ${added};
        insert into person_totals as t (team_id, user_id, tactic_id, goal, channel, ${columns})
        values (action.team_id, action.user_id, action.tactic_id, action.goal, action.channel, 1, ${amounts.join(', ')})
        on conflict (team_id, user_id, tactic_id) do update set ${added};
      else
        update person_week_totals set ${taken}
        where team_id = action.team_id and user_id = action.user_id
          and week_start = date_trunc('week', action.occurred_on)::date and tactic_id = action.tactic_id;
        update person_totals set ${taken}
        where team_id = action.team_id and user_id = action.user_id and tactic_id = action.tactic_id;
      end if;
    end
    $$`).execute(db);
  await sql`
    create function action_summaries_follow() returns trigger
    language plpgsql as $$
    begin
      if tg_op in ('DELETE', 'UPDATE') then perform action_summaries_apply(old, -1); end if;
      if tg_op in ('INSERT', 'UPDATE') then perform action_summaries_apply(new, 1); end if;
      return null;
    end
    $$`.execute(db);
  await sql`
    create trigger actions_follow_summaries
    after insert or delete or update of team_id, user_id, tactic_id, goal, channel, counts, occurred_on on actions
    for each row execute function action_summaries_follow()`.execute(db);

  // Actions logged before this migration.
  const sumsOfUnits = UNIT_COLUMNS.map((unit) => `sum(coalesce((counts ->> '${unit}')::integer, 0))`).join(', ');
  await sql.raw(`
    insert into person_week_totals (team_id, user_id, week_start, tactic_id, goal, channel, ${columns})
    select team_id, user_id, date_trunc('week', occurred_on)::date, tactic_id, min(goal), min(channel), count(*), ${sumsOfUnits}
    from actions group by team_id, user_id, date_trunc('week', occurred_on)::date, tactic_id`).execute(db);
  await sql.raw(`
    insert into person_totals (team_id, user_id, tactic_id, goal, channel, ${columns})
    select team_id, user_id, tactic_id, min(goal), min(channel), count(*), ${sumsOfUnits}
    from actions group by team_id, user_id, tactic_id`).execute(db);

  await sql`drop trigger actions_follow_totals on actions`.execute(db);
  await sql`drop function action_totals_follow()`.execute(db);
  await sql`drop function action_totals_add(jsonb, jsonb, integer)`.execute(db);
  await db.schema.dropTable('action_totals').execute();

  await db.schema
    .createTable('held_reports')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('team_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    // The key the report would have been stored under; keeping it makes "record it too" land once.
    .addColumn('idempotency_key', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('draft', 'jsonb', (c) => c.notNull())
    .addColumn('earlier_action_id', 'bigint', (c) => c.references('actions.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('held_reports_idempotency_key', ['team_id', 'idempotency_key'])
    .execute();
  // The duplicate check walks one person's reports of one day, newest first.
  await sql`create index actions_person_day_created on actions (team_id, user_id, occurred_on, created_at)`.execute(db);
  await sql`drop index actions_person_day`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`create index actions_person_day on actions (team_id, user_id, occurred_on)`.execute(db);
  await sql`drop index actions_person_day_created`.execute(db);
  await db.schema.dropTable('held_reports').execute();
  await sql`drop trigger actions_follow_summaries on actions`.execute(db);
  await sql`drop function action_summaries_follow()`.execute(db);
  await sql`drop function action_summaries_apply(actions, integer)`.execute(db);
  await db.schema.dropTable('person_totals').execute();
  await db.schema.dropTable('person_week_totals').execute();
  // Rebuilds 0003's all-time totals from the actions.
  await homeTab.createActionTotals(db);
}
