/**
 * Builds the staff modals with what they need from the database and Slack: the shift modal (in the
 * team's zone, offering an announcement channel), and for an existing shift the edit, cancel and
 * roster modals, or the plain reason why not (no such shift, cancelled, started).
 */
import type { ModalView } from '@slack/types';
import { rosterOf, type Roster } from '../signups/queries/claims.js';
import type { SignupDeps } from '../signups/deliver-outbox.js';
import { schedulingContext } from '../signups/scheduling-context.js';
import { COMMANDS } from '../slack/ids.js';
import { findShift, type Shift } from './queries.js';
import { displayTimeZone } from '../team/time-zone.js';
import { cancelShiftModal } from './views/cancel-shift-modal.js';
import type { ManagePurpose } from './views/pick-shift-modal.js';
import { rosterModal } from './views/roster-modal.js';
import { shiftModal } from './views/shift-modal.js';

export async function shiftModalView(
  deps: SignupDeps,
  options: { teamId: string; userId: string; mode: 'new' | 'edit'; existing?: Shift; channelId?: string; responseUrl?: string },
): Promise<ModalView> {
  const { teamId, userId, mode, existing, channelId, responseUrl } = options;
  const { timeZone, zoneNote, announce } = await schedulingContext(deps, { teamId, userId, mode, ...(channelId ? { channelId } : {}), noun: 'shift', findCommand: COMMANDS.shifts });
  return shiftModal({
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

export type ManageView = { ok: true; view: ModalView } | { ok: false; text: string };

/** The edit, cancel or roster modal of shift `shiftId`, or why there is none. */
export async function manageView(deps: SignupDeps, options: { teamId: string; userId: string; purpose: ManagePurpose; shiftId: number; now: Date; responseUrl?: string }): Promise<ManageView> {
  const { db } = deps;
  const { teamId, userId, purpose, shiftId, now, responseUrl } = options;
  const shift = await findShift(db, teamId, shiftId);
  if (!shift) return { ok: false, text: `There is no shift #${shiftId} here. \`${COMMANDS.shift} ${purpose}\` without a number lists the upcoming ones.` };
  if (purpose === 'roster') {
    return { ok: true, view: rosterModal({ shift, roster: await rosterOf(db, shiftId), timeZone: await displayTimeZone(db, teamId), now }) };
  }
  if (shift.opportunity.status === 'cancelled') return { ok: false, text: `Shift #${shiftId} was cancelled already, so there is nothing to ${purpose}.` };
  if (now.getTime() >= shift.opportunity.starts_at.getTime()) return { ok: false, text: `Shift #${shiftId} has already started, so it can't be ${purpose === 'edit' ? 'edited' : 'cancelled'} any more.` };
  if (purpose === 'edit') return { ok: true, view: await shiftModalView(deps, { teamId, userId, mode: 'edit', existing: shift, ...(responseUrl ? { responseUrl } : {}) }) };
  const roster = await rosterOf(db, shiftId);
  return { ok: true, view: cancelShiftModal({ shift, people: peopleOn(roster), timeZone: await displayTimeZone(db, teamId), ...(responseUrl ? { responseUrl } : {}) }) };
}

function peopleOn(roster: Roster): number {
  return roster.seated.length + roster.offered.length + roster.waiting.length;
}
