import { sql, type Kysely } from 'kysely';
import * as claimFunction from './0011_claim_function.js';

/**
 * A seat's reminders and report-back ask are no longer written when the seat is taken: the drain
 * (deliverOutbox) derives what every seat owes at that moment and writes only that. A claim wrote three
 * outbox rows (two foreign-key checks and three index entries each), more than half of its server time;
 * the rows a drain writes are the ones about to be sent anyway.
 *
 *  - signup_claims.reminders_from: reminders that come due after this moment are owed to this seat.
 *    Set to the claim's time whenever it becomes seated (a claim, a confirmed offer, a walk-in) and to
 *    the edit's time when an edit moves the start, so someone claiming 30 minutes before the start, or
 *    seated on a shift moved to start in 30 minutes, is owed no late 1-hour reminder. Null owes nothing:
 *    a claim that never held a seat, or the anonymous past seat of someone forgotten (whose report-back
 *    ask must not be derived for an id that leads to no one).
 *    Backfilled for seated claims: their updated_at (when they became seated: later changes to a seat
 *    do not touch it), or the last edit notice they were sent if later — an edit could have moved the
 *    start, and the reminders it did not queue then (already due) must not be derived now.
 *  - signup_take_seat: as in 0011, but it records reminders_from instead of writing outbox rows. Its
 *    signature and result are unchanged (the reminder leads it takes are no longer read), so takeSeat
 *    calls it as before.
 *  - signup_queue_seat_messages is dropped: nothing writes a seat's messages ahead of time any more.
 *  - Indexes on (kind, starts_at) and (kind, ends_at), so the drain reaches the opportunities that can
 *    owe something now (starting within the longest lead, ended within the week) without reading the
 *    history. Led by kind, which the drain always filters on and the claim function never does: partial
 *    indexes on (starts_at) and (ends_at) where status = 'open' were tried first, and a planner without
 *    fresh statistics took them for tiny and walked them through every shift in a claim's clash check
 *    and seat UPDATE (1.8 ms of server CPU a claim instead of 0.4, on 1,000 new shifts). A claim has no
 *    use for an index whose leading column it does not constrain.
 *
 * Rows already pending (queued before this migration) stay as they are and are sent, or dropped, as
 * before; a derived row has the same dedupe key, so nothing is owed twice.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table signup_claims add column reminders_from timestamptz`.execute(db);
  await sql`
    update signup_claims c
    set reminders_from = greatest(c.updated_at, (
      select max(o.created_at) from signup_outbox o where o.claim_id = c.id and o.kind = 'changed'
    ))
    where c.status = 'seated' and c.user_id not like 'forgotten:%'`.execute(db);

  await sql`create index signup_opportunities_kind_starts on signup_opportunities (kind, starts_at)`.execute(db);
  await sql`create index signup_opportunities_kind_ends on signup_opportunities (kind, ends_at)`.execute(db);

  await sql`
    create or replace function signup_take_seat(
      p_team_id text, p_user_id text, p_opportunity_id bigint, p_now timestamptz,
      p_reminder_leads text[], p_reminder_lead_ms bigint[]
    ) returns table (
      target json, mine_id bigint, mine_status text, mine_offer_expires_at timestamptz,
      clash_id bigint, clash_kind text, clash_starts_at timestamptz, clash_ends_at timestamptz,
      claimed_id bigint
    )
    language plpgsql volatile as $fn$
    #variable_conflict use_column
    declare
      seat record;
    begin
      -- Serializes this person's own claims until the transaction ends: a double click is one claim,
      -- and two overlapping claims at once cannot both pass the clash check.
      perform pg_advisory_xact_lock(hashtextextended('signup:' || p_team_id || ':' || p_user_id, 0));

      -- Found by its primary key alone, the team checked after: given the team too, a planner without
      -- fresh statistics may walk the team's (team, kind, starts_at) index through every shift it has.
      with opportunity as materialized (
        select id, team_id, status, starts_at, ends_at from signup_opportunities where id = p_opportunity_id
      ),
      target as (
        select id, status, starts_at, ends_at from opportunity where team_id = p_team_id
      ),
      mine as (
        select id, status, offer_expires_at from signup_claims where opportunity_id = p_opportunity_id and user_id = p_user_id
      ),
      clash as (
        select o.id, o.kind, o.starts_at, o.ends_at
        from signup_claims c
        join signup_opportunities o on o.id = c.opportunity_id
        join target t on o.starts_at < t.ends_at and t.starts_at < o.ends_at and o.id <> t.id
        where c.team_id = p_team_id and c.user_id = p_user_id and c.status in ('seated', 'offered') and o.status = 'open'
        order by o.starts_at
        limit 1
      ),
      -- The seat, under the opportunity's row lock: never more than capacity (and CHECK would refuse it).
      taken as (
        update signup_opportunities
        set filled = filled + 1
        where id = (select id from target) and status = 'open' and starts_at > p_now
          and filled < capacity
          and not exists (select 1 from mine where status in ('seated', 'offered'))
          and not exists (select 1 from clash)
        returning id
      ),
      -- reminders_from: the reminders still ahead now are the ones this seat is owed (the drain derives them).
      claimed as (
        insert into signup_claims (opportunity_id, team_id, user_id, status, updated_at, reminders_from)
        select id, p_team_id, p_user_id, 'seated', p_now, p_now from taken
        on conflict (opportunity_id, user_id) do update
          set status = 'seated', waiting_since = null, offer_expires_at = null, removed_by = null,
              updated_at = excluded.updated_at, reminders_from = excluded.reminders_from
        returning id
      )
      select
        (select json_build_object('status', status, 'starts_at', starts_at, 'ends_at', ends_at) from target) as target,
        (select id from mine) as mine_id,
        (select status from mine) as mine_status,
        (select offer_expires_at from mine) as mine_offer_expires_at,
        clash.id as clash_id, clash.kind as clash_kind, clash.starts_at as clash_starts_at, clash.ends_at as clash_ends_at,
        (select id from claimed) as claimed_id
      into seat
      from (select 1) as one left join clash on true;

      target := seat.target;
      mine_id := seat.mine_id;
      mine_status := seat.mine_status;
      mine_offer_expires_at := seat.mine_offer_expires_at;
      clash_id := seat.clash_id;
      clash_kind := seat.clash_kind;
      clash_starts_at := seat.clash_starts_at;
      clash_ends_at := seat.clash_ends_at;
      claimed_id := seat.claimed_id;
      return next;
    end
    $fn$`.execute(db);

  await sql`drop function signup_queue_seat_messages(bigint, text, text, bigint, timestamptz, timestamptz, timestamptz, text[], bigint[])`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  // Both functions exactly as 0011 created them (its up() creates signup_queue_seat_messages and signup_take_seat).
  await sql`drop function signup_take_seat(text, text, bigint, timestamptz, text[], bigint[])`.execute(db);
  await claimFunction.up(db);
  await sql`drop index signup_opportunities_kind_ends`.execute(db);
  await sql`drop index signup_opportunities_kind_starts`.execute(db);
  await sql`alter table signup_claims drop column reminders_from`.execute(db);
}
