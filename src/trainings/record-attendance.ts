/**
 * Staff save a training's attendance: the engine marks the seats (walk-ins get one), and in the same
 * transaction each person marked as came earns the training's skill and an Engage action (in person:
 * a real-life training, offline; webinar or call: a conference call, online), recorded once per
 * (training, person) through the same recording code as /log-action. Someone who was marked as came
 * and no longer is loses that action and the skill this training gave them, once. Saving the same
 * attendance again changes nothing.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { dateIn } from '../domain/dates.js';
import { recordVouched, withdrawVouched } from '../logging/record-log.js';
import { markAttendance, type AttendanceOutcome } from '../signups/queries/attendance.js';
import { displayTimeZone } from '../team/time-zone.js';
import { earnSkillAtTraining, forfeitSkillFromTraining } from './queries/skills.js';
import type { Training } from './queries/trainings.js';
import { attendanceActionKey, engageActionOf } from './training-rules.js';

export async function saveTrainingAttendance(
  db: Kysely<DB>,
  request: { teamId: string; training: Training; came: readonly string[]; walkIns: readonly string[]; markedBy: string; now: Date },
): Promise<AttendanceOutcome> {
  const { teamId, training, came, walkIns, markedBy, now } = request;
  const { opportunity, details } = training;
  const timeZone = await displayTimeZone(db, teamId);
  const { tacticId, counts } = engageActionOf(details.format, opportunity.starts_at, opportunity.ends_at);
  const draft = {
    tacticId,
    counts,
    occurredOn: dateIn(timeZone, opportunity.starts_at),
    place: null,
    note: `Training #${opportunity.id}: ${details.title}`.slice(0, 500),
    story: null,
    storyConsent: false,
  };
  const skill = { teamId, skill: details.skill, trainingId: opportunity.id };
  return markAttendance(db, {
    teamId,
    opportunityId: opportunity.id,
    came,
    walkIns,
    markedBy,
    now,
    alsoWrite: async (trx, marked) => {
      await earnSkillAtTraining(trx, { ...skill, userIds: marked.cameUserIds, recordedBy: markedBy, now });
      for (const userId of marked.cameUserIds) {
        await recordVouched(trx, draft, { teamId, userId, source: 'training', idempotencyKey: attendanceActionKey(opportunity.id, userId) }, timeZone, now);
      }
      await forfeitSkillFromTraining(trx, { ...skill, userIds: marked.noLongerCameUserIds });
      for (const userId of marked.noLongerCameUserIds) await withdrawVouched(trx, teamId, attendanceActionKey(opportunity.id, userId));
    },
  });
}
