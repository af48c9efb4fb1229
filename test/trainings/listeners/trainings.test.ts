/**
 * Trainings end to end over signed HTTP requests with the fake Slack Web API: staff schedule and
 * announce one, people RSVP from the announcement and from /trainings, the waitlist offers a freed
 * seat, reminders go out once with the place or link, staff edit and cancel (with the same DMs as
 * shifts), mark attendance with a walk-in and a correction (each attendee earns the skill and an
 * Engage action, once), and a shift that requires the skill refuses a claim until it is earned.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { runJob } from '../../../src/jobs/scheduler.js';
import { signupsJob } from '../../../src/signups/signups-job.js';
import { TRAINING_FEATURES } from '../../../src/trainings/training-feature.js';
import { useTestApp } from '../../support/harness.js';
import { blockAction, viewSubmission } from '../../support/payloads.js';
import { appHomeOpenedEvent, eventBody, eventHeaders } from '../../support/slack-request.js';
import { ANNOUNCE_CHANNEL, STAFF, TEAM_ZONE, answerTo, localIn, pressInMessage, scheduleShift, setUpTeam } from '../../support/shifts.js';
import { attendanceState, scheduleTraining, submitAttendance, submitNewTraining, trainingState } from '../../support/trainings.js';
import { snapshotTables } from '../../support/workspace.js';

const t = useTestApp();
const db = () => t().db.database.db;
const HOUR = 3_600_000;

beforeEach(async () => {
  await setUpTeam(db());
});

const lastUpdateOf = (channel: string) => {
  const updates = t().slack.callsTo('chat.update').filter((call) => call.args.channel === channel);
  return String(updates[updates.length - 1]?.args.blocks ?? '');
};
const dmsTo = (userId: string) => t().slack.callsTo('chat.postMessage').filter((call) => call.args.channel === userId).map((call) => `${String(call.args.text)} ${String(call.args.blocks)}`);
const runJobAt = (now: Date) => runJob(signupsJob(TRAINING_FEATURES), { db: db(), client: t().running.app.client, logger: t().running.app.logger }, now);

/** Moves a training so that it started an hour ago (staff mark attendance after the start). */
async function startedAnHourAgo(id: number): Promise<void> {
  await db().updateTable('signup_opportunities').set({ starts_at: new Date(Date.now() - HOUR), ends_at: new Date(Date.now() + HOUR) }).where('id', '=', id).execute();
}

const actionsOf = async () =>
  (await db().selectFrom('actions').select(['user_id', 'tactic_id', 'channel', 'goal', 'source', 'idempotency_key']).orderBy('user_id').execute()).map((a) => `${a.user_id}:${a.tactic_id}:${a.goal}/${a.channel}:${a.source}`);
const skillsOf = async () => (await db().selectFrom('person_skills').select(['user_id', 'skill', 'source']).orderBy('user_id').execute()).map((s) => `${s.user_id}:${s.skill}:${s.source}`);

