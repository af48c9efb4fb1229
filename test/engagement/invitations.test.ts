/**
 * Crossover invitations from a segment, over signed requests: previewed first, sent once per person,
 * opt-outs respected, conversions shown; and the sender interrupted half way, then resumed, with no
 * second DM to anyone.
 */
import { describe, expect, it } from 'vitest';
import { seedActions } from '../support/digest-week.js';
import { useTestApp } from '../support/harness.js';
import { blockAction, viewSubmission } from '../support/payloads.js';
import { STAFF, pressInMessage, scheduleShift, setUpTeam } from '../support/shifts.js';
import { scheduleTraining } from '../support/trainings.js';

const t = useTestApp();
const db = () => t().db.database.db;

const today = () => new Date().toISOString().slice(0, 10);
/** Online-only people with three petitions this week: the "online-only, ready for an offline ask" segment. */
async function onlineOnly(...userIds: string[]) {
  await seedActions(db(), userIds.flatMap((userId) => [1, 2, 3].map(() => ({ userId, tacticId: 'petition' as const, on: today(), counts: { signatures: 2 } }))));
}

async function openInvite() {
  await t().interact(blockAction({ actionId: 'segment_invite', value: 'online_ready', userId: STAFF, view: { id: 'V0SEG', hash: 'h', callbackId: 'segments', privateMetadata: '' } }));
  await t().settle();
  const [push] = t().slack.callsTo('views.push');
  return JSON.parse(String(push?.args.view)) as { callback_id: string; private_metadata: string; blocks: { element?: { options: { value: string; text: { text: string } }[] } }[] };
}

const choose = (metadata: string, opportunityId: number) =>
  t().interact(
    viewSubmission({
      callbackId: 'invite_choose',
      viewId: 'V0INVITE',
      values: { invite_opportunity: { value: { type: 'static_select', selected_option: { value: String(opportunityId), text: { type: 'plain_text', text: 'x' } } } } },
      privateMetadata: metadata,
      userId: STAFF,
    }),
  );

const send = (metadata: string, viewId = 'V0INVITE') => t().interact(viewSubmission({ callbackId: 'invite_send', viewId, values: {}, privateMetadata: metadata, userId: STAFF }));

const dmsTo = (userId: string) => t().slack.callsTo('chat.postMessage').filter((c) => c.args.channel === userId);

