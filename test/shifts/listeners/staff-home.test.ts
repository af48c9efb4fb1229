/**
 * The staff part of the Home tab lists the team's upcoming shifts with Edit and Cancel, over signed
 * HTTP: each opens the same modal as `/shift edit N` / `/shift cancel N`; volunteers never see them.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { useTestApp } from '../../support/harness.js';
import { blockAction } from '../../support/payloads.js';
import { STAFF, scheduleShift, setUpTeam } from '../../support/shifts.js';
import { appHomeOpenedEvent, eventBody, eventHeaders } from '../../support/slack-request.js';

const t = useTestApp();
const db = () => t().db.database.db;

beforeEach(async () => {
  await setUpTeam(db());
});

async function openHome(userId: string): Promise<string> {
  t().slack.reset();
  const body = eventBody(appHomeOpenedEvent(userId));
  expect((await t().post(body, eventHeaders(body))).status).toBe(200);
  const [published] = await t().slack.waitFor('views.publish');
  return String(published?.args.view);
}

const pressOnHome = async (actionId: string, value: string, userId = STAFF) => {
  t().slack.reset();
  await t().interact(blockAction({ actionId, value, userId, view: { id: 'V0HOME', hash: 'h0', callbackId: '', privateMetadata: '', type: 'home' } }));
  await t().settle();
};

/** What the modal opened by a Home button finally shows (opened, then filled in). */
const openedModal = () => {
  const updates = t().slack.callsTo('views.update');
  return String(updates[updates.length - 1]?.args.view ?? t().slack.callsTo('views.open')[0]?.args.view);
};

describe("staff Home: the team's upcoming shifts", () => {
  it('lists them with Edit and Cancel for staff, escaped, and not for volunteers', async () => {
    const id = await scheduleShift(t(), 48, { title: 'Levy calls <!here> *now*' });
    const home = await openHome(STAFF);
    expect(home).toContain("Team's upcoming shifts");
    expect(home).toContain(`Levy calls &lt;!here&gt; *\u200Bnow*\u200B* (#${id})`);
    expect(home).toContain('0 of 10 seats taken');
    expect(home).toContain(`"action_id":"home_edit_shift","text":{"type":"plain_text","text":"Edit"},"value":"${id}"`);
    expect(home).toContain(`"action_id":"home_cancel_shift","text":{"type":"plain_text","text":"Cancel"},"style":"danger","value":"${id}"`);
    const volunteerHome = await openHome('U0VOLUNTEER');
    expect(volunteerHome).not.toContain('home_edit_shift');
    expect(volunteerHome).not.toContain("Team's upcoming shifts");
  });

  it('leaves out shifts that have started, which can no longer change', async () => {
    const id = await scheduleShift(t(), 48);
    await db().updateTable('signup_opportunities').set({ starts_at: new Date(Date.now() - 60_000) }).where('id', '=', id).execute();
    expect(await openHome(STAFF)).not.toContain('home_edit_shift');
  });

  it('Edit opens the edit modal of that shift, filled in', async () => {
    const id = await scheduleShift(t(), 48, { title: 'Evening calls' });
    await pressOnHome('home_edit_shift', String(id));
    const modal = JSON.parse(openedModal());
    expect(modal.callback_id).toBe('shift_edit');
    expect(JSON.parse(modal.private_metadata).opportunityId).toBe(id);
    expect(JSON.stringify(modal.blocks)).toContain('"initial_value":"Evening calls"');
  });

  it('Cancel opens the cancel confirmation of that shift', async () => {
    const id = await scheduleShift(t(), 48);
    await pressOnHome('home_cancel_shift', String(id));
    const modal = JSON.parse(openedModal());
    expect(modal.callback_id).toBe('shift_cancel');
    expect(JSON.parse(modal.private_metadata).opportunityId).toBe(id);
  });

  it.each([
    ['a shift that was cancelled meanwhile', 'cancelled', 'was cancelled already, so there is nothing to cancel'],
    ['a button value we never wrote', `broken`, 'That button is broken, so nothing changed.'],
  ])('answers %s in a notice', async (_name, how, words) => {
    const id = await scheduleShift(t(), 48);
    if (how === 'cancelled') await db().updateTable('signup_opportunities').set({ status: 'cancelled' }).where('id', '=', id).execute();
    await pressOnHome('home_cancel_shift', how === 'cancelled' ? String(id) : `${id}e0`);
    expect(openedModal()).toContain(words);
  });
});
