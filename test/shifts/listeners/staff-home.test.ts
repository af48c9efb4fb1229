/**
 * The staff part of the Home tab lists the team's upcoming shifts with Edit and Cancel, over signed
 * HTTP: each opens the same modal as `/shift edit N` / `/shift cancel N`; volunteers never see them.
 * Once an edit or a cancellation is saved, the Home tabs showing that shift are published again.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { useTestApp } from '../../support/harness.js';
import { openedModal, openHome, pressOnHome } from '../../support/home.js';
import { viewSubmission } from '../../support/payloads.js';
import { STAFF, TEAM, localIn, pressInMessage, scheduleShift, setUpTeam, shiftState } from '../../support/shifts.js';

const t = useTestApp();
const db = () => t().db.database.db;

beforeEach(async () => {
  await setUpTeam(db());
});

describe("staff Home: the team's upcoming shifts", () => {
  it('lists them with Edit and Cancel for staff, escaped, and not for volunteers', async () => {
    const id = await scheduleShift(t(), 48, { title: 'Levy calls <!here> *now*' });
    const home = await openHome(t(), STAFF);
    expect(home).toContain("Team's upcoming shifts");
    expect(home).toContain(`Levy calls &lt;!here&gt; *\u200Bnow*\u200B* (#${id})`);
    expect(home).toContain('0 of 10 seats taken');
    expect(home).toContain(`"action_id":"home_edit_shift","text":{"type":"plain_text","text":"Edit"},"value":"${id}"`);
    expect(home).toContain(`"action_id":"home_cancel_shift","text":{"type":"plain_text","text":"Cancel"},"style":"danger","value":"${id}"`);
    const volunteerHome = await openHome(t(), 'U0VOLUNTEER');
    expect(volunteerHome).not.toContain('home_edit_shift');
    expect(volunteerHome).not.toContain("Team's upcoming shifts");
  });

  it('leaves out shifts that have started, which can no longer change', async () => {
    const id = await scheduleShift(t(), 48);
    await db().updateTable('signup_opportunities').set({ starts_at: new Date(Date.now() - 60_000) }).where('id', '=', id).execute();
    expect(await openHome(t(), STAFF)).not.toContain('home_edit_shift');
  });

  it('Edit opens the edit modal of that shift, filled in', async () => {
    const id = await scheduleShift(t(), 48, { title: 'Evening calls' });
    await pressOnHome(t(), 'home_edit_shift', String(id));
    const modal = JSON.parse(openedModal(t()));
    expect(modal.callback_id).toBe('shift_edit');
    expect(JSON.parse(modal.private_metadata).opportunityId).toBe(id);
    expect(JSON.stringify(modal.blocks)).toContain('"initial_value":"Evening calls"');
  });

  it('Cancel opens the cancel confirmation of that shift', async () => {
    const id = await scheduleShift(t(), 48);
    await pressOnHome(t(), 'home_cancel_shift', String(id));
    const modal = JSON.parse(openedModal(t()));
    expect(modal.callback_id).toBe('shift_cancel');
    expect(JSON.parse(modal.private_metadata).opportunityId).toBe(id);
  });

  it.each([
    ['a shift that was cancelled meanwhile', 'cancelled', 'was cancelled already, so there is nothing to cancel'],
    ['a button value we never wrote', `broken`, 'That button is broken, so nothing changed.'],
  ])('answers %s in a notice', async (_name, how, words) => {
    const id = await scheduleShift(t(), 48);
    if (how === 'cancelled') await db().updateTable('signup_opportunities').set({ status: 'cancelled' }).where('id', '=', id).execute();
    await pressOnHome(t(), 'home_cancel_shift', how === 'cancelled' ? String(id) : `${id}e0`);
    expect(openedModal(t())).toContain(words);
  });
});

describe('Home tabs after a shift is edited or cancelled', () => {
  const VOLUNTEER = 'U0HOMEVOL';

  /** The last Home published for each person since the reset. */
  const lastHomeOf = (userId: string) => {
    const publishes = t().slack.callsTo('views.publish').filter((call) => call.args.user_id === userId);
    return publishes.length === 0 ? undefined : String(publishes[publishes.length - 1]!.args.view);
  };

  /** A shift the volunteer holds a seat on, with both Home tabs opened (so both are kept fresh). */
  async function shiftOnBothHomes(title: string) {
    const id = await scheduleShift(t(), 48, { title });
    await pressInMessage(t(), 'shift_claim', id, VOLUNTEER);
    await openHome(t(), VOLUNTEER);
    expect(await openHome(t(), STAFF)).toContain(`${title}* (#${id})`);
    t().slack.reset();
    return id;
  }

  it('shows the edit on the Home of the staff member who made it and of the person holding a seat', async () => {
    const id = await shiftOnBothHomes('Morning calls');
    await pressOnHome(t(), 'home_edit_shift', String(id));
    const modal = JSON.parse(openedModal(t()));
    t().slack.reset();
    const saved = await t().interact(
      viewSubmission({ callbackId: 'shift_edit', viewId: 'V0EDITHOME', values: shiftState({ ...localIn(48), title: 'Evening calls', seats: '12' }), privateMetadata: modal.private_metadata, userId: STAFF }),
    );
    expect(saved.json).toBeNull();
    await t().settle();
    const staffHome = lastHomeOf(STAFF);
    expect(staffHome).toContain(`Evening calls* (#${id})`);
    expect(staffHome).toContain('1 of 12 seats taken');
    expect(staffHome).not.toContain('Morning calls');
    const volunteerHome = lastHomeOf(VOLUNTEER);
    expect(volunteerHome).toContain('Your next shifts');
    expect(volunteerHome).toContain(`Evening calls* (#${id})`);
    expect(volunteerHome).not.toContain('Morning calls');
  });

  it('takes a cancelled shift off both Home tabs', async () => {
    const id = await shiftOnBothHomes('Cancelled calls');
    const cancelled = await t().interact(viewSubmission({ callbackId: 'shift_cancel', viewId: 'V0CANCELHOME', values: {}, privateMetadata: JSON.stringify({ opportunityId: id }), userId: STAFF }));
    expect(cancelled.json).toBeNull();
    await t().settle();
    const staffHome = lastHomeOf(STAFF);
    expect(staffHome).toBeDefined();
    expect(staffHome).not.toContain('Cancelled calls');
    expect(staffHome).not.toContain(`"value":"${id}"`);
    const volunteerHome = lastHomeOf(VOLUNTEER);
    expect(volunteerHome).toBeDefined();
    expect(volunteerHome).not.toContain('Cancelled calls');
    expect(volunteerHome).not.toContain('Your next shifts');
  });

  it("shows a cancellation on other staff members' Home tabs too, and leaves alone a volunteer not on the shift", async () => {
    await db().insertInto('role_grants').values({ team_id: TEAM, user_id: 'U0OTHERSTAFF', role: 'staff', granted_by: 'U0ADMIN' }).execute();
    const id = await shiftOnBothHomes('Shared calls');
    expect(await openHome(t(), 'U0OTHERSTAFF')).toContain('Shared calls');
    await openHome(t(), 'U0BYSTANDER');
    t().slack.reset();
    await t().interact(viewSubmission({ callbackId: 'shift_cancel', viewId: 'V0CANCELSHARED', values: {}, privateMetadata: JSON.stringify({ opportunityId: id }), userId: STAFF }));
    await t().settle();
    const otherStaffHome = lastHomeOf('U0OTHERSTAFF');
    expect(otherStaffHome).toBeDefined();
    expect(otherStaffHome).not.toContain('Shared calls');
    expect(lastHomeOf('U0BYSTANDER')).toBeUndefined();
  });

  it('leaves alone the Home of someone on the shift who never opened it', async () => {
    const id = await scheduleShift(t(), 48, { title: 'Quiet calls' });
    await pressInMessage(t(), 'shift_claim', id, 'U0NEVEROPENED');
    await openHome(t(), STAFF);
    t().slack.reset();
    await t().interact(viewSubmission({ callbackId: 'shift_cancel', viewId: 'V0CANCELQUIET', values: {}, privateMetadata: JSON.stringify({ opportunityId: id }), userId: STAFF }));
    await t().settle();
    expect(lastHomeOf(STAFF)).not.toContain('Quiet calls');
    expect(lastHomeOf('U0NEVEROPENED')).toBeUndefined();
  });
});
