/**
 * Builds the staff modals with what they need from the database and Slack: the training modal (in
 * the team's zone, offering an announcement channel), and for an existing training the edit, cancel
 * and attendance modals, or the plain reason why not (no such training, cancelled, started, not yet).
 */
import type { ModalView } from '@slack/types';
import { rosterOf } from '../signups/queries/claims.js';
import type { SignupDeps } from '../signups/deliver-outbox.js';
import { schedulingContext } from '../signups/scheduling-context.js';
import { COMMANDS } from '../slack/ids.js';
import { displayTimeZone } from '../team/time-zone.js';
import { canMarkAttendance } from '../signups/attendance-rules.js';
import { trainingReport } from './queries/report.js';
import { findTraining, type Training } from './queries/trainings.js';
import { attendanceModal } from './views/attendance-modal.js';
import { cancelTrainingModal } from './views/cancel-training-modal.js';
import { trainingModal } from './views/training-modal.js';

export async function trainingModalView(
  deps: SignupDeps,
  options: { teamId: string; userId: string; mode: 'new' | 'edit'; existing?: Training; channelId?: string; responseUrl?: string },
): Promise<ModalView> {
  const { teamId, userId, mode, existing, channelId, responseUrl } = options;
  const { timeZone, zoneNote, announce } = await schedulingContext(deps, { teamId, userId, mode, ...(channelId ? { channelId } : {}), noun: 'training', findCommand: COMMANDS.trainings });
  return trainingModal({
    mode,
    timeZone,
    zoneNote,
    ...(announce ? { announce } : {}),
    ...(existing ? { existing } : {}),
    metadata: {
      timeZone,
      ...(responseUrl ? { responseUrl } : {}),
      ...(announce ? { announceChannelId: announce.channelId } : {}),
      ...(existing ? { opportunityId: existing.opportunity.id } : {}),
    },
  });
}

export type ManageTrainingPurpose = 'edit' | 'cancel' | 'attendance';
export type ManageTrainingView = { ok: true; view: ModalView } | { ok: false; text: string };

/** The edit, cancel or attendance modal of training `trainingId`, or why there is none. */
export async function manageTrainingView(
  deps: SignupDeps,
  options: { teamId: string; userId: string; purpose: ManageTrainingPurpose; trainingId: number; now: Date; responseUrl?: string; notice?: string },
): Promise<ManageTrainingView> {
  const { db } = deps;
  const { teamId, userId, purpose, trainingId, now, responseUrl } = options;
  const training = await findTraining(db, teamId, trainingId);
  if (!training) return { ok: false, text: `There is no training #${trainingId} here. \`${COMMANDS.training} list\` shows the trainings and their numbers.` };
  if (training.opportunity.status === 'cancelled') return { ok: false, text: `Training #${trainingId} was cancelled, so there is nothing to ${purpose === 'attendance' ? 'mark' : purpose}.` };
  if (purpose === 'attendance') {
    if (!canMarkAttendance(training.opportunity, now)) return { ok: false, text: `Training #${trainingId} hasn't started yet; mark attendance once it has.` };
    return { ok: true, view: await attendanceView(deps, training, now, options.notice) };
  }
  if (now.getTime() >= training.opportunity.starts_at.getTime()) return { ok: false, text: `Training #${trainingId} has already started, so it can't be ${purpose === 'edit' ? 'edited' : 'cancelled'} any more.` };
  if (purpose === 'edit') return { ok: true, view: await trainingModalView(deps, { teamId, userId, mode: 'edit', existing: training, ...(responseUrl ? { responseUrl } : {}) }) };
  const roster = await rosterOf(db, trainingId);
  const people = roster.seated.length + roster.offered.length + roster.waiting.length;
  return { ok: true, view: cancelTrainingModal({ training, people, timeZone: await displayTimeZone(db, teamId), ...(responseUrl ? { responseUrl } : {}) }) };
}

/** The attendance modal with the current seats and numbers. */
export async function attendanceView(deps: SignupDeps, training: Training, now: Date, notice?: string): Promise<ModalView> {
  const { db } = deps;
  const teamId = training.opportunity.team_id;
  const [roster, [tally], timeZone] = await Promise.all([
    rosterOf(db, training.opportunity.id),
    trainingReport(db, teamId, { now, days: 0, limit: 1, opportunityId: training.opportunity.id }),
    displayTimeZone(db, teamId),
  ]);
  const numbers = tally ?? { rsvps: 0, marked: 0, came: 0, usedSkill: 0 };
  return attendanceModal({ training, seated: roster.seated, tally: numbers, timeZone, ...(notice ? { notice } : {}) });
}
