/**
 * A training's announcement in the announcement channel: posted once when it is scheduled, then
 * rebuilt from the database and replaced in place (chat.update) after every change, so whichever
 * instance made the change, the message shows the current RSVPs.
 */
import { rosterOf } from '../signups/queries/claims.js';
import { setAnnouncement } from '../signups/queries/opportunities.js';
import type { SignupDeps } from '../signups/deliver-outbox.js';
import { displayTimeZone } from '../team/time-zone.js';
import { findTraining, type Training } from './queries/trainings.js';
import { trainingAnnouncement } from './views/announcement.js';

/** Posts the announcement and remembers its ts; returns the Slack error code when Slack refused. */
export async function postTrainingAnnouncement(deps: SignupDeps, training: Training, channelId: string, now: Date): Promise<{ ok: true } | { ok: false; error: string }> {
  const { db, client } = deps;
  const [roster, timeZone] = await Promise.all([rosterOf(db, training.opportunity.id), displayTimeZone(db, training.opportunity.team_id)]);
  try {
    const posted = await client.chat.postMessage({ channel: channelId, ...trainingAnnouncement({ ...training, roster, timeZone, now }) });
    if (posted.ts) await setAnnouncement(db, training.opportunity.id, channelId, posted.ts);
    return { ok: true };
  } catch (error) {
    return { ok: false, error: (error as { data?: { error?: string } }).data?.error ?? String(error) };
  }
}

/** Brings the announcement up to date; a failure is logged (the next change or the job tries again), never thrown. */
export async function refreshTrainingAnnouncement(deps: SignupDeps, opportunityId: number, now: Date): Promise<void> {
  const { db, client, logger } = deps;
  try {
    const opportunity = await db.selectFrom('signup_opportunities').select(['team_id', 'announcement_channel_id', 'announcement_ts']).where('id', '=', opportunityId).executeTakeFirst();
    if (!opportunity?.announcement_channel_id || !opportunity.announcement_ts) return;
    const training = await findTraining(db, opportunity.team_id, opportunityId);
    if (!training) return;
    const [roster, timeZone] = await Promise.all([rosterOf(db, opportunityId), displayTimeZone(db, opportunity.team_id)]);
    await client.chat.update({ channel: opportunity.announcement_channel_id, ts: opportunity.announcement_ts, ...trainingAnnouncement({ ...training, roster, timeZone, now }) });
  } catch (error) {
    logger.warn(`Could not update the announcement of training ${opportunityId}: ${String(error)}`);
  }
}
