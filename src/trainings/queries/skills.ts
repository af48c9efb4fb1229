/**
 * Skills people have earned (person_skills, migration 0008): at a training when staff mark them as
 * having come, or recorded by staff by hand for someone trained elsewhere. One row per person and
 * skill: earning it again keeps the first row, so withdrawing a training's attendance removes only a
 * skill that training gave, never one staff recorded or another training gave.
 */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { TacticId } from '../../domain/tactics.js';

type Db = Kysely<DB> | Transaction<DB>;

export async function hasSkill(db: Db, teamId: string, userId: string, skill: TacticId): Promise<boolean> {
  const row = await db.selectFrom('person_skills').select('skill').where('team_id', '=', teamId).where('user_id', '=', userId).where('skill', '=', skill).executeTakeFirst();
  return row !== undefined;
}

export interface EarnedSkill {
  skill: TacticId;
  source: 'training' | 'staff';
  earnedAt: Date;
}

export async function skillsOf(db: Db, teamId: string, userId: string): Promise<EarnedSkill[]> {
  const rows = await db.selectFrom('person_skills').select(['skill', 'source', 'earned_at']).where('team_id', '=', teamId).where('user_id', '=', userId).orderBy('earned_at').execute();
  return rows.map((row) => ({ skill: row.skill, source: row.source, earnedAt: row.earned_at }));
}

/** Attending a training earns its skill, unless the person has it already (then the first record stands). */
export async function earnSkillAtTraining(trx: Db, options: { teamId: string; userIds: readonly string[]; skill: TacticId; trainingId: number; recordedBy: string; now: Date }): Promise<void> {
  const { teamId, userIds, skill, trainingId, recordedBy, now } = options;
  if (userIds.length === 0) return;
  await trx
    .insertInto('person_skills')
    .values(userIds.map((userId) => ({ team_id: teamId, user_id: userId, skill, source: 'training' as const, training_id: trainingId, recorded_by: recordedBy, earned_at: now })))
    .onConflict((oc) => oc.columns(['team_id', 'user_id', 'skill']).doNothing())
    .execute();
}

/** Takes back the skill these people earned at this training (and only there). */
export async function forfeitSkillFromTraining(trx: Db, options: { teamId: string; userIds: readonly string[]; skill: TacticId; trainingId: number }): Promise<void> {
  const { teamId, userIds, skill, trainingId } = options;
  if (userIds.length === 0) return;
  await trx
    .deleteFrom('person_skills')
    .where('team_id', '=', teamId)
    .where('user_id', 'in', [...userIds])
    .where('skill', '=', skill)
    .where('source', '=', 'training')
    .where('training_id', '=', trainingId)
    .execute();
}

/** Staff record a skill earned elsewhere; 'already' when the person has it (from anywhere). */
export async function recordSkillByHand(db: Db, options: { teamId: string; userId: string; skill: TacticId; recordedBy: string; now: Date }): Promise<'recorded' | 'already'> {
  const { teamId, userId, skill, recordedBy, now } = options;
  const inserted = await db
    .insertInto('person_skills')
    .values({ team_id: teamId, user_id: userId, skill, source: 'staff', training_id: null, recorded_by: recordedBy, earned_at: now })
    .onConflict((oc) => oc.columns(['team_id', 'user_id', 'skill']).doNothing())
    .returning('skill')
    .executeTakeFirst();
  return inserted ? 'recorded' : 'already';
}
