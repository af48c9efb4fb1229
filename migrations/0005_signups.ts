import { sql, type Kysely } from 'kysely';

/**
 * The signup engine (src/signups) and phone-bank shifts (src/shifts) on top of it:
 *  - signup_opportunities: anything people take a seat at (a shift now, a training next). `filled`
 *    counts the seats held (claims 'seated' or 'offered'); CHECK keeps it within `capacity`, and a
 *    claim takes a seat with one conditional UPDATE … WHERE filled < capacity.
 *  - signup_claims: one row per person and opportunity (UNIQUE), whose status moves between
 *    seated, offered (a freed seat held for them until offer_expires_at), waiting and left.
 *  - signup_outbox: every DM the engine owes someone (reminders, offers, change and cancel notices,
 *    report-back asks), written in the same transaction as the change that owes it and sent by the
 *    signups job with a lease, so each goes out once across instances and crashes. (Since 0014 a
 *    seat's reminders and report-back ask are written by the drain when they come due instead.)
 *  - shifts: what only a phone bank has (title, target, where, script).
 * Also widens actions.source for actions recorded from a shift's report-back (and a training's attendance).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('signup_opportunities')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('team_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('shift', 'training')`))
    .addColumn('starts_at', 'timestamptz', (c) => c.notNull())
    .addColumn('ends_at', 'timestamptz', (c) => c.notNull())
    .addColumn('capacity', 'integer', (c) => c.notNull().check(sql`capacity > 0`))
    .addColumn('filled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('min_role', 'text', (c) => c.notNull().check(sql`min_role in ('volunteer', 'leader')`))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open').check(sql`status in ('open', 'cancelled')`))
    // Bumped by every edit, so each edit's notices have their own key and go out once.
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('announcement_channel_id', 'text')
    .addColumn('announcement_ts', 'text')
    // Set once the announcement has been marked over, so the job updates it once.
    .addColumn('announcement_closed', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_by', 'text', (c) => c.notNull())
    // The modal's view id: a double submit schedules one opportunity.
    .addColumn('idempotency_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('signup_opportunities_filled_within_capacity', sql`filled >= 0 and filled <= capacity`)
    .addCheckConstraint('signup_opportunities_ends_after_start', sql`ends_at > starts_at`)
    .addUniqueConstraint('signup_opportunities_idempotency_key', ['team_id', 'idempotency_key'])
    .execute();
  await db.schema.createIndex('signup_opportunities_upcoming').on('signup_opportunities').columns(['team_id', 'kind', 'starts_at']).execute();

  await db.schema
    .createTable('signup_claims')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('opportunity_id', 'bigint', (c) => c.notNull().references('signup_opportunities.id').onDelete('cascade'))
    .addColumn('team_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('seated', 'offered', 'waiting', 'left')`))
    // The waitlist's order: when the person joined it.
    .addColumn('waiting_since', 'timestamptz')
    .addColumn('offer_expires_at', 'timestamptz')
    .addColumn('removed_by', 'text')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('signup_claims_one_per_person', ['opportunity_id', 'user_id'])
    .addCheckConstraint('signup_claims_offer_has_deadline', sql`(status = 'offered') = (offer_expires_at is not null)`)
    .addCheckConstraint('signup_claims_waiting_has_place', sql`status <> 'waiting' or waiting_since is not null`)
    .execute();
  // A person's own claims (clash check, Home tab) and each opportunity's waitlist in order.
  await db.schema.createIndex('signup_claims_person').on('signup_claims').columns(['team_id', 'user_id', 'status']).execute();
  await db.schema.createIndex('signup_claims_waitlist').on('signup_claims').columns(['opportunity_id', 'status', 'waiting_since', 'id']).execute();
  await db.schema.createIndex('signup_claims_offers').on('signup_claims').columns(['offer_expires_at']).where(sql.ref('status'), '=', 'offered').execute();

  await db.schema
    .createTable('signup_outbox')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('team_id', 'text', (c) => c.notNull())
    .addColumn('opportunity_id', 'bigint', (c) => c.notNull().references('signup_opportunities.id').onDelete('cascade'))
    .addColumn('claim_id', 'bigint', (c) => c.references('signup_claims.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('reminder', 'offer', 'changed', 'cancelled', 'removed', 'report_back')`))
    // What makes a message owed once: e.g. "reminder:24h:<claim>:<start>", "changed:<opportunity>:<version>:<user>".
    .addColumn('dedupe_key', 'text', (c) => c.notNull())
    .addColumn('due_at', 'timestamptz', (c) => c.notNull())
    // Facts the message was owed for (the start a reminder counts down to, the offer's deadline …).
    .addColumn('details', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending').check(sql`status in ('pending', 'sent', 'dropped', 'uncertain', 'failed')`))
    // Set while one instance sends it; a lease that ran out with no ts recorded means "may have gone out".
    .addColumn('claimed_until', 'timestamptz')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('message_ts', 'text')
    .addColumn('finished_at', 'timestamptz')
    .addColumn('note', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('signup_outbox_dedupe_key', ['team_id', 'dedupe_key'])
    .execute();
  await db.schema.createIndex('signup_outbox_due').on('signup_outbox').columns(['due_at']).where(sql.ref('status'), '=', 'pending').execute();

  await db.schema
    .createTable('shifts')
    .addColumn('opportunity_id', 'bigint', (c) => c.primaryKey().references('signup_opportunities.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('target', 'text')
    .addColumn('location', 'text', (c) => c.notNull())
    .addColumn('script_url', 'text')
    .execute();

  await sql`alter table actions drop constraint actions_source_check`.execute(db);
  await sql`alter table actions add constraint actions_source_check check (source in ('command', 'modal', 'shift', 'training'))`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table actions drop constraint actions_source_check`.execute(db);
  await sql`alter table actions add constraint actions_source_check check (source in ('command', 'modal'))`.execute(db);
  await db.schema.dropTable('shifts').execute();
  await db.schema.dropTable('signup_outbox').execute();
  await db.schema.dropTable('signup_claims').execute();
  await db.schema.dropTable('signup_opportunities').execute();
}
