import { sql, type Kysely } from 'kysely';

/**
 * The engagement ladder, segments, crossover invitations and each person's control of their data:
 *  - person_activity: one row per person with their offline and online action counts and the first and
 *    last day they acted, kept by a trigger on actions like the other summaries (migration 0004), so
 *    every segment's count is one pass over one row per person, however long the history.
 *  - invitation_opt_outs: people who said `/groundwork stop-invites`; batch invitations skip them.
 *  - invitations and invitation_recipients: a batch invitation from a segment to one signup opportunity
 *    (a shift or a training) and one row per person it is owed to, UNIQUE per (invitation, person), sent
 *    with a lease like the signup outbox: a row is DMed at most once, whatever stops half way.
 *  - leader_snoozes: staff snoozed a person in the weekly leader-spotting DM until a day.
 *  - leader_asks: a next ask staff took from that DM ("lead a training", "host"), once per person, ask and week.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('person_activity')
    .addColumn('team_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('offline_actions', 'integer', (c) => c.notNull().defaultTo(0).check(sql`offline_actions >= 0`))
    .addColumn('online_actions', 'integer', (c) => c.notNull().defaultTo(0).check(sql`online_actions >= 0`))
    .addColumn('first_on', 'date')
    .addColumn('last_on', 'date')
    .addPrimaryKeyConstraint('person_activity_pkey', ['team_id', 'user_id'])
    .execute();

  // Adding is arithmetic; taking away may move the first or last day, read again from the person's own
  // actions through the (team, person, day) index.
  await sql`
    create function person_activity_apply(action actions, sign integer) returns void
    language plpgsql as $$
    begin
      if sign > 0 then
        insert into person_activity as t (team_id, user_id, offline_actions, online_actions, first_on, last_on)
        values (action.team_id, action.user_id,
                case when action.channel = 'offline' then 1 else 0 end,
                case when action.channel = 'online' then 1 else 0 end,
                action.occurred_on, action.occurred_on)
        on conflict (team_id, user_id) do update set
          offline_actions = t.offline_actions + excluded.offline_actions,
          online_actions = t.online_actions + excluded.online_actions,
          first_on = least(t.first_on, excluded.first_on),
          last_on = greatest(t.last_on, excluded.last_on);
      else
        update person_activity set
          offline_actions = offline_actions - case when action.channel = 'offline' then 1 else 0 end,
          online_actions = online_actions - case when action.channel = 'online' then 1 else 0 end,
          first_on = (select min(occurred_on) from actions a where a.team_id = action.team_id and a.user_id = action.user_id and a.id <> action.id),
          last_on = (select max(occurred_on) from actions a where a.team_id = action.team_id and a.user_id = action.user_id and a.id <> action.id)
        where team_id = action.team_id and user_id = action.user_id;
      end if;
    end
    $$`.execute(db);
  await sql`
    create function person_activity_follow() returns trigger
    language plpgsql as $$
    begin
      if tg_op in ('DELETE', 'UPDATE') then perform person_activity_apply(old, -1); end if;
      if tg_op in ('INSERT', 'UPDATE') then perform person_activity_apply(new, 1); end if;
      return null;
    end
    $$`.execute(db);
  await sql`
    create trigger actions_follow_person_activity
    after insert or delete or update of team_id, user_id, channel, occurred_on on actions
    for each row execute function person_activity_follow()`.execute(db);
  await fillPersonActivity(db);

  await db.schema
    .createTable('invitation_opt_outs')
    .addColumn('team_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('opted_out_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('invitation_opt_outs_pkey', ['team_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('invitations')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('team_id', 'text', (c) => c.notNull())
    .addColumn('opportunity_id', 'bigint', (c) => c.notNull().references('signup_opportunities.id').onDelete('cascade'))
    .addColumn('segment', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    // The preview modal's view id: sending twice from one preview creates one invitation.
    .addColumn('idempotency_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('invitations_idempotency_key', ['team_id', 'idempotency_key'])
    .execute();

  await db.schema
    .createTable('invitation_recipients')
    .addColumn('invitation_id', 'bigint', (c) => c.notNull().references('invitations.id').onDelete('cascade'))
    .addColumn('team_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending').check(sql`status in ('pending', 'sent', 'skipped', 'failed', 'uncertain')`))
    // Set while one sender DMs this person; a lease that ran out with no ts recorded means "may have gone out".
    .addColumn('claimed_until', 'timestamptz')
    .addColumn('message_ts', 'text')
    .addColumn('finished_at', 'timestamptz')
    .addColumn('note', 'text')
    .addPrimaryKeyConstraint('invitation_recipients_pkey', ['invitation_id', 'user_id'])
    .execute();
  await db.schema.createIndex('invitation_recipients_pending').on('invitation_recipients').columns(['invitation_id']).where(sql.ref('status'), '=', 'pending').execute();
  await db.schema.createIndex('invitation_recipients_person').on('invitation_recipients').columns(['team_id', 'user_id']).execute();

  await db.schema
    .createTable('leader_snoozes')
    .addColumn('team_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('until', 'date', (c) => c.notNull())
    .addColumn('snoozed_by', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('leader_snoozes_pkey', ['team_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('leader_asks')
    .addColumn('team_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('ask', 'text', (c) => c.notNull().check(sql`ask in ('lead_training', 'host')`))
    // The Monday of the week the leader-spotting DM was about: a second click that week asks nobody again.
    .addColumn('week', 'date', (c) => c.notNull())
    .addColumn('asked_by', 'text', (c) => c.notNull())
    .addColumn('asked_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('leader_asks_pkey', ['team_id', 'user_id', 'ask', 'week'])
    .execute();
}

/** Adds up every action into person_activity (which must be empty): the backfill above, and the segments benchmark's bulk load. */
export async function fillPersonActivity(db: Kysely<any>): Promise<void> {
  await sql`
    insert into person_activity (team_id, user_id, offline_actions, online_actions, first_on, last_on)
    select team_id, user_id, count(*) filter (where channel = 'offline'), count(*) filter (where channel = 'online'),
           min(occurred_on), max(occurred_on)
    from actions group by team_id, user_id`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('leader_asks').execute();
  await db.schema.dropTable('leader_snoozes').execute();
  await db.schema.dropTable('invitation_recipients').execute();
  await db.schema.dropTable('invitations').execute();
  await db.schema.dropTable('invitation_opt_outs').execute();
  await sql`drop trigger actions_follow_person_activity on actions`.execute(db);
  await sql`drop function person_activity_follow()`.execute(db);
  await sql`drop function person_activity_apply(actions, integer)`.execute(db);
  await db.schema.dropTable('person_activity').execute();
}
