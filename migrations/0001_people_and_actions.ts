import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('people')
    .addColumn('team_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('refreshed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('people_pkey', ['team_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('actions')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('team_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('tactic_id', 'text', (c) => c.notNull())
    .addColumn('goal', 'text', (c) => c.notNull().check(sql`goal in ('recruit', 'engage', 'campaign')`))
    .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel in ('offline', 'online')`))
    .addColumn('counts', 'jsonb', (c) => c.notNull().check(sql`jsonb_typeof(counts) = 'object'`))
    .addColumn('occurred_on', 'date', (c) => c.notNull())
    .addColumn('place', 'text')
    .addColumn('note', 'text')
    .addColumn('story', 'text')
    .addColumn('story_consent', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('command', 'modal')`))
    .addColumn('idempotency_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('actions_idempotency_key', ['team_id', 'idempotency_key'])
    .execute();

  // Per-person weekly totals and the home tab read by (team, user, day).
  await db.schema.createIndex('actions_person_day').on('actions').columns(['team_id', 'user_id', 'occurred_on']).execute();
  // Team-wide weekly digests read by (team, day).
  await db.schema.createIndex('actions_team_day').on('actions').columns(['team_id', 'occurred_on']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('actions').execute();
  await db.schema.dropTable('people').execute();
}