describe('scheduling', () => {
  it('/training new opens the modal with the kind, the skill from the catalog and the team time zone', async () => {
    await t().command('/training', 'new', { userId: STAFF });
    const [update] = await t().slack.waitFor('views.update');
    const modal = JSON.parse(String(update?.args.view));
    expect(modal.callback_id).toBe('training_new');
    const shown = JSON.stringify(modal.blocks);
    expect(shown).toContain(`Start (${TEAM_ZONE})`);
    expect(shown).toContain('"value":"webinar"');
    expect(shown).toContain('"value":"conference_call"');
    expect(shown).toContain('"value":"house_party"');
    expect(shown).toContain('Leave empty for unlimited.');
    expect(shown).toContain(`<#${ANNOUNCE_CHANNEL}>`);
  });

  it('stores a training once per submission, announces it with RSVP buttons and the count, and tells staff', async () => {
    const input = { ...localIn(72), title: 'Canvass <!channel> *basics*' };
    expect((await submitNewTraining(t(), input, { viewId: 'V0TONCE' })).json).toBeNull();
    await submitNewTraining(t(), input, { viewId: 'V0TONCE' });
    await t().settle();
    expect(await db().selectFrom('trainings').select(['title', 'format', 'skill', 'unlimited']).execute()).toEqual([{ title: 'Canvass <!channel> *basics*', format: 'in_person', skill: 'door_knocking', unlimited: false }]);
    const posts = t().slack.callsTo('chat.postMessage').filter((call) => call.args.channel === ANNOUNCE_CHANNEL);
    expect(posts).toHaveLength(1);
    const blocks = String(posts[0]?.args.blocks);
    expect(blocks).toContain('Canvass &lt;!channel&gt; *\u200Bbasics*\u200B');
    expect(blocks).toContain('prepares you for *Door knocking*');
    expect(blocks).toContain('0 going · 10 of 10 seats left');
    expect(blocks).toContain('"action_id":"training_rsvp"');
    expect(blocks).toContain('"action_id":"training_cancel_rsvp"');
    expect(blocks).toMatch(/<!date\^\d+\^\{date_short_pretty\} \{time\}\|[^>]*\(America\/Chicago\)>/);
    const told = t().slack.callsTo('chat.postMessage').filter((call) => call.args.channel === STAFF).map((call) => String(call.args.text));
    expect(told.filter((text) => text.includes(`Announced in <#${ANNOUNCE_CHANNEL}>`))).toHaveLength(1);
    expect(told.filter((text) => text.includes('Already scheduled'))).toHaveLength(1);
  });

  it('stores unlimited seats when the seats are left empty, and says so', async () => {
    await scheduleTraining(t(), 48, { seats: null, format: 'webinar', where: 'https://meet.example.org/t' });
    const [training] = await db().selectFrom('trainings').select(['unlimited', 'format']).execute();
    expect(training).toEqual({ unlimited: true, format: 'webinar' });
    const announced = String(t().slack.callsTo('chat.postMessage').find((call) => call.args.channel === ANNOUNCE_CHANNEL)?.args.blocks);
    expect(announced).toContain('0 going · no seat limit');
    expect(announced).toContain('<https://meet.example.org/t|Join link>');
  });

  it.each([
    ['no title', { title: null }, 'training_title', 'Give the training a title'],
    ['a title over 80 characters', { title: 'x'.repeat(81) }, 'training_title', 'keep it to 80'],
    ['no kind', { format: null }, 'training_format', 'Choose how it happens'],
    ['a kind the form never offered', { format: 'carrier_pigeon' }, 'training_format', 'Choose in person, webinar or conference call.'],
    ['no skill', { skill: null }, 'training_skill', 'Choose the skill it prepares people for'],
    ['a skill not in the catalog', { skill: 'juggling' }, 'training_skill', 'Choose a skill from the list.'],
    ['no day', { date: null }, 'training_date', 'Choose the day of the training.'],
    ['a start in the past', { ...localIn(-24) }, 'training_date', 'That start is in the past'],
    ['no time', { time: null }, 'training_time', 'Choose the start time'],
    ['a time the clocks skip (DST)', { date: '2027-03-14', time: '02:30' }, 'training_time', '02:30 does not exist on 2027-03-14 in America/Chicago'],
    ['a length that is not hours', { length: 'long' }, 'training_length', 'Give the length in hours, e.g. 2 or 1.5.'],
    ['a length over 12 hours', { length: '13' }, 'training_length', 'A training can last at most 12 hours'],
    ['zero seats', { seats: '0' }, 'training_seats', 'A training needs at least 1 seat'],
    ['seats that are not a whole number', { seats: '2.5' }, 'training_seats', 'Enter a whole number'],
    ['too many seats', { seats: '5001' }, 'training_seats', 'At most 5,000 seats'],
    ['nowhere', { where: null }, 'training_where', 'Say where'],
    ['a webinar without a link', { format: 'webinar', where: 'the usual place' }, 'training_where', 'A webinar needs a link people can open.'],
    ['a place over 300 characters', { where: 'y'.repeat(301) }, 'training_where', 'keep it to 300'],
    ['a description over 1,000 characters', { description: 'z'.repeat(1001) }, 'training_description', 'keep it to 1000'],
  ])('refuses %s on its field and stores nothing', async (_name, input, blockId, words) => {
    const before = await snapshotTables(db());
    const ack = await submitNewTraining(t(), { ...localIn(48), ...input });
    expect(ack.json?.response_action).toBe('errors');
    expect(String(ack.json?.errors?.[blockId])).toContain(words);
    expect(await snapshotTables(db())).toEqual(before);
  });
});

