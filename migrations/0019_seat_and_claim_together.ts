import { sql, type Kysely } from 'kysely';
import { up as seatFirst } from './0018_claim_seat_first.js';

/**
 * signup_take_seat as 0018 made it, with fewer statements between the person's lock and the answer. Measured
 * in-server (one session, 20,000 claims each committed, `perform` in a loop): 0018's call cost about 108 µs a
 * claim, of which the team read, the person's-own-seat lookup and a separate executor for the claim insert were
 * some 11 µs; every statement in plpgsql is an executor set up and torn down, and a lookup is an index
 * descent. Now, under the same advisory lock:
 *  - one statement takes the seat and records the claim: the seat UPDATE in a CTE, the claim upsert selecting
 *    from what it returned (nothing returned, nothing inserted);
 *  - the team is checked in that UPDATE. Written as `(o.team_id = p_team_id) is true` so that it is a filter
 *    and never an index condition: as a plain equality a planner with no figures for the table (a new
 *    install) walks the team's (team_id, kind, starts_at) index instead of reading the one row by primary key;
 *  - one NOT EXISTS asks "does this person hold an open seat that overlaps this shift?". The shift itself is
 *    one of those when they already hold a seat on it (an open shift overlaps itself; CHECK ends_at > starts_at),
 *    so the separate lookup of their own claim is gone. The refusal read still tells the two apart.
 * Same arguments, same JSON answer, same refusal read as 0018; the statement's snapshot is taken after the
 * lock, as before, since it is a statement of its own.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create or replace function signup_take_seat(p_team_id text, p_user_id text, p_opportunity_id bigint, p_now timestamptz)
    returns json
    language plpgsql volatile as $fn$
    #variable_conflict use_column
    declare
      claimed_id bigint;
      refusal json;
    begin
      -- Serializes this person's own claims until the transaction ends: a double click is one claim,
      -- and two overlapping claims at once cannot both pass the clash check.
      perform pg_advisory_xact_lock(hashtextextended('signup:' || p_team_id || ':' || p_user_id, 0));

      -- The seat, under the opportunity's row lock: never more than capacity (and CHECK would refuse it).
      -- The overlap is checked against the row the UPDATE locks, so an edit that moved the start meanwhile is seen.
      with seat as (
        update signup_opportunities o
        set filled = o.filled + 1
        where o.id = p_opportunity_id and (o.team_id = p_team_id) is true
          and o.status = 'open' and o.starts_at > p_now and o.filled < o.capacity
          and not exists (
            select 1
            from signup_claims c
            join signup_opportunities other on other.id = c.opportunity_id
            where c.team_id = p_team_id and c.user_id = p_user_id and c.status in ('seated', 'offered')
              and other.status = 'open' and other.starts_at < o.ends_at and o.starts_at < other.ends_at)
        returning o.id
      )
      -- reminders_from: the reminders still ahead now are the ones this seat is owed (the drain derives them).
      insert into signup_claims as c (opportunity_id, team_id, user_id, status, updated_at, reminders_from)
      select seat.id, p_team_id, p_user_id, 'seated', p_now, p_now from seat
      on conflict (opportunity_id, user_id) do update
        set status = 'seated', waiting_since = null, offer_expires_at = null, removed_by = null,
            updated_at = excluded.updated_at, reminders_from = excluded.reminders_from
      returning c.id into claimed_id;

      if claimed_id is not null then
        return json_build_object('claimed_id', claimed_id);
      end if;

      -- No seat taken: what stood in the way, for takeSeat to answer with (as 0018).
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
      )
      select json_build_object(
        'target', (select json_build_object('status', status, 'starts_at', starts_at, 'ends_at', ends_at) from target),
        'mine_id', (select id from mine),
        'mine_status', (select status from mine),
        'mine_offer_expires_at', (select offer_expires_at from mine),
        'clash_id', clash.id, 'clash_kind', clash.kind, 'clash_starts_at', clash.starts_at, 'clash_ends_at', clash.ends_at,
        'claimed_id', null)
      into refusal
      from (select 1) as one left join clash on true;
      return refusal;
    end
    $fn$`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  // The function exactly as 0018 created it.
  await sql`drop function signup_take_seat(text, text, bigint, timestamptz)`.execute(db);
  await seatFirst(db);
}
