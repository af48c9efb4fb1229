/**
 * The staff report on trainings: per training, its RSVPs, attendance as marked, and how many of the
 * people who came went on to use the skill within 30 days of it: held a seat on a shift that needs
 * that skill (any shift, for phone banking: shifts are phone banks), or logged that tactic themselves.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { SKILL_USE_WINDOW_DAYS, type TrainingTally } from '../training-rules.js';
import type { Training } from './trainings.js';

export interface TrainingReportRow extends TrainingTally {
  training: Training;
}

/** Trainings that started in the last `days` days or are still ahead, soonest first, at most `limit` (or the one training `opportunityId`). */
export async function trainingReport(db: Kysely<DB>, teamId: string, options: { now: Date; days: number; limit: number; opportunityId?: number }): Promise<TrainingReportRow[]> {
  const since = new Date(options.now.getTime() - options.days * 86_400_000);
  const window = sql.raw(`interval '${SKILL_USE_WINDOW_DAYS} days'`);
  const rows = await db
    .selectFrom('signup_opportunities as o')
    .innerJoin('trainings as t', 't.opportunity_id', 'o.id')
    .selectAll('o')
    .select(['t.title', 't.format', 't.skill', 't.location', 't.description', 't.unlimited'])
    .select([
      sql<number>`(select count(*)::int from signup_claims c where c.opportunity_id = o.id and c.status in ('seated', 'offered') and not c.walked_in)`.as('rsvps'),
      sql<number>`(select count(*)::int from signup_claims c where c.opportunity_id = o.id and c.status = 'seated' and c.attended is not null)`.as('marked'),
      sql<number>`(select count(*)::int from signup_claims c where c.opportunity_id = o.id and c.status = 'seated' and c.attended)`.as('came'),
      sql<number>`(
        select count(*)::int from signup_claims c
        where c.opportunity_id = o.id and c.status = 'seated' and c.attended
          and (
            exists (
              select 1 from actions a
              where a.team_id = o.team_id and a.user_id = c.user_id and a.tactic_id = t.skill and a.source <> 'training'
                and a.occurred_on >= (o.starts_at at time zone 'UTC')::date
                and a.occurred_on <= ((o.ends_at + ${window}) at time zone 'UTC')::date
            )
            or exists (
              select 1 from signup_claims sc
              join signup_opportunities so on so.id = sc.opportunity_id and so.kind = 'shift' and so.status = 'open'
              join shifts s on s.opportunity_id = so.id
              where sc.team_id = o.team_id and sc.user_id = c.user_id and sc.status = 'seated'
                and (s.required_skill = t.skill or t.skill = 'phone_bank')
                and so.starts_at >= o.ends_at and so.starts_at < o.ends_at + ${window}
            )
          )
      )`.as('used_skill'),
    ])
    .where('o.team_id', '=', teamId)
    .where('o.kind', '=', 'training')
    .where('o.status', '=', 'open')
    .$if(options.opportunityId === undefined, (qb) => qb.where('o.starts_at', '>=', since))
    .$if(options.opportunityId !== undefined, (qb) => qb.where('o.id', '=', options.opportunityId!))
    .orderBy('o.starts_at')
    .limit(options.limit)
    .execute();
  return rows.map(({ title, format, skill, location, description, unlimited, rsvps, marked, came, used_skill, ...opportunity }) => ({
    training: { opportunity, details: { title, format, skill, location, description, unlimited } },
    rsvps,
    marked,
    came,
    usedSkill: used_skill,
  }));
}
