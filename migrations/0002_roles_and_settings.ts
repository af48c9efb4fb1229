import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Slack's own admin/owner flags, cached from users.info with the time zone. Null means "not read
  // yet" (rows cached before this migration), which the permission check treats as unknown.
  await db.schema
    .alterTable('people')
    .addColumn('is_admin', 'boolean')
    .addColumn('is_owner', 'boolean')
    .execute();

  await db.schema
    .createTable('workspace_settings')
    .addColumn('team_id', 'text', (c) => c.primaryKey())
    .addColumn('digest_channel_id', 'text')
    // 0 = Sunday … 6 = Saturday, as in Date#getUTCDay and src/domain/dates.ts.
    .addColumn('digest_day', 'smallint', (c) => c.check(sql`digest_day between 0 and 6`))
    // A wall-clock time in the team's time zone, "HH:MM" as Slack's timepicker sends it.
    .addColumn('digest_time', 'text', (c) => c.check(sql`digest_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'`))
    .addColumn('time_zone', 'text')
    .addColumn('staff_usergroup_ids', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('leader_usergroup_ids', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    // An emoji name without colons, e.g. "star".
    .addColumn('story_emoji', 'text')
    .addColumn('announcement_channel_id', 'text')
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('role_grants')
    .addColumn('team_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('leader', 'staff', 'admin')`))
    .addColumn('granted_by', 'text', (c) => c.notNull())
    .addColumn('granted_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('role_grants_pkey', ['team_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('usergroup_members')
    .addColumn('team_id', 'text', (c) => c.notNull())
    .addColumn('usergroup_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('refreshed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('usergroup_members_pkey', ['team_id', 'usergroup_id', 'user_id'])
    .execute();
  // The permission check looks a person up by (team, user).
  await db.schema.createIndex('usergroup_members_person').on('usergroup_members').columns(['team_id', 'user_id']).execute();

  // Scheduled work: every instance's cron fires, and the one that inserts (job, period) first runs it.
  await db.schema
    .createTable('job_runs')
    .addColumn('job', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('claimed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('finished_at', 'timestamptz')
    .addPrimaryKeyConstraint('job_runs_pkey', ['job', 'period'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('job_runs').execute();
  await db.schema.dropTable('usergroup_members').execute();
  await db.schema.dropTable('role_grants').execute();
  await db.schema.dropTable('workspace_settings').execute();
  await db.schema.alterTable('people').dropColumn('is_owner').dropColumn('is_admin').execute();
}