describe('a batch invitation from a segment', () => {
  it('is previewed, then sent once to each person not opted out, and its conversions are shown', async () => {
    await setUpTeam(db());
    const shiftId = await scheduleShift(t(), 48, { title: 'Door-knock the Elm St turf' });
    await onlineOnly('U0ANA', 'U0BO', 'U0CY');
    expect((await t().command('/groundwork', 'stop-invites', { userId: 'U0CY' })).json?.text).toContain('will skip you');
    t().slack.reset();

    const chooser = await openInvite();
    expect(chooser.callback_id).toBe('invite_choose');
    expect(chooser.blocks[1]?.element?.options.map((o) => o.value)).toEqual([String(shiftId)]);

    const preview = await choose(chooser.private_metadata, shiftId);
    expect(preview.json?.response_action).toBe('update');
    const previewText = JSON.stringify(preview.json?.view);
    expect(previewText).toContain('*2 people* from *Online-only, ready for an offline ask* will get a DM');
    expect(previewText).toContain('Skipped: 1 person who opted out of invitations');
    expect(previewText).toContain('Claim a seat');
    expect(preview.json?.view.submit.text).toBe('Send 2');
    // The preview sent nothing and stored nothing.
    expect(t().slack.callsTo('chat.postMessage')).toEqual([]);
    expect(await db().selectFrom('invitations').selectAll().execute()).toEqual([]);

    const sent = await send(preview.json?.view.private_metadata);
    expect(JSON.stringify(sent.json?.view)).toContain('2 people will get the invitation');
    await t().settle();
    expect(dmsTo('U0ANA')).toHaveLength(1);
    expect(dmsTo('U0BO')).toHaveLength(1);
    expect(dmsTo('U0CY')).toHaveLength(0);
    expect(String(dmsTo('U0ANA')[0]?.args.text)).toContain('Door-knock the Elm St turf');
    expect(String(dmsTo('U0ANA')[0]?.args.blocks)).toContain('/groundwork stop-invites');

    // The same preview submitted again (a double click): one invitation, no second DM.
    const again = await send(preview.json?.view.private_metadata);
    expect(JSON.stringify(again.json?.view)).toContain('already sent from this preview');
    await t().settle();
    expect(t().slack.callsTo('chat.postMessage')).toHaveLength(2);

    // A new invitation to the same shift skips those already invited.
    const chooserAgain = await openInvite();
    const secondPreview = await choose(chooserAgain.private_metadata, shiftId);
    expect(JSON.stringify(secondPreview.json?.view)).toContain('2 people invited to it before');
    expect(secondPreview.json?.view.submit).toBeUndefined();

    // Ana claims from the DM: a conversion.
    await pressInMessage(t(), 'shift_claim', shiftId, 'U0ANA');
    await t().command('/segment', '', { userId: STAFF });
    await t().settle();
    const [update] = t().slack.callsTo('views.update');
    expect(String(update?.args.view)).toContain('Online-only, ready for an offline ask → Door-knock the Elm St turf: 1 of 2 claimed (50%)');
  });

  it('invites to a training by its title, with an RSVP button that seats the person and counts as a conversion', async () => {
    await setUpTeam(db());
    const trainingId = await scheduleTraining(t(), 72, { title: 'Door knocking 101', seats: null });
    await onlineOnly('U0ANA', 'U0BO');
    t().slack.reset();

    const chooser = await openInvite();
    const preview = await choose(chooser.private_metadata, trainingId);
    const previewText = JSON.stringify(preview.json?.view);
    expect(previewText).toContain('a training: *Door knocking 101*');
    expect(previewText).toContain('no seat limit');
    await send(preview.json?.view.private_metadata);
    await t().settle();

    const [dm] = dmsTo('U0ANA');
    expect(String(dm?.args.text)).toContain('A training: Door knocking 101');
    const button = (JSON.parse(String(dm?.args.blocks)) as { elements?: { action_id: string; value: string; text: { text: string } }[] }[]).flatMap((b) => b.elements ?? []).find((e) => e.text.text === 'RSVP');
    expect(button).toEqual(expect.objectContaining({ action_id: 'training_rsvp', value: String(trainingId) }));

    await pressInMessage(t(), button!.action_id, button!.value, 'U0ANA');
    const seat = await db().selectFrom('signup_claims').select('status').where('opportunity_id', '=', trainingId).where('user_id', '=', 'U0ANA').executeTakeFirst();
    expect(seat?.status).toBe('seated');
    await t().command('/segment', '', { userId: STAFF });
    await t().settle();
    const [update] = t().slack.callsTo('views.update');
    expect(String(update?.args.view)).toContain('Online-only, ready for an offline ask → Door knocking 101: 1 of 2 claimed (50%)');
  });

  it('shows a title staff typed as text in the preview and in the conversions, never as a live mention', async () => {
    await setUpTeam(db());
    const shiftId = await scheduleShift(t(), 48, { title: 'Calls <!here> now' });
    await onlineOnly('U0ANA');
    const chooser = await openInvite();
    const preview = await choose(chooser.private_metadata, shiftId);
    const previewText = JSON.stringify(preview.json?.view);
    expect(previewText).toContain('inviting them to *Calls &lt;!here&gt; now*');
    expect(previewText).not.toContain('<!here>');
    await send(preview.json?.view.private_metadata);
    await t().settle();
    t().slack.reset();
    await t().command('/segment', '', { userId: STAFF });
    await t().settle();
    const [update] = t().slack.callsTo('views.update');
    expect(String(update?.args.view)).toContain('→ Calls &lt;!here&gt; now: 0 of 1 claimed (0%)');
    expect(String(update?.args.view)).not.toContain('<!here>');
  });

  it('refuses a preview of a shift that is not open to everyone, and sends nothing', async () => {
    await setUpTeam(db());
    const leadersOnly = await scheduleShift(t(), 48, { title: 'Leaders only', who: 'leader' });
    await onlineOnly('U0ANA');
    const chooser = await openInvite();
    expect(JSON.stringify(chooser)).toContain('There is no open shift or training');
    const reply = await choose(JSON.stringify({ segment: 'online_ready' }), leadersOnly);
    expect(reply.json?.response_action).toBe('errors');
    expect(reply.json?.errors.invite_opportunity).toContain('Choose another');
    const forged = await send(JSON.stringify({ segment: 'everyone', opportunityId: leadersOnly }), 'V0FORGED');
    expect(JSON.stringify(forged.json?.view)).toContain("couldn't read this form");
    await t().settle();
    expect(t().slack.callsTo('chat.postMessage').filter((c) => c.args.channel === 'U0ANA')).toEqual([]);
    expect(await db().selectFrom('invitation_recipients').selectAll().execute()).toEqual([]);
  });
});
