import { sql, type Kysely } from 'kysely';

/**
 * A claim in one round trip. Before this, takeSeat was a transaction of five or six round trips
 * (BEGIN, the person's advisory lock, the seat statement, the queued messages, COMMIT); now the common
 * case is one autocommit `select * from signup_take_seat(…)`.
 *
 *  - signup_queue_seat_messages: the DMs a seat owes its holder (the reminders still ahead and the
 *    report-back ask), upserted so that a key dropped earlier (the person left) is owed again and a
 *    key sent or perhaps sent never is. The one implementation: queueSeatMessages (edits, confirmed
 *    offers) calls it too. The reminder leads come from REMINDER_LEADS in signup-rules.ts.
 *    (Dropped by migration 0014: the drain derives a seat's messages when they come due, and
 *    signup_take_seat records reminders_from instead.)
 *  - signup_take_seat: the person's advisory lock, then one statement that reads their claim and any
 *    clashing seat, takes a seat with UPDATE … WHERE filled < capacity when nothing stands in the way
 *    and records the claim, then the seat's messages. It returns what it read, so takeSeat can answer
 *    every other outcome (full, clash, already …) as before.
 *
 * Why a plpgsql function and not one SQL statement: under READ COMMITTED a statement's snapshot is
 * taken when it starts, so a statement that waited on pg_advisory_xact_lock would not see the claim the
 * same person's other request committed meanwhile (a second seat, or a missed clash). In a volatile
 * plpgsql function each statement takes a fresh snapshot, so the seat statement runs after the lock
 * and sees it. The lock lasts until the caller's transaction ends: the autocommit select's, or the
 * explicit one takeSeat falls back to for the waitlist.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function signup_queue_seat_messages(
      p_claim_id bigint, p_team_id text, p_user_id text, p_opportunity_id bigint,
      p_starts_at timestamptz, p_ends_at timestamptz, p_now timestamptz,
      p_reminder_leads text[], p_reminder_lead_ms bigint[]
    ) returns void
    -- plpgsql, not sql: PostgreSQL 15 plans a sql function's INSERT afresh on every call (about 1 ms
    -- here), while plpgsql keeps the plan for the session.
    language plpgsql volatile as $fn$
    begin
      insert into signup_outbox as o (team_id, opportunity_id, claim_id, user_id, kind, dedupe_key, due_at, details)
      select p_team_id, p_opportunity_id, p_claim_id, p_user_id, 'reminder',
             -- The key names the start it counts down to, in ms since the epoch (as Date.getTime()).
             'reminder:' || lead.id || ':' || p_claim_id || ':' || floor(extract(epoch from p_starts_at) * 1000)::bigint,
             p_starts_at - lead.ms * interval '1 millisecond',
             jsonb_build_object('lead', lead.id, 'startsAt', to_char(p_starts_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
      from unnest(p_reminder_leads, p_reminder_lead_ms) as lead(id, ms)
      -- Only the reminders still ahead: someone claiming 30 minutes before the start knows already.
      where p_starts_at - lead.ms * interval '1 millisecond' > p_now
      union all
      select p_team_id, p_opportunity_id, p_claim_id, p_user_id, 'report_back', 'report_back:' || p_claim_id, p_ends_at, '{}'::jsonb
      on conflict (team_id, dedupe_key) do update
        set status = 'pending', due_at = excluded.due_at, claimed_until = null, finished_at = null, note = null
        where o.status = 'dropped' or (o.status = 'pending' and o.claimed_until is null);
    end
    $fn$`.execute(db);

  await sql`
    create function signup_take_seat(
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
      claimed as (
        insert into signup_claims (opportunity_id, team_id, user_id, status, updated_at)
        select id, p_team_id, p_user_id, 'seated', p_now from taken
        on conflict (opportunity_id, user_id) do update
          set status = 'seated', waiting_since = null, offer_expires_at = null, removed_by = null, updated_at = excluded.updated_at
        returning id
      )
      select
        (select json_build_object('status', status, 'starts_at', starts_at, 'ends_at', ends_at) from target) as target,
        (select id from mine) as mine_id,
        (select status from mine) as mine_status,
        (select offer_expires_at from mine) as mine_offer_expires_at,
        clash.id as clash_id, clash.kind as clash_kind, clash.starts_at as clash_starts_at, clash.ends_at as clash_ends_at,
        (select id from claimed) as claimed_id,
        (select starts_at from target) as starts_at,
        (select ends_at from target) as ends_at
      into seat
      from (select 1) as one left join clash on true;

      if seat.claimed_id is not null then
        perform signup_queue_seat_messages(seat.claimed_id, p_team_id, p_user_id, p_opportunity_id, seat.starts_at, seat.ends_at, p_now, p_reminder_leads, p_reminder_lead_ms);
      end if;

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
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop function signup_take_seat(text, text, bigint, timestamptz, text[], bigint[])`.execute(db);
  await sql`drop function signup_queue_seat_messages(bigint, text, text, bigint, timestamptz, timestamptz, timestamptz, text[], bigint[])`.execute(db);
}
