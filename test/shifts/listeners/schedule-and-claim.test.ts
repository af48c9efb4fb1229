/**
 * Phone-bank shifts end to end over signed HTTP requests with the fake Slack Web API: staff schedule
 * and announce a shift, people claim it from the announcement and from /shifts, the waitlist offers a
 * freed seat, staff edit, cancel and see the roster. Every refusal says why and changes nothing.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { runJob } from '../../../src/jobs/scheduler.js';
import { SHIFT_FEATURES } from '../../../src/shifts/shift-feature.js';
import { signupsJob } from '../../../src/signups/signups-job.js';
import { useTestApp } from '../../support/harness.js';
import { blockAction, viewSubmission } from '../../support/payloads.js';
import { ANNOUNCE_CHANNEL, STAFF, TEAM_ZONE, answerTo, localIn, pressInMessage, scheduleShift, setUpTeam, shiftState, submitNewShift } from '../../support/shifts.js';
import { snapshotTables } from '../../support/workspace.js';

const t = useTestApp();
const db = () => t().db.database.db;

beforeEach(async () => {
  await setUpTeam(db());
});

const lastUpdateOf = (channel: string) => {
  const updates = t().slack.callsTo('chat.update').filter((call) => call.args.channel === channel);
  return String(updates[updates.length - 1]?.args.blocks ?? '');
};
const dmsTo = (userId: string) => t().slack.callsTo('chat.postMessage').filter((call) => call.args.channel === userId).map((call) => String(call.args.text) + String(call.args.blocks));

describe('scheduling', () => {
  it('/shift new opens the modal in the team time zone, offering the announcement channel', async () => {
    const reply = await t().command('/shift', 'new', { userId: STAFF });
    expect(reply.status).toBe(200);
    const [update] = await t().slack.waitFor('views.update');
    const modal = JSON.parse(String(update?.args.view));
    expect(modal.callback_id).toBe('shift_new');
    expect(JSON.stringify(modal.blocks)).toContain(`Start (${TEAM_ZONE})`);
    expect(JSON.stringify(modal.blocks)).toContain(`<#${ANNOUNCE_CHANNEL}>`);
  });

  it('offers to announce where the command was typed when no channel is set, and says so when it cannot', async () => {
    await db().updateTable('workspace_settings').set({ announcement_channel_id: null }).execute();
    await t().command('/shift', 'new', { userId: STAFF, channelId: 'C0HERE' });
    let modal = JSON.parse(String((await t().slack.waitFor('views.update'))[0]?.args.view));
    expect(JSON.stringify(modal.blocks)).toContain('<#C0HERE>, where you typed the command');
    t().slack.reset();
    t().slack.on('conversations.info', (args) => ({ ok: true, channel: { id: args.channel, is_member: false, is_archived: false } }));
    await t().command('/shift', 'new', { userId: STAFF, channelId: 'C0ELSEWHERE' });
    modal = JSON.parse(String((await t().slack.waitFor('views.update'))[0]?.args.view));
    expect(JSON.stringify(modal.blocks)).toContain("No announcement channel is set (an admin chooses one in `/groundwork settings`) and I'm not in this channel, so this shift won't be announced.");
  });

  it('stores a shift once per submission, announces it with the seats and a Claim button, and tells staff', async () => {
    const { date } = localIn(72);
    const ack = await submitNewShift(t(), { date, time: '18:00', title: 'Levy calls <!channel> *now*' }, { viewId: 'V0ONCE' });
    expect(ack.json).toBeNull();
    await submitNewShift(t(), { date, time: '18:00' }, { viewId: 'V0ONCE' });
    await t().settle();
    expect(await db().selectFrom('shifts').select('title').execute()).toEqual([{ title: 'Levy calls <!channel> *now*' }]);
    const posts = t().slack.callsTo('chat.postMessage').filter((call) => call.args.channel === ANNOUNCE_CHANNEL);
    expect(posts).toHaveLength(1);
    const blocks = String(posts[0]?.args.blocks);
    expect(blocks).toContain('Levy calls &lt;!channel&gt; *\u200Bnow*\u200B');
    expect(blocks).toMatch(/<!date\^\d+\^\{date_short_pretty\} \{time\}\|[^>]*18:00 \(America\/Chicago\)>/);
    expect(blocks).toContain('0 of 10 seats taken, 10 left');
    expect(blocks).toContain('"action_id":"shift_claim"');
    // One answer per submission; the two run after their acks, so either may arrive first.
    const told = t().slack.callsTo('chat.postMessage').filter((call) => call.args.channel === STAFF).map((call) => String(call.args.text));
    expect(told).toHaveLength(2);
    expect(told.filter((text) => text.includes(`Announced in <#${ANNOUNCE_CHANNEL}>`))).toHaveLength(1);
    expect(told.filter((text) => text.includes('Already scheduled'))).toHaveLength(1);
  });

  it.each([
    ['a start in the past', { ...localIn(-24) }, 'shift_date', 'That start is in the past'],
    ['zero seats', { seats: '0' }, 'shift_seats', 'A shift needs at least 1 seat.'],
    ['seats that are not a whole number', { seats: '2.5' }, 'shift_seats', 'Enter a whole number, 0 or more, like 12.'],
    ['a length over 12 hours', { length: '13' }, 'shift_length', 'at most 12 hours'],
    ['a length that is not hours', { length: 'two' }, 'shift_length', 'Give the length in hours, e.g. 2 or 1.5.'],
    ['a bad script link', { script: 'docs/script' }, 'shift_script', 'That is not a link I can use'],
    ['no title', { title: null }, 'shift_title', 'Give the shift a title'],
    ['nowhere', { where: null }, 'shift_where', 'Say where'],
    ['no time', { time: null }, 'shift_time', 'Choose the start time'],
    ['a time the clocks skip (DST)', { date: '2027-03-14', time: '02:30' }, 'shift_time', '02:30 does not exist on 2027-03-14 in America/Chicago: the clocks skip that hour for daylight saving time. Try 03:30.'],
  ])('refuses %s on its field and stores nothing', async (_name, input, blockId, words) => {
    const before = await snapshotTables(db());
    const ack = await submitNewShift(t(), { ...localIn(48), ...input });
    expect(ack.json?.response_action).toBe('errors');
    expect(String(ack.json?.errors?.[blockId])).toContain(words);
    expect(await snapshotTables(db())).toEqual(before);
  });
});

describe('claiming', () => {
  it('claims from the announcement: a private answer, the message kept current, a double click is one claim', async () => {
    const id = await scheduleShift(t(), 48);
    await pressInMessage(t(), 'shift_claim', id, 'U0ANA');
    await pressInMessage(t(), 'shift_claim', id, 'U0ANA');
    const answers = await answerTo(t(), 'shift_claim', 'U0ANA');
    expect(answers).toContain(":white_check_mark: You're in");
    expect(answers).toContain('You already hold a seat');
    expect(await db().selectFrom('signup_claims').select(['user_id', 'status']).execute()).toEqual([{ user_id: 'U0ANA', status: 'seated' }]);
    expect(lastUpdateOf(ANNOUNCE_CHANNEL)).toContain('1 of 10 seats taken');
    expect(lastUpdateOf(ANNOUNCE_CHANNEL)).toContain('<@U0ANA>');
  });

  it('claims and leaves from the /shifts modal, which shows the answer on top and the shift again', async () => {
    const id = await scheduleShift(t(), 30);
    await t().command('/shifts', '', { userId: 'U0BEN' });
    const [update] = await t().slack.waitFor('views.update');
    const modal = JSON.parse(String(update?.args.view));
    expect(JSON.stringify(modal.blocks)).toContain(`(#${id})`);
    const inModal = (actionId: string) =>
      t().interact(blockAction({ actionId, value: String(id), userId: 'U0BEN', view: { id: 'V0BROWSE', hash: 'h', callbackId: 'shifts_browse', privateMetadata: '{"page":0}' } }));
    await inModal('shift_claim');
    await t().settle();
    let rebuilt = JSON.parse(String(t().slack.callsTo('views.update').find((call) => call.args.view_id === 'V0BROWSE')?.args.view));
    expect(JSON.stringify(rebuilt.blocks)).toContain("You're in");
    expect(JSON.stringify(rebuilt.blocks)).toContain('*Your shifts*');
    expect(JSON.stringify(rebuilt.blocks)).toContain('"action_id":"shift_leave"');
    t().slack.reset();
    await inModal('shift_leave');
    await t().settle();
    rebuilt = JSON.parse(String(t().slack.callsTo('views.update').find((call) => call.args.view_id === 'V0BROWSE')?.args.view));
    expect(JSON.stringify(rebuilt.blocks)).toContain('You gave up your seat');
    expect(await db().selectFrom('signup_claims').select('status').execute()).toEqual([{ status: 'left' }]);
  });

  it('refuses a volunteer on a leaders-only shift, saying who to ask, and changes nothing', async () => {
    const id = await scheduleShift(t(), 48, { who: 'leader' });
    const before = await snapshotTables(db());
    await pressInMessage(t(), 'shift_claim', id, 'U0VOL');
    const answer = await answerTo(t(), 'shift_claim', 'U0VOL');
    expect(answer).toContain("is for leaders and up, and you're a volunteer");
    expect(answer).toContain(`<@${STAFF}>`);
    // Only the Slack profile cache learned who they are (users.info, for their role); no seat or claim changed.
    expect({ ...(await snapshotTables(db())), people: before.people }).toEqual(before);
  });

  it('refuses a claim that overlaps a seat the person holds, naming that shift', async () => {
    const first = await scheduleShift(t(), 48, { title: 'Evening calls' });
    const second = await scheduleShift(t(), 49, { title: 'Overlapping calls' });
    await pressInMessage(t(), 'shift_claim', first, 'U0CAL');
    await pressInMessage(t(), 'shift_claim', second, 'U0CAL');
    expect(await answerTo(t(), 'shift_claim', 'U0CAL')).toContain(`overlaps *Evening calls* (#${first})`);
    expect(await db().selectFrom('signup_claims').select('opportunity_id').execute()).toEqual([{ opportunity_id: first }]);
  });

  it('answers a broken button and a shift that does not exist without changing anything', async () => {
    await pressInMessage(t(), 'shift_claim', 'abc', 'U0X');
    await pressInMessage(t(), 'shift_claim', 424242, 'U0Y');
    expect(await answerTo(t(), 'shift_claim', 'U0X')).toContain('That button is broken');
    expect(await answerTo(t(), 'shift_claim', 'U0Y')).toContain("I can't find that shift any more");
  });
});

describe('the waitlist', () => {
  it('offers a freed seat by DM; Confirm makes it theirs', async () => {
    const id = await scheduleShift(t(), 48, { seats: '1' });
    await pressInMessage(t(), 'shift_claim', id, 'U0ONE');
    await pressInMessage(t(), 'shift_claim', id, 'U0TWO');
    expect(await answerTo(t(), 'shift_claim', 'U0TWO')).toContain('is full');
    expect(lastUpdateOf(ANNOUNCE_CHANNEL)).toContain('shift_join_waitlist');
    await pressInMessage(t(), 'shift_join_waitlist', id, 'U0TWO');
    expect(await answerTo(t(), 'shift_join_waitlist', 'U0TWO')).toContain('number 1');
    await pressInMessage(t(), 'shift_leave', id, 'U0ONE');
    await t().settle();
    const offer = dmsTo('U0TWO');
    expect(offer).toHaveLength(1);
    expect(offer[0]).toContain('A seat opened');
    expect(offer[0]).toContain('shift_confirm');
    const claimId = (await db().selectFrom('signup_claims').select('id').where('user_id', '=', 'U0TWO').executeTakeFirstOrThrow()).id;
    await pressInMessage(t(), 'shift_confirm', claimId, 'U0TWO');
    expect(await answerTo(t(), 'shift_confirm', 'U0TWO')).toContain("You're in");
    expect(await db().selectFrom('signup_claims').select(['user_id', 'status']).orderBy('id').execute()).toEqual([
      { user_id: 'U0ONE', status: 'left' },
      { user_id: 'U0TWO', status: 'seated' },
    ]);
    expect(lastUpdateOf(ANNOUNCE_CHANNEL)).toContain('<@U0TWO>');
  });

  it('passes the seat to the next person when the deadline is missed, and says so to a late Confirm', async () => {
    const id = await scheduleShift(t(), 48, { seats: '1' });
    await pressInMessage(t(), 'shift_claim', id, 'U0ONE');
    for (const userId of ['U0TWO', 'U0THREE']) await pressInMessage(t(), 'shift_join_waitlist', id, userId);
    await pressInMessage(t(), 'shift_leave', id, 'U0ONE');
    await t().settle();
    const late = new Date(Date.now() + 2 * 3_600_000 + 60_000);
    await runJob(signupsJob(SHIFT_FEATURES), { db: db(), client: t().running.app.client, logger: t().running.app.logger }, late);
    expect(dmsTo('U0THREE')).toHaveLength(1);
    const missed = (await db().selectFrom('signup_claims').select('id').where('user_id', '=', 'U0TWO').executeTakeFirstOrThrow()).id;
    await pressInMessage(t(), 'shift_confirm', missed, 'U0TWO');
    expect(await answerTo(t(), 'shift_confirm', 'U0TWO')).toContain('No seat on');
  });
});

describe('staff changes', () => {
  const editState = (id: number, input: Parameters<typeof submitNewShift>[1]) =>
    viewSubmission({ callbackId: 'shift_edit', viewId: `V0EDIT${id}`, values: shiftState(input), privateMetadata: JSON.stringify({ timeZone: TEAM_ZONE, opportunityId: id }), userId: STAFF });

  it('refuses to shrink seats below the claims with the count, then tells everyone of an edit once', async () => {
    const when = localIn(48);
    const id = await scheduleShift(t(), 48, { seats: '3' });
    for (const userId of ['U0A', 'U0B']) await pressInMessage(t(), 'shift_claim', id, userId);
    const refused = await t().interact(editState(id, { ...when, seats: '1' }));
    expect(refused.json?.errors?.shift_seats).toContain("2 people hold seats already, so seats can't go below 2");
    const ok = await t().interact(editState(id, { ...when, seats: '2', where: 'Union hall, 12 Main St' }));
    expect(ok.json).toBeNull();
    await t().interact(editState(id, { ...when, seats: '2', where: 'Union hall, 12 Main St' }));
    await t().settle();
    for (const userId of ['U0A', 'U0B']) {
      const changed = dmsTo(userId).filter((dm) => dm.includes('was changed by staff'));
      expect(changed).toHaveLength(2);
      expect(changed[0]).toContain('Union hall, 12 Main St');
    }
  });

  it('cancels: everyone on it told once, the announcement marked cancelled, no more claims', async () => {
    const id = await scheduleShift(t(), 48, { seats: '1' });
    await pressInMessage(t(), 'shift_claim', id, 'U0A');
    await pressInMessage(t(), 'shift_join_waitlist', id, 'U0B');
    const cancel = () => t().interact(viewSubmission({ callbackId: 'shift_cancel', viewId: 'V0CANCEL', values: {}, privateMetadata: JSON.stringify({ opportunityId: id }), userId: STAFF }));
    expect((await cancel()).json).toBeNull();
    const again = await cancel();
    expect(JSON.stringify(again.json?.view)).toContain('was cancelled already');
    await t().settle();
    for (const userId of ['U0A', 'U0B']) expect(dmsTo(userId).filter((dm) => dm.includes('was cancelled'))).toHaveLength(1);
    expect(lastUpdateOf(ANNOUNCE_CHANNEL)).toContain('*Cancelled*');
    expect(lastUpdateOf(ANNOUNCE_CHANNEL)).not.toContain('shift_claim');
    await pressInMessage(t(), 'shift_claim', id, 'U0C');
    expect(await answerTo(t(), 'shift_claim', 'U0C')).toContain('was cancelled');
  });

  it('shows the roster and removes someone, whose seat goes to the first person waiting', async () => {
    const id = await scheduleShift(t(), 48, { seats: '1' });
    await pressInMessage(t(), 'shift_claim', id, 'U0A');
    await pressInMessage(t(), 'shift_join_waitlist', id, 'U0B');
    const reply = await t().command('/shift', `roster ${id}`, { userId: STAFF });
    expect(reply.status).toBe(200);
    const [open] = await t().slack.waitFor('views.open');
    const roster = String(open?.args.view);
    expect(roster).toContain('Holding a seat (1)');
    expect(roster).toContain('1. <@U0B>');
    const removed = await t().interact(
      viewSubmission({ callbackId: 'shift_roster', viewId: 'V0R', values: { shift_remove: { value: { type: 'users_select', selected_user: 'U0A' } } }, privateMetadata: JSON.stringify({ opportunityId: id }), userId: STAFF }),
    );
    expect(JSON.stringify(removed.json?.view)).toContain('Removed <@U0A>');
    await t().settle();
    expect(dmsTo('U0A').some((dm) => dm.includes('Staff took you off'))).toBe(true);
    expect(dmsTo('U0B').some((dm) => dm.includes('A seat opened'))).toBe(true);
    const nobody = await t().interact(
      viewSubmission({ callbackId: 'shift_roster', viewId: 'V0R', values: { shift_remove: { value: { type: 'users_select', selected_user: 'U0Z' } } }, privateMetadata: JSON.stringify({ opportunityId: id }), userId: STAFF }),
    );
    expect(nobody.json?.errors?.shift_remove).toContain('<@U0Z> is not on this shift');
  });

  it('answers /shift edit with an unknown number, and /shift with a typo, changing nothing', async () => {
    expect((await t().command('/shift', 'edit 999', { userId: STAFF })).json?.text).toContain('There is no shift #999 here');
    expect((await t().command('/shift', 'edti', { userId: STAFF })).json?.text).toContain("I don't know \"/shift edti\"");
    expect((await t().command('/shift', 'roster twelve', { userId: STAFF })).json?.text).toContain('"twelve" is not a shift number');
  });
});