describe('RSVPs', () => {
  it('RSVPs from the announcement: a private answer, the count kept current in place, a double click is one RSVP', async () => {
    const id = await scheduleTraining(t(), 48);
    await pressInMessage(t(), 'training_rsvp', id, 'U0ANA');
    await pressInMessage(t(), 'training_rsvp', id, 'U0ANA');
    const answers = await answerTo(t(), 'training_rsvp', 'U0ANA');
    expect(answers).toContain(":white_check_mark: You're going");
    expect(answers).toContain("You've already RSVPed");
    expect(await db().selectFrom('signup_claims').select(['user_id', 'status']).execute()).toEqual([{ user_id: 'U0ANA', status: 'seated' }]);
    expect(lastUpdateOf(ANNOUNCE_CHANNEL)).toContain('1 going · 9 of 10 seats left');
    expect(lastUpdateOf(ANNOUNCE_CHANNEL)).toContain('<@U0ANA>');
    await pressInMessage(t(), 'training_cancel_rsvp', id, 'U0ANA');
    expect(await answerTo(t(), 'training_cancel_rsvp', 'U0ANA')).toContain('You cancelled your RSVP');
    expect(lastUpdateOf(ANNOUNCE_CHANNEL)).toContain('0 going · 10 of 10 seats left');
  });

  it('RSVPs from the /trainings modal, which lists upcoming trainings in each reader\'s zone and shows the answer on top', async () => {
    const id = await scheduleTraining(t(), 30, { title: 'One-on-ones that land', skill: 'one_on_one' });
    await t().command('/trainings', '', { userId: 'U0BEN' });
    const [update] = await t().slack.waitFor('views.update');
    const modal = JSON.parse(String(update?.args.view));
    const shown = JSON.stringify(modal.blocks);
    expect(shown).toContain(`(#${id})`);
    expect(shown).toContain('prepares you for *One-on-ones*');
    expect(shown).toMatch(/<!date\^\d+\^/);
    await t().interact(blockAction({ actionId: 'training_rsvp', value: String(id), userId: 'U0BEN', view: { id: 'V0TBROWSE', hash: 'h', callbackId: 'trainings_browse', privateMetadata: '' } }));
    await t().settle();
    const rebuilt = JSON.stringify(JSON.parse(String(t().slack.callsTo('views.update').find((call) => call.args.view_id === 'V0TBROWSE')?.args.view)).blocks);
    expect(rebuilt).toContain("You're going");
    expect(rebuilt).toContain('*Your trainings*');
    expect(rebuilt).toContain('"action_id":"training_cancel_rsvp"');
    expect(await db().selectFrom('signup_claims').select(['user_id', 'status']).execute()).toEqual([{ user_id: 'U0BEN', status: 'seated' }]);
  });

  it('a full training offers the waitlist; a freed seat is offered by DM in training words, and Confirm makes it theirs', async () => {
    const id = await scheduleTraining(t(), 48, { seats: '1' });
    await pressInMessage(t(), 'training_rsvp', id, 'U0ANA');
    await pressInMessage(t(), 'training_rsvp', id, 'U0BEN');
    expect(await answerTo(t(), 'training_rsvp', 'U0BEN')).toContain('is full');
    expect(lastUpdateOf(ANNOUNCE_CHANNEL)).toContain('"action_id":"training_join_waitlist"');
    await pressInMessage(t(), 'training_join_waitlist', id, 'U0BEN');
    expect(await answerTo(t(), 'training_join_waitlist', 'U0BEN')).toContain("you're on the waitlist: number 1");
    await pressInMessage(t(), 'training_cancel_rsvp', id, 'U0ANA');
    const offer = dmsTo('U0BEN').find((dm) => dm.includes('A seat opened'));
    expect(offer).toContain('A seat opened at the training');
    const claim = await db().selectFrom('signup_claims').select('id').where('user_id', '=', 'U0BEN').executeTakeFirstOrThrow();
    expect(offer).toContain(`"action_id":"training_confirm","text":{"type":"plain_text","text":"Confirm my seat"},"value":"${claim.id}"`);
    await pressInMessage(t(), 'training_confirm', claim.id, 'U0BEN');
    expect(await answerTo(t(), 'training_confirm', 'U0BEN')).toContain("You're going");
    expect(await db().selectFrom('signup_claims').select(['user_id', 'status']).orderBy('user_id').execute()).toEqual([
      { user_id: 'U0ANA', status: 'left' },
      { user_id: 'U0BEN', status: 'seated' },
    ]);
  });

  it('reminds 24 h and 1 h before with the link, once each, and never asks for a report-back', async () => {
    const id = await scheduleTraining(t(), 30, { format: 'conference_call', where: 'https://meet.example.org/call' });
    await pressInMessage(t(), 'training_rsvp', id, 'U0ANA');
    const { starts_at, ends_at } = await db().selectFrom('signup_opportunities').select(['starts_at', 'ends_at']).where('id', '=', id).executeTakeFirstOrThrow();
    await runJobAt(new Date(starts_at.getTime() - 24 * HOUR + 30_000));
    await runJobAt(new Date(starts_at.getTime() - 24 * HOUR + 90_000));
    await runJobAt(new Date(starts_at.getTime() - HOUR + 30_000));
    await runJobAt(new Date(ends_at.getTime() + 60_000));
    const dms = dmsTo('U0ANA');
    expect(dms.filter((dm) => dm.includes('starts in 24 hours'))).toHaveLength(1);
    expect(dms.filter((dm) => dm.includes('starts in 1 hour'))).toHaveLength(1);
    expect(dms.filter((dm) => dm.includes('starts in 1 hour'))[0]).toContain('<https://meet.example.org/call|Join link>');
    expect(dms).toHaveLength(2);
    // A training sends no report-back ask, so none is even written after the end.
    expect(await db().selectFrom('signup_outbox').select(['kind', 'status']).orderBy('due_at').execute()).toEqual([
      { kind: 'reminder', status: 'sent' },
      { kind: 'reminder', status: 'sent' },
    ]);
  });
});

