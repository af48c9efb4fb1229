import { sql, type Kysely } from 'kysely';

/**
 * The weekly digest:
 *  - job_runs gets a lease: a claim whose instance died is taken over once `lease_until` has passed,
 *    by the instance whose `owner` token then replaces it; `result` keeps what a run already did
 *    (the channel and ts of the message it posted), so a run taken over finishes without posting twice.
 *  - team_day_totals: each team's actions and unit sums per day and tactic, kept by a trigger on
 *    actions, so eight weeks of a busy team cost a few hundred summary rows to read, not every action.
 *    Reports from concurrent people must not queue on one row, so each (team, day, tactic) is spread
 *    over 4 slices by the action's id; readers add the slices up.
 *  - story_nominations: messages nominated with the story emoji; one row per message, so the author
 *    is asked once however many people react.
 */

/** The unit ids of src/domain/tactics.ts when this migration was written (a migration never changes). */
const UNIT_COLUMNS = [
  'doors', 'conversations', 'signups', 'signatures', 'messages', 'posts', 'letters', 'calls',
  'attendees', 'hours', 'organizations', 'allies', 'contributors', 'press_hits', 'trainings',
] as const;

const SLICES = 4;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('job_runs')
    .addColumn('owner', 'text')
    .addColumn('lease_until', 'timestamptz')
    .addColumn('result', 'jsonb')
    .execute();

  let table = db.schema
    .createTable('team_day_totals')
    .addColumn('team_id', 'text', (c) => c.notNull())
    .addColumn('day', 'date', (c) => c.notNull())
    .addColumn('tactic_id', 'text', (c) => c.notNull())
    .addColumn('slice', 'smallint', (c) => c.notNull())
    .addColumn('goal', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('actions', 'integer', (c) => c.notNull().defaultTo(0));
  // integer, not bigint: sum(integer) is a bigint, while sum(bigint) is a numeric, several times slower to add up.
  for (const unit of UNIT_COLUMNS) table = table.addColumn(unit, 'integer', (c) => c.notNull().defaultTo(0));
  await table.addPrimaryKeyConstraint('team_day_totals_pkey', ['team_id', 'day', 'tactic_id', 'slice']).execute();

  const amount = (record: 'new' | 'old', unit: string) => `coalesce((${record}.counts ->> '${unit}')::integer, 0)`;
  const columns = UNIT_COLUMNS.join(', ');
  await sql
    .raw(
      `create function team_day_totals_follow() returns trigger
      language plpgsql as $$
      begin
        if tg_op in ('DELETE', 'UPDATE') then
          update team_day_totals
             set actions = actions - 1, ${UNIT_COLUMNS.map((u) => `${u} = ${u} - ${amount('old', u)}`).join(', ')}
           where team_id = old.team_id and day = old.occurred_on and tactic_id = old.tactic_id and slice = old.id % ${SLICES};
        end if;
        if tg_op in ('INSERT', 'UPDATE') then
          insert into team_day_totals as t (team_id, day, tactic_id, slice, goal, channel, actions, ${columns})
          values (new.team_id, new.occurred_on, new.tactic_id, new.id % ${SLICES}, new.goal, new.channel, 1, ${UNIT_COLUMNS.map((u) => amount('new', u)).join(', ')})
          on conflict (team_id, day, tactic_id, slice)
          do update set actions = t.actions + 1, ${UNIT_COLUMNS.map((u) => `${u} = t.${u} + excluded.${u}`).join(', ')};
        end if;
        return null;
      end
      $$`,
    )
    .execute(db);
  await sql`
    create trigger actions_follow_team_days
    after insert or delete or update of team_id, occurred_on, tactic_id, counts on actions
    for each row execute function team_day_totals_follow()`.execute(db);

  // Actions logged before this migration.
  await fillTeamDayTotals(db);

  // The week's stories: a handful of rows among thousands of actions.
  await sql`create index actions_team_day_stories on actions (team_id, occurred_on) where story is not null and story_consent`.execute(db);

  await db.schema
    .createTable('story_nominations')
    .addColumn('team_id', 'text', (c) => c.notNull())
    .addColumn('channel_id', 'text', (c) => c.notNull())
    .addColumn('message_ts', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull())
    .addColumn('nominated_by', 'text', (c) => c.notNull())
    .addColumn('nominated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('asked').check(sql`status in ('asked', 'allowed', 'declined')`))
    .addColumn('decided_at', 'timestamptz')
    // Filled only once the author allowed quoting: what they wrote, as Slack sent it, and its permalink.
    .addColumn('text', 'text')
    .addColumn('permalink', 'text')
    .addPrimaryKeyConstraint('story_nominations_pkey', ['team_id', 'channel_id', 'message_ts'])
    .execute();
  await db.schema.createIndex('story_nominations_allowed').on('story_nominations').columns(['team_id', 'decided_at']).where(sql.ref('status'), '=', 'allowed').execute();
}

/**
 * Adds up every action into team_day_totals (which must be empty): the backfill above, and what the
 * digest benchmark runs after loading a million actions with triggers off.
 */
export async function fillTeamDayTotals(db: Kysely<any>): Promise<void> {
  const columns = UNIT_COLUMNS.join(', ');
  await sql
    .raw(
      `insert into team_day_totals (team_id, day, tactic_id, slice, goal, channel, actions, ${columns})
      select team_id, occurred_on, tactic_id, id % ${SLICES}, min(goal), min(channel), count(*),
             ${UNIT_COLUMNS.map((u) => `sum(coalesce((counts ->> '${u}')::integer, 0))`).join(', ')}
      from actions group by team_id, occurred_on, tactic_id, id % ${SLICES}`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('story_nominations').execute();
  await sql`drop index actions_team_day_stories`.execute(db);
  await sql`drop trigger actions_follow_team_days on actions`.execute(db);
  await sql`drop function team_day_totals_follow()`.execute(db);
  await db.schema.dropTable('team_day_totals').execute();
  await db.schema.alterTable('job_runs').dropColumn('result').dropColumn('lease_until').dropColumn('owner').execute();
}
