import { sql, type Kysely } from 'kysely';

/**
 * Trainings on the signup engine (src/trainings), and skills as shift prerequisites:
 *  - trainings: what only a training has, beside its opportunity (like `shifts`): title, format (in
 *    person, webinar, conference call), the skill it prepares for (a tactic id), where (a place or a
 *    link), a description, and whether its seats are unlimited (the opportunity then holds a
 *    capacity no team reaches, so the engine's seat rules stay the same).
 *  - shifts.required_skill: a shift may require a skill; a claim from someone without it is refused.
 *  - signup_claims.walked_in: a seat staff added when marking attendance for someone who came without
 *    claiming one, so a later correction that unticks them gives the seat back instead of counting a no-show.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('trainings')
    .addColumn('opportunity_id', 'bigint', (c) => c.primaryKey().references('signup_opportunities.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull().check(sql`format in ('in_person', 'webinar', 'conference_call')`))
    .addColumn('skill', 'text', (c) => c.notNull())
    .addColumn('location', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('unlimited', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute();
  // "The next training for this skill", named when a claim is refused for want of it.
  await db.schema.createIndex('trainings_by_skill').on('trainings').columns(['skill']).execute();

  await db.schema.alterTable('shifts').addColumn('required_skill', 'text').execute();

  await db.schema.alterTable('signup_claims').addColumn('walked_in', 'boolean', (c) => c.notNull().defaultTo(false)).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('signup_claims').dropColumn('walked_in').execute();
  await db.schema.alterTable('shifts').dropColumn('required_skill').execute();
  await db.schema.dropTable('trainings').execute();
}
