import { sql, type Kysely } from 'kysely';

/**
 * Skills a person has earned, by tactic: the trainings feature records one when staff mark someone
 * as having attended a training for that tactic (source 'training', linked to the training), or when
 * staff record a skill earned elsewhere by hand (source 'staff'). A shift may require a skill before
 * it can be claimed; the engagement ladder and segments read skills too.
 *  - one row per (team, person, skill): earning it again keeps the first row, so the table stays a set;
 *  - training_id goes null if the training is ever deleted (the skill was still earned).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('person_skills')
    .addColumn('team_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('skill', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('training', 'staff')`))
    .addColumn('training_id', 'integer', (c) => c.references('signup_opportunities.id').onDelete('set null'))
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('earned_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('person_skills_pkey', ['team_id', 'user_id', 'skill'])
    .execute();
  // "Who has this skill" (segments by skill, a training's graduates).
  await db.schema.createIndex('person_skills_by_skill').on('person_skills').columns(['team_id', 'skill']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('person_skills').execute();
}
