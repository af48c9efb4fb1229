import { sql, type Kysely } from 'kysely';

/**
 * signup_take_seat takes the seat first and reads only when it could not. Until now one statement read
 * everything a refusal needs (the opportunity as JSON, the person's claim, any clashing seat) on every
 * claim, beside the seat UPDATE and the claim upsert in CTEs, and returned all of it: the executor set up
 * and ran some twenty plan nodes a claim. Now, under the same advisory lock:
 *  1. the opportunity is read by primary key alone (the team checked after, as in 0011: given the team
 *     too, a planner without fresh statistics may walk the team's (team, kind, starts_at) index);
 *  2. one UPDATE takes the seat where the opportunity is open, not started, not full, the person holds
 *     no seat on it and no open seat of theirs overlaps it. The overlap is checked against the row the
 *     UPDATE locks (a correlated subquery), so an edit that moved the start meanwhile is seen;
 *  3. when it took one, the claim is upserted (reminders_from = now, as in 0014) and only its id is
 *     returned; otherwise the read of 0014 runs, with no writes, and returns what stood in the way.
 * Same arguments minus the reminder leads (unread since 0014). The result is one JSON object with the
 * fields the table of 0014 had (a claim taken: only claimed_id), so takeSeat decides as before; a scalar
 * result spares the server a table function's result store and the client eight columns to describe
 * and parse on every claim. Measured in `npm run bench -- shifts`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // 0014's six-argument signup_take_seat is left in place: an instance still running the previous release
  // (a rolling upgrade) keeps claiming through it, with the same locks and rules, until it is replaced.
  await sql`
    create function signup_take_seat(p_team_id text, p_user_id text, p_opportunity_id bigint, p_now timestamptz)
    returns json
    language plpgsql volatile as $fn$
    #variable_conflict use_column
    declare
      opportunity_team text;
      claimed_id bigint;
      refusal json;
    begin
      -- Serializes this person's own claims until the transaction ends: a double click is one claim,
      -- and two overlapping claims at once cannot both pass the clash check.
      perform pg_advisory_xact_lock(hashtextextended('signup:' || p_team_id || ':' || p_user_id, 0));

      select o.team_id into opportunity_team from signup_opportunities o where o.id = p_opportunity_id;

      if opportunity_team = p_team_id then
        -- The seat, under the opportunity's row lock: never more than capacity (and CHECK would refuse it).
        update signup_opportunities o
        set filled = o.filled + 1
        where o.id = p_opportunity_id and o.status = 'open' and o.starts_at > p_now and o.filled < o.capacity
          and not exists (
            select 1 from signup_claims mine
            where mine.opportunity_id = p_opportunity_id and mine.user_id = p_user_id and mine.status in ('seated', 'offered'))
          and not exists (
            select 1
            from signup_claims c
            join signup_opportunities other on other.id = c.opportunity_id
            where c.team_id = p_team_id and c.user_id = p_user_id and c.status in ('seated', 'offered')
              and other.status = 'open' and other.starts_at < o.ends_at and o.starts_at < other.ends_at and other.id <> o.id);

        if found then
          -- reminders_from: the reminders still ahead now are the ones this seat is owed (the drain derives them).
          insert into signup_claims as c (opportunity_id, team_id, user_id, status, updated_at, reminders_from)
          values (p_opportunity_id, p_team_id, p_user_id, 'seated', p_now, p_now)
          on conflict (opportunity_id, user_id) do update
            set status = 'seated', waiting_since = null, offer_expires_at = null, removed_by = null,
                updated_at = excluded.updated_at, reminders_from = excluded.reminders_from
          returning c.id into claimed_id;
          return json_build_object('claimed_id', claimed_id);
        end if;
      end if;

      -- No seat taken: what stood in the way, for takeSeat to answer with.
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
  await sql`drop function signup_take_seat(text, text, bigint, timestamptz)`.execute(db);
}