describe('staff edit and cancel', () => {
  it('an edit tells everyone who RSVPed once; a cancellation tells them once and marks the announcement', async () => {
    const id = await scheduleTraining(t(), 48);
    await pressInMessage(t(), 'training_rsvp', id, 'U0ANA');
    t().slack.reset();
    const edit = await t().interact(
      viewSubmission({ callbackId: 'training_edit', viewId: 'V0TEDIT', values: trainingState({ ...localIn(50), title: 'Door knocking 102' }), privateMetadata: JSON.stringify({ timeZone: TEAM_ZONE, opportunityId: id }), userId: STAFF }),
    );
    expect(edit.json).toBeNull();
    await t().settle();
    expect(dmsTo('U0ANA').filter((dm) => dm.includes('was changed by staff'))).toHaveLength(1);
    expect(dmsTo('U0ANA')[0]).toContain('Door knocking 102');
    t().slack.reset();
    await t().interact(viewSubmission({ callbackId: 'training_cancel', viewId: 'V0TCANCEL', values: {}, privateMetadata: JSON.stringify({ opportunityId: id }), userId: STAFF }));
    const again = await t().interact(viewSubmission({ callbackId: 'training_cancel', viewId: 'V0TCANCEL2', values: {}, privateMetadata: JSON.stringify({ opportunityId: id }), userId: STAFF }));
    await t().settle();
    expect(JSON.stringify(again.json)).toContain('was cancelled already; nobody was told twice');
    expect(dmsTo('U0ANA').filter((dm) => dm.includes('was cancelled'))).toHaveLength(1);
    expect(lastUpdateOf(ANNOUNCE_CHANNEL)).toContain('*Cancelled*');
  });

  it('refuses volunteers every staff entry, changing nothing', async () => {
    const id = await scheduleTraining(t(), 48);
    await startedAnHourAgo(id);
    // The role check caches the person's Slack profile (people); that is the only row it may write.
    const withoutProfiles = async () => ({ ...(await snapshotTables(db())), people: [] });
    const before = await withoutProfiles();
    for (const text of ['new', 'list', `edit ${id}`, `cancel ${id}`, `attendance ${id}`, 'report', 'skill <@U0ANA|ana> door knocking']) {
      const reply = await t().command('/training', text, { userId: 'U0VOL' });
      expect(String(reply.json?.text), text).toContain('needs the *staff* role');
    }
    const refused = await submitAttendance(t(), id, attendanceState({}, ['U0VOL']), 'U0VOL');
    expect(JSON.stringify(refused.json)).toContain('needs the *staff* role');
    const newOne = await submitNewTraining(t(), localIn(48), { userId: 'U0VOL' });
    expect(JSON.stringify(newOne.json)).toContain('needs the *staff* role');
    await t().settle();
    expect(await withoutProfiles()).toEqual(before);
  });
});

