/**
 * The staff part of the Home tab lists the team's upcoming trainings with Edit and Cancel, over signed
 * HTTP: each opens the same modal as `/training edit N` / `/training cancel N`; volunteers never see
 * them; a cancellation saved from there takes the training off the Home tabs that showed it.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { useTestApp } from '../../support/harness.js';
import { openedModal, openHome, pressOnHome } from '../../support/home.js';
import { viewSubmission } from '../../support/payloads.js';
import { STAFF, pressInMessage, setUpTeam } from '../../support/shifts.js';
import { scheduleTraining } from '../../support/trainings.js';

const t = useTestApp();
const db = () => t().db.database.db;

beforeEach(async () => {
  await setUpTeam(db());
});

describe("staff Home: the team's upcoming trainings", () => {
  it('lists them with Edit and Cancel for staff, escaped, with seats or no limit, and not for volunteers', async () => {
    const limited = await scheduleTraining(t(), 48, { title: 'Knock school <!here>' });
    const open = await scheduleTraining(t(), 72, { title: 'Phone bank 101', seats: null });
    const home = await openHome(t(), STAFF);
    expect(home).toContain("Team's upcoming trainings");
    expect(home).toContain(`Knock school &lt;!here&gt;* (#${limited})`);
    expect(home).toContain('0 of 10 seats taken');
    expect(home).toContain('0 RSVPed, no seat limit');
    expect(home).toContain(`"action_id":"home_edit_training","text":{"type":"plain_text","text":"Edit"},"value":"${open}"`);
    expect(home).toContain(`"action_id":"home_cancel_training","text":{"type":"plain_text","text":"Cancel"},"style":"danger","value":"${limited}"`);
    const volunteerHome = await openHome(t(), 'U0VOLUNTEER');
    expect(volunteerHome).not.toContain('home_edit_training');
    expect(volunteerHome).not.toContain("Team's upcoming trainings");
  });

  it('Edit opens the edit modal of that training, filled in', async () => {
    const id = await scheduleTraining(t(), 48, { title: 'Evening training' });
    await pressOnHome(t(), 'home_edit_training', String(id));
    const modal = JSON.parse(openedModal(t()));
    expect(modal.callback_id).toBe('training_edit');
    expect(JSON.stringify(modal.blocks)).toContain('"initial_value":"Evening training"');
  });

  it('answers a button value we never wrote in a notice, changing nothing', async () => {
    const id = await scheduleTraining(t(), 48);
    await pressOnHome(t(), 'home_cancel_training', `${id}e0`);
    expect(openedModal(t())).toContain('That button is broken, so nothing changed.');
    expect(await db().selectFrom('signup_opportunities').select('status').where('id', '=', id).executeTakeFirstOrThrow()).toEqual({ status: 'open' });
  });

  it('Cancel opens the confirmation; once confirmed the training leaves the staff Home and the Home of the person who RSVPed', async () => {
    const id = await scheduleTraining(t(), 48, { title: 'Doomed training' });
    await pressInMessage(t(), 'training_rsvp', id, 'U0ANA');
    await openHome(t(), 'U0ANA');
    expect(await openHome(t(), STAFF)).toContain(`Doomed training* (#${id})`);
    await pressOnHome(t(), 'home_cancel_training', String(id));
    const modal = JSON.parse(openedModal(t()));
    expect(modal.callback_id).toBe('training_cancel');
    t().slack.reset();
    const cancelled = await t().interact(viewSubmission({ callbackId: 'training_cancel', viewId: 'V0TCANCELHOME', values: {}, privateMetadata: modal.private_metadata, userId: STAFF }));
    expect(cancelled.json).toBeNull();
    await t().settle();
    const lastHomeOf = (userId: string) => t().slack.callsTo('views.publish').filter((call) => call.args.user_id === userId).map((call) => String(call.args.view)).pop();
    expect(lastHomeOf(STAFF)).toBeDefined();
    expect(lastHomeOf(STAFF)).not.toContain('Doomed training');
    expect(lastHomeOf('U0ANA')).toBeDefined();
    expect(lastHomeOf('U0ANA')).not.toContain('Doomed training');
  });
});
