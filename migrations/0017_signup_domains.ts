import { sql, type Kysely } from 'kysely';

/**
 * The signup tables' one-of-a-list columns (an opportunity's kind, status and minimum role, a claim's
 * status) become domains over text, each with the CHECK its column had, instead of table CHECK
 * constraints. Same values allowed, same text in and out; what changes is when the check costs.
 *
 * PostgreSQL 15 reads a table's CHECK constraints from their stored text again for every INSERT or
 * UPDATE statement that runs (ExecRelCheck parses and prepares each one per executor), and checks every
 * one of them on every row, whatever the row's change. A claim updates its opportunity (six CHECKs) and
 * inserts or updates its claim (four): profiled under the shifts benchmark, that parsing was about a tenth
 * of the server's time per claim. A domain's constraint is compiled once per session (the type cache)
 * and checked only where a value is assigned to the column: the seat UPDATE, which sets `filled` only,
 * no longer checks kind, status and role at all.
 *
 * The CHECKs between columns stay on the tables (a domain sees one value): filled within capacity,
 * capacity above zero, the end after the start, an offer's deadline, a waiting claim's place, attendance
 * only for a seat.
 */
const DOMAINS = [
  { table: 'signup_opportunities', column: 'kind', domain: 'signup_opportunity_kind', values: ['shift', 'training'] },
  { table: 'signup_opportunities', column: 'status', domain: 'signup_opportunity_status', values: ['open', 'cancelled'] },
  { table: 'signup_opportunities', column: 'min_role', domain: 'signup_min_role', values: ['volunteer', 'leader'] },
  { table: 'signup_claims', column: 'status', domain: 'signup_claim_status', values: ['seated', 'offered', 'waiting', 'left'] },
] as const;

const allowed = (values: readonly string[]) => sql.join(values.map((value) => sql.lit(value)));

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const { table, column, domain, values } of DOMAINS) {
    await sql`create domain ${sql.id(domain)} as text constraint ${sql.id(`${domain}_allowed`)} check (value in (${allowed(values)}))`.execute(db);
    await sql`alter table ${sql.id(table)} drop constraint ${sql.id(`${table}_${column}_check`)}`.execute(db);
    await sql`alter table ${sql.id(table)} alter column ${sql.id(column)} type ${sql.id(domain)}`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const { table, column, domain, values } of [...DOMAINS].reverse()) {
    await sql`alter table ${sql.id(table)} alter column ${sql.id(column)} type text`.execute(db);
    await sql`alter table ${sql.id(table)} add constraint ${sql.id(`${table}_${column}_check`)} check (${sql.id(column)} in (${allowed(values)}))`.execute(db);
    await sql`drop domain ${sql.id(domain)}`.execute(db);
  }
}