describe('attendance', () => {
  it('typed without a number, lists the trainings it applies to and opens the one chosen', async () => {
    const started = await scheduleTraining(t(), 24, { title: 'Knock school' });
    const upcoming = await scheduleTraining(t(), 48, { title: 'Phone school' });
    await startedAnHourAgo(started);
    const pick = async (purpose: string) => {
      t().slack.reset();
      await t().command('/training', purpose, { userId: STAFF });
      const [update] = await t().slack.waitFor('views.update');
      const view = JSON.parse(String(update?.args.view)) as { callback_id: string; private_metadata: string; blocks: { element?: { options?: { value: string; text: { text: string } }[] } }[] };
      expect(view.callback_id).toBe('training_pick');
      return { metadata: view.private_metadata, options: view.blocks[0]?.element?.options ?? [] };
    };
    const choose = (metadata: string, id: number) =>
      t().interact(viewSubmission({ callbackId: 'training_pick', viewId: 'V0TPICK', values: { training_pick: { value: { type: 'static_select', selected_option: { value: String(id), text: { type: 'plain_text', text: `#${id}` } } } } }, privateMetadata: metadata, userId: STAFF }));

    // Attendance: only the training that has started.
    const forAttendance = await pick('attendance');
    expect(forAttendance.options.map((option) => option.value)).toEqual([String(started)]);
    expect(forAttendance.options[0]?.text.text).toContain(`#${started} Knock school`);
    const attendance = await choose(forAttendance.metadata, started);
    expect(attendance.json?.response_action).toBe('update');
    expect(attendance.json?.view.callback_id).toBe('training_attendance');

    // Editing: only the one still ahead; a list gone stale (the chosen one started meanwhile) answers on its field.
    const forEdit = await pick('edit');
    expect(forEdit.options.map((option) => option.value)).toEqual([String(upcoming)]);
    expect((await choose(forEdit.metadata, upcoming)).json?.view.callback_id).toBe('training_edit');
    const before = await snapshotTables(db());
    const stale = await choose(forEdit.metadata, started);
    expect(stale.json?.response_action).toBe('errors');
    expect(stale.json?.errors?.training_pick).toContain(`Training #${started} has already started`);
    // Metadata it never wrote, and a value that is not one of its numbers, open nothing.
    const forged = await choose('{"purpose":"delete"}', started);
    expect(JSON.stringify(forged.json?.view.blocks)).toContain('This list is out of date, so nothing was opened.');
    const loose = await t().interact(
      viewSubmission({ callbackId: 'training_pick', viewId: 'V0TPICK', values: { training_pick: { value: { type: 'static_select', selected_option: { value: `${upcoming}e0` } } } }, privateMetadata: forEdit.metadata, userId: STAFF }),
    );
    expect(loose.json?.errors?.training_pick).toBe('Choose a training from the list.');
    expect(await snapshotTables(db())).toEqual(before);
  });

  it('lists the RSVPs to tick, adds a walk-in; everyone who came earns the skill and an Engage action, once', async () => {
    const id = await scheduleTraining(t(), 48);
    for (const userId of ['U0ANA', 'U0BEN', 'U0CAL']) await pressInMessage(t(), 'training_rsvp', id, userId);
    await startedAnHourAgo(id);
    t().slack.reset();
    await t().command('/training', `attendance ${id}`, { userId: STAFF });
    const [open] = await t().slack.waitFor('views.open');
    const modal = JSON.parse(String(open?.args.view));
    expect(modal.callback_id).toBe('training_attendance');
    const options = (modal.blocks as { block_id?: string; element?: { options?: { value: string }[] } }[]).find((block) => block.block_id === 'training_attendance_0')?.element?.options;
    expect(options?.map((option) => option.value)).toEqual(['U0ANA', 'U0BEN', 'U0CAL']);
    expect(JSON.stringify(modal.blocks)).toContain('training_walk_ins');

    const saved = await submitAttendance(t(), id, attendanceState({ 0: ['U0ANA', 'U0BEN'] }, ['U0WALK']));
    expect(saved.json?.response_action).toBe('update');
    const shown = JSON.stringify(saved.json?.view.blocks);
    expect(shown).toContain('Attendance saved: 3 came, 1 no-show');
    expect(shown).toContain('*RSVPs:* 3');
    expect(shown).toContain('3 of 4 came (75%)');
    expect(shown).toContain('<@U0WALK> (walk-in)');
    expect(await actionsOf()).toEqual(['U0ANA:training:engage/offline:training', 'U0BEN:training:engage/offline:training', 'U0WALK:training:engage/offline:training']);
    expect(await skillsOf()).toEqual(['U0ANA:door_knocking:training', 'U0BEN:door_knocking:training', 'U0WALK:door_knocking:training']);
    expect(await db().selectFrom('signup_claims').select(['user_id', 'attended', 'walked_in']).orderBy('user_id').execute()).toEqual([
      { user_id: 'U0ANA', attended: true, walked_in: false },
      { user_id: 'U0BEN', attended: true, walked_in: false },
      { user_id: 'U0CAL', attended: false, walked_in: false },
      { user_id: 'U0WALK', attended: true, walked_in: true },
    ]);

    // The same attendance again changes nothing (the walk-in is now one of the listed seats).
    await t().settle();
    const before = await snapshotTables(db());
    await submitAttendance(t(), id, attendanceState({ 0: ['U0ANA', 'U0BEN', 'U0WALK'] }));
    await t().settle();
    const after = await snapshotTables(db());
    const withoutMarkTimes = (tables: Record<string, unknown[]>) => ({ ...tables, signup_claims: (tables.signup_claims as Record<string, unknown>[]).map(({ attendance_marked_at: _at, ...claim }) => claim) });
    expect(withoutMarkTimes(after)).toEqual(withoutMarkTimes(before));
  });

  it('a correction takes back the action and the skill that training gave, once, and never a skill staff recorded', async () => {
    const id = await scheduleTraining(t(), 48);
    for (const userId of ['U0ANA', 'U0BEN']) await pressInMessage(t(), 'training_rsvp', id, userId);
    await t().command('/training', 'skill <@U0BEN|ben> door knocking', { userId: STAFF });
    await startedAnHourAgo(id);
    await submitAttendance(t(), id, attendanceState({ 0: ['U0ANA', 'U0BEN'] }, ['U0WALK']));
    expect(await actionsOf()).toHaveLength(3);
    // Ana and the walk-in did not come after all; Ben did.
    const corrected = await submitAttendance(t(), id, attendanceState({ 0: ['U0BEN'] }));
    expect(JSON.stringify(corrected.json?.view.blocks)).toContain('Attendance saved: 1 came, 1 no-show');
    expect(await actionsOf()).toEqual(['U0BEN:training:engage/offline:training']);
    expect(await skillsOf()).toEqual(['U0BEN:door_knocking:staff']);
    expect(await db().selectFrom('signup_claims').select(['user_id', 'status', 'attended']).orderBy('user_id').execute()).toEqual([
      { user_id: 'U0ANA', status: 'seated', attended: false },
      { user_id: 'U0BEN', status: 'seated', attended: true },
      { user_id: 'U0WALK', status: 'left', attended: null },
    ]);
    const seats = await db().selectFrom('signup_opportunities').select(['filled']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(seats.filled).toBe(2);
    // Unticking again changes nothing more.
    await submitAttendance(t(), id, attendanceState({ 0: ['U0BEN'] }));
    expect(await actionsOf()).toEqual(['U0BEN:training:engage/offline:training']);
  });

  it('two submissions of the same attendance at once (a double click, two instances) record each action and skill once', async () => {
    const id = await scheduleTraining(t(), 48);
    for (const userId of ['U0ANA', 'U0BEN']) await pressInMessage(t(), 'training_rsvp', id, userId);
    await startedAnHourAgo(id);
    const values = attendanceState({ 0: ['U0ANA', 'U0BEN'] }, ['U0WALK']);
    const answers = await Promise.all([submitAttendance(t(), id, values), submitAttendance(t(), id, values)]);
    for (const answer of answers) expect(JSON.stringify(answer.json?.view.blocks)).toContain('Attendance saved: 3 came, 0 no-shows');
    expect(await actionsOf()).toEqual(['U0ANA:training:engage/offline:training', 'U0BEN:training:engage/offline:training', 'U0WALK:training:engage/offline:training']);
    expect(await skillsOf()).toHaveLength(3);
    expect(await db().selectFrom('signup_opportunities').select('filled').where('id', '=', id).executeTakeFirstOrThrow()).toEqual({ filled: 3 });
  });

  it('a webinar records an online Engage action (conference calls & webinars)', async () => {
    const id = await scheduleTraining(t(), 48, { format: 'webinar', where: 'https://meet.example.org/w', skill: 'phone_bank' });
    await pressInMessage(t(), 'training_rsvp', id, 'U0ANA');
    await startedAnHourAgo(id);
    await submitAttendance(t(), id, attendanceState({ 0: ['U0ANA'] }));
    expect(await actionsOf()).toEqual(['U0ANA:conference_call:engage/online:training']);
    expect(await skillsOf()).toEqual(['U0ANA:phone_bank:training']);
  });

  it('refuses attendance before the start, and a tick the form never offered, saving nothing', async () => {
    const id = await scheduleTraining(t(), 48);
    await pressInMessage(t(), 'training_rsvp', id, 'U0ANA');
    const early = await t().command('/training', `attendance ${id}`, { userId: STAFF });
    expect(String(early.json?.text)).toContain("hasn't started yet");
    await startedAnHourAgo(id);
    const before = await snapshotTables(db());
    const stranger = await submitAttendance(t(), id, attendanceState({ 0: ['U0ANA', 'U0NOBODY'] }, ['U0WALK']));
    expect(stranger.json?.response_action).toBe('errors');
    expect(await snapshotTables(db())).toEqual(before);
  });
});

describe('skills as shift prerequisites', () => {
  it('refuses a claim without the skill, naming the next training with an RSVP button; after the training the claim succeeds', async () => {
    const shiftId = await scheduleShift(t(), 72, { skill: 'door_knocking' });
    expect(await db().selectFrom('shifts').select('required_skill').execute()).toEqual([{ required_skill: 'door_knocking' }]);
    expect(String(t().slack.callsTo('chat.postMessage').find((call) => call.args.channel === ANNOUNCE_CHANNEL)?.args.blocks)).toContain('Requires the *Door knocking* skill');
    // No training scheduled yet: the refusal says so and whom to ask.
    await pressInMessage(t(), 'shift_claim', shiftId, 'U0VOL');
    expect(await answerTo(t(), 'shift_claim', 'U0VOL')).toContain('No training for it is scheduled right now: ask <@U0STAFF>');
    const trainingId = await scheduleTraining(t(), 24, { title: 'Knock school' });
    t().slack.reset();
    await pressInMessage(t(), 'shift_claim', shiftId, 'U0VOL');
    const refusal = t().slack.callsTo('response_url').find((call) => call.args.response_url_id === 'shift_claim-U0VOL');
    expect(String(refusal?.args.text)).toContain('needs the *Door knocking* skill');
    expect(String(refusal?.args.text)).toContain('Knock school');
    expect(JSON.stringify(refusal?.args.blocks)).toContain(`"action_id":"training_rsvp","text":{"type":"plain_text","text":"RSVP to the training"},"value":"${trainingId}"`);
    expect(await db().selectFrom('signup_claims').select('user_id').where('opportunity_id', '=', shiftId).execute()).toEqual([]);

    // The same claim from the /shifts modal: the rebuilt modal shows the refusal with the same RSVP button.
    t().slack.reset();
    await t().interact(blockAction({ actionId: 'shift_claim', value: String(shiftId), userId: 'U0VOL', view: { id: 'V0BROWSE', hash: 'h', callbackId: 'shifts_browse', privateMetadata: '{"page":0}' } }));
    await t().settle();
    const [rebuilt] = t().slack.callsTo('views.update');
    const modalBlocks = JSON.stringify(JSON.parse(String(rebuilt?.args.view)).blocks);
    expect(modalBlocks).toContain('needs the *Door knocking* skill');
    expect(modalBlocks).toContain(`"action_id":"training_rsvp","text":{"type":"plain_text","text":"RSVP to the training"},"value":"${trainingId}"`);

    // From the Home tab: the answer opens in a small modal with the same RSVP button, and RSVPing there puts
    // the RSVP's answer on top of that modal (views.push: a button inside a modal cannot open a new one).
    t().slack.reset();
    await t().interact(blockAction({ actionId: 'shift_claim', value: String(shiftId), userId: 'U0VOL', view: { id: 'V0HOME', hash: 'h', callbackId: '', privateMetadata: '', type: 'home' } }));
    await t().settle();
    const [notice] = t().slack.callsTo('views.open');
    const noticeView = JSON.parse(String(notice?.args.view)) as { blocks: unknown[] };
    expect(JSON.stringify(noticeView.blocks)).toContain('needs the *Door knocking* skill');
    expect(JSON.stringify(noticeView.blocks)).toContain(`"action_id":"training_rsvp","text":{"type":"plain_text","text":"RSVP to the training"},"value":"${trainingId}"`);
    await t().interact(blockAction({ actionId: 'training_rsvp', value: String(trainingId), userId: 'U0VOL', view: { id: 'V0NOTICE', hash: 'h', callbackId: '', privateMetadata: '' } }));
    await t().settle();
    const [pushed] = t().slack.callsTo('views.push');
    expect(JSON.stringify(JSON.parse(String(pushed?.args.view)).blocks)).toContain('Knock school');
    expect(t().slack.callsTo('views.open')).toHaveLength(1);
    expect(await db().selectFrom('signup_claims').select(['user_id', 'status']).where('opportunity_id', '=', trainingId).execute()).toEqual([{ user_id: 'U0VOL', status: 'seated' }]);

    // Pressing RSVP again in the announcement is answered as already done.
    await pressInMessage(t(), 'training_rsvp', trainingId, 'U0VOL');
    await startedAnHourAgo(trainingId);
    await submitAttendance(t(), trainingId, attendanceState({ 0: ['U0VOL'] }));
    t().slack.reset();
    await pressInMessage(t(), 'shift_claim', shiftId, 'U0VOL');
    expect(await answerTo(t(), 'shift_claim', 'U0VOL')).toContain(":white_check_mark: You're in");
  });

  it('the shift modal offers the skill; staff can record a skill earned elsewhere, which opens the shift', async () => {
    await t().command('/shift', 'new', { userId: STAFF });
    const [update] = await t().slack.waitFor('views.update');
    expect(JSON.stringify(JSON.parse(String(update?.args.view)).blocks)).toContain('"block_id":"shift_skill"');
    const shiftId = await scheduleShift(t(), 72, { skill: 'one_on_one' });
    const recorded = await t().command('/training', 'skill <@U0VOL|vol> one-on-ones', { userId: STAFF });
    expect(String(recorded.json?.text)).toContain('Recorded: <@U0VOL> has the *One-on-ones* skill');
    const twice = await t().command('/training', 'skill <@U0VOL|vol> one-on-ones', { userId: STAFF });
    expect(String(twice.json?.text)).toContain('already has the *One-on-ones* skill');
    expect(await skillsOf()).toEqual(['U0VOL:one_on_one:staff']);
    await pressInMessage(t(), 'shift_claim', shiftId, 'U0VOL');
    expect(await answerTo(t(), 'shift_claim', 'U0VOL')).toContain("You're in");
  });

  it.each([
    ['no person', 'skill door knocking', 'Name the person with @'],
    ['an unknown tactic', 'skill <@U0VOL|vol> juggling &lt;!channel&gt;', 'is not a tactic I know'],
    ['no number', 'edit twelve', 'is not a training number'],
  ])('answers /training with %s by saying what is wrong, changing nothing', async (_name, text, words) => {
    const before = await snapshotTables(db());
    const reply = await t().command('/training', text, { userId: STAFF });
    expect(String(reply.json?.text)).toContain(words);
    expect(String(reply.json?.text)).not.toContain('<!channel>');
    expect(await snapshotTables(db())).toEqual(before);
  });
});

describe('the Home tab', () => {
  it("shows a person's next training with Cancel RSVP, and the skill once earned", async () => {
    const id = await scheduleTraining(t(), 48, { title: 'Knock school' });
    const openHome = async () => {
      const before = t().slack.callsTo('views.publish').length;
      const body = eventBody(appHomeOpenedEvent('U0ANA'));
      await t().post(body, eventHeaders(body));
      await t().slack.waitFor('views.publish', before + 1);
      await t().settle();
      const published = t().slack.callsTo('views.publish');
      return JSON.stringify(JSON.parse(String(published[published.length - 1]?.args.view)).blocks);
    };
    await pressInMessage(t(), 'training_rsvp', id, 'U0ANA');
    let home = await openHome();
    expect(home).toContain('Your trainings and skills');
    expect(home).toContain(`*Knock school* (#${id})`);
    expect(home).toContain('No skills earned yet');
    await startedAnHourAgo(id);
    await submitAttendance(t(), id, attendanceState({ 0: ['U0ANA'] }));
    home = await openHome();
    expect(home).toContain("Skills you've earned: *Door knocking*");
  });
});

describe('the staff report', () => {
  it('shows RSVPs, attendance and its rate, and who used the skill within 30 days', async () => {
    const id = await scheduleTraining(t(), 48, { skill: 'phone_bank', title: 'Phone bank basics' });
    for (const userId of ['U0ANA', 'U0BEN']) await pressInMessage(t(), 'training_rsvp', id, userId);
    await startedAnHourAgo(id);
    await submitAttendance(t(), id, attendanceState({ 0: ['U0ANA', 'U0BEN'] }));
    const shiftId = await scheduleShift(t(), 72);
    await pressInMessage(t(), 'shift_claim', shiftId, 'U0ANA');
    const reply = await t().command('/training', 'report', { userId: STAFF });
    const text = String(reply.json?.blocks ? JSON.stringify(reply.json.blocks) : reply.json?.text);
    expect(text).toContain('Phone bank basics');
    expect(text).toContain('2 RSVPs · 2 of 2 came (100%) · 1 of 2 used the skill within 30 days');
  });
});
