import { sql, type Kysely } from 'kysely';

/**
 * Attendance on the signup engine's claims, so a shift (or a training) records who came: staff
 * tick the people holding a seat once it has started; the rest are no-shows.
 *  - attended: null until staff mark it, then true (came) or false (no-show). Only a seat can be
 *    attended (CHECK), so the waitlist and people who left never count towards turnout.
 *  - attendance_marked_by / _at: who marked it last, and when.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('signup_claims')
    .addColumn('attended', 'boolean')
    .addColumn('attendance_marked_by', 'text')
    .addColumn('attendance_marked_at', 'timestamptz')
    .execute();
  await sql`alter table signup_claims add constraint signup_claims_attended_held_a_seat check (attended is null or status = 'seated')`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('signup_claims').dropConstraint('signup_claims_attended_held_a_seat').execute();
  await db.schema.alterTable('signup_claims').dropColumn('attended').dropColumn('attendance_marked_by').dropColumn('attendance_marked_at').execute();
}
