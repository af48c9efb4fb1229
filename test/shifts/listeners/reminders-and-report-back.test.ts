/**
 * What happens around a shift's start and end, with the signups job run at chosen instants (a fake
 * clock, no sleeping): the 24 h and 1 h reminders go out once, late if every instance was down, never
 * after the start, never to someone who left, and only those still ahead when the seat was taken or
 * the start last moved; a send cut off mid-way is not repeated; after the shift the report-back becomes
 * a phone-banking action; and a shift straddling a DST change is right throughout. Buttons and edits
 * happen at the real time unless a test sets `appNow` (the app's clock) to a chosen instant.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { jobWebClient } from '../../../src/jobs/job-client.js';
import { runJob } from '../../../src/jobs/scheduler.js';
import { wallClockOf } from '../../../src/domain/zoned-time.js';
import { SHIFT_FEATURES } from '../../../src/shifts/shift-feature.js';
import { deliverOutbox, LEASE_MS } from '../../../src/signups/deliver-outbox.js';
import { claimDueMessages, queueOwedSeatMessages } from '../../../src/signups/queries/outbox.js';
import { signupsJob } from '../../../src/signups/signups-job.js';
import { useTestApp } from '../../support/harness.js';
import { blockAction, viewSubmission } from '../../support/payloads.js';
import { ANNOUNCE_CHANNEL, STAFF, TEAM_ZONE, answerTo, pressInMessage, scheduleShift, setUpTeam, shiftState, submitNewShift } from '../../support/shifts.js';

let appNow: Date | undefined;
const t = useTestApp({ clock: () => appNow ?? new Date() });
const db = () => t().db.database.db;
const HOUR = 3_600_000;
const MINUTE = 60_000;

beforeEach(async () => {
  appNow = undefined;
  await setUpTeam(db());
});

const runAt = (now: Date) => runJob(signupsJob(SHIFT_FEATURES), { db: db(), client: t().running.app.client, logger: t().running.app.logger }, now);
const dmsTo = (userId: string) => t().slack.callsTo('chat.postMessage').filter((call) => call.args.channel === userId).map((call) => String(call.args.text));
const startOf = async (id: number) => (await db().selectFrom('signup_opportunities').select(['starts_at', 'ends_at']).where('id', '=', id).executeTakeFirstOrThrow());
const remindersTo = (userId: string) => dmsTo(userId).filter((text) => text.startsWith('Reminder'));
const reportBackAsksTo = (userId: string) => dmsTo(userId).filter((text) => text.startsWith('How did'));
const at = (ms: number) => new Date(ms);

describe('reminders', () => {
  it('sends the 24 h and the 1 h reminder once each, and nothing to someone who left', async () => {
    const id = await scheduleShift(t(), 30);
    await pressInMessage(t(), 'shift_claim', id, 'U0STAY');
    await pressInMessage(t(), 'shift_claim', id, 'U0GONE');
    await pressInMessage(t(), 'shift_leave', id, 'U0GONE');
    await t().settle();
    const { starts_at } = await startOf(id);
    await runAt(new Date(starts_at.getTime() - 24 * HOUR + 30_000));
    await runAt(new Date(starts_at.getTime() - 24 * HOUR + 90_000));
    expect(dmsTo('U0STAY').filter((text) => text.includes('starts in 24 hours'))).toHaveLength(1);
    await runAt(new Date(starts_at.getTime() - HOUR + 30_000));
    await runAt(new Date(starts_at.getTime() - HOUR + 90_000));
    expect(dmsTo('U0STAY').filter((text) => text.includes('starts in 1 hour'))).toHaveLength(1);
    expect(dmsTo('U0GONE')).toEqual([]);
    // Nothing is written for a seat until its reminder comes due, and by then U0GONE held none.
    expect(await db().selectFrom('signup_outbox').select(['user_id', 'status']).where('kind', '=', 'reminder').orderBy('user_id').orderBy('due_at').execute()).toEqual([
      { user_id: 'U0STAY', status: 'sent' },
      { user_id: 'U0STAY', status: 'sent' },
    ]);
  });

  it('sends a reminder that came due while every instance was down late, once, but not after the start', async () => {
    const id = await scheduleShift(t(), 30);
    await pressInMessage(t(), 'shift_claim', id, 'U0LATE');
    await t().settle();
    const { starts_at } = await startOf(id);
    // Down from before the 24 h reminder until 30 minutes before the start: one late reminder, then the 1 h one too
    // came due, and both go out once; nothing is sent again after the start.
    await runAt(new Date(starts_at.getTime() - 30 * 60_000));
    await runAt(new Date(starts_at.getTime() + 60_000));
    expect(dmsTo('U0LATE').filter((text) => text.startsWith('Reminder'))).toHaveLength(2);
    const id2 = await scheduleShift(t(), 30, { title: 'Second' });
    await pressInMessage(t(), 'shift_claim', id2, 'U0MISSED');
    await t().settle();
    await runAt(new Date((await startOf(id2)).starts_at.getTime() + 60_000));
    expect(dmsTo('U0MISSED').filter((text) => text.startsWith('Reminder'))).toEqual([]);
    // Each late reminder was written once and sent; none was written for the start already passed.
    expect(await db().selectFrom('signup_outbox').select(['user_id', 'status']).where('kind', '=', 'reminder').orderBy('due_at').execute()).toEqual([
      { user_id: 'U0LATE', status: 'sent' },
      { user_id: 'U0LATE', status: 'sent' },
    ]);
  });

  it('does not send again a reminder whose send may have gone out (its lease ran out with no ts recorded)', async () => {
    const id = await scheduleShift(t(), 30);
    await pressInMessage(t(), 'shift_claim', id, 'U0CRASH');
    await t().settle();
    const { starts_at } = await startOf(id);
    const due = new Date(starts_at.getTime() - 24 * HOUR + 30_000);
    // An instance wrote the reminder come due, claimed it, and died mid-send: claimed, no ts, lease now over.
    await queueOwedSeatMessages(db(), { now: due, reminderKinds: ['shift'], reportBackKinds: ['shift'] });
    expect(await claimDueMessages(db(), { now: due, leaseMs: LEASE_MS, limit: 10 })).toHaveLength(1);
    await runAt(new Date(due.getTime() + LEASE_MS + 60_000));
    expect(dmsTo('U0CRASH')).toEqual([]);
    expect(t().logs.some((line) => line.includes('may have been sent before its sender stopped'))).toBe(true);
    expect((await db().selectFrom('signup_outbox').select('status').where('kind', '=', 'reminder').orderBy('due_at').execute()).map((r) => r.status)).toEqual(['uncertain']);
    // Its key is taken: later drains do not write it again; the 1 h one goes out.
    await runAt(new Date(starts_at.getTime() - HOUR + 30_000));
    expect(remindersTo('U0CRASH')).toHaveLength(1);
    expect(remindersTo('U0CRASH')[0]).toContain('starts in 1 hour');
    expect((await db().selectFrom('signup_outbox').select('status').where('kind', '=', 'reminder').orderBy('due_at').execute()).map((r) => r.status)).toEqual(['uncertain', 'sent']);
  });

  it('marks a DM that Slack refused as failed, and does not retry it', async () => {
    const id = await scheduleShift(t(), 30);
    await pressInMessage(t(), 'shift_claim', id, 'U0REFUSED');
    await t().settle();
    t().slack.on('chat.postMessage', () => ({ ok: false, error: 'user_not_found' }));
    const { starts_at } = await startOf(id);
    await runAt(new Date(starts_at.getTime() - 24 * HOUR + 30_000));
    await runAt(new Date(starts_at.getTime() - 24 * HOUR + 90_000));
    const rows = await db().selectFrom('signup_outbox').select(['status', 'attempts', 'note']).where('kind', '=', 'reminder').orderBy('due_at').execute();
    expect(rows[0]).toEqual({ status: 'failed', attempts: 1, note: 'Slack refused it: user_not_found' });
  });

  it('gives back a reminder Slack rate-limited, with the rest of its batch, and the next run sends each once', async () => {
    const id = await scheduleShift(t(), 30);
    await pressInMessage(t(), 'shift_claim', id, 'U0FIRST');
    await pressInMessage(t(), 'shift_claim', id, 'U0SECOND');
    await t().settle();
    // The client jobs run with in production: a 429 is rejected at once, not waited out.
    const client = jobWebClient({ token: 'xoxb-test', slackApiUrl: t().slack.apiUrl });
    const runWithJobClient = (now: Date) => runJob(signupsJob(SHIFT_FEATURES), { db: db(), client, logger: t().running.app.logger }, now);
    let calls = 0;
    t().slack.on('chat.postMessage', (args) =>
      ++calls === 1 ? { ok: false, error: 'ratelimited', httpStatus: 429, httpHeaders: { 'retry-after': '20' } } : { ok: true, channel: args.channel, ts: `1.${calls}` },
    );
    const { starts_at } = await startOf(id);
    const reminders = () => db().selectFrom('signup_outbox').select(['user_id', 'status', 'claimed_until', 'message_ts']).where('kind', '=', 'reminder').orderBy('user_id').execute();
    await runWithJobClient(new Date(starts_at.getTime() - 24 * HOUR + 30_000));
    expect(calls).toBe(1);
    expect(await reminders()).toEqual([
      { user_id: 'U0FIRST', status: 'pending', claimed_until: null, message_ts: null },
      { user_id: 'U0SECOND', status: 'pending', claimed_until: null, message_ts: null },
    ]);
    expect(t().logs.some((line) => line.includes('Slack is rate limiting DMs (retry after 20 s); left for the next drain'))).toBe(true);
    await runWithJobClient(new Date(starts_at.getTime() - 24 * HOUR + 90_000));
    expect((await reminders()).map((row) => [row.user_id, row.status, row.message_ts !== null])).toEqual([
      ['U0FIRST', 'sent', true],
      ['U0SECOND', 'sent', true],
    ]);
    // Three calls in all: the refused one, then one delivered reminder each.
    expect(calls).toBe(3);
    expect(new Set((await reminders()).map((row) => row.message_ts)).size).toBe(2);
  });
});

describe('reminders owed from when the seat was taken or the start last moved', () => {
  it('owes someone claiming 30 minutes before the start no reminder, and still asks for the report-back', async () => {
    const id = await scheduleShift(t(), 30);
    const { starts_at, ends_at } = await startOf(id);
    const start = starts_at.getTime();
    await pressInMessage(t(), 'shift_claim', id, 'U0EARLY');
    expect(await answerTo(t(), 'shift_claim', 'U0EARLY')).toContain("I'll remind you by DM 24 hours and 1 hour before.");
    await runAt(at(start - 24 * HOUR + 30_000));
    await runAt(at(start - HOUR + 30_000));
    appNow = at(start - 30 * MINUTE);
    await pressInMessage(t(), 'shift_claim', id, 'U0LATECOMER');
    // The answer promises only what will come: no reminder is still ahead.
    const latecomer = await answerTo(t(), 'shift_claim', 'U0LATECOMER');
    expect(latecomer).toContain("You're in");
    expect(latecomer).not.toContain('remind');
    for (const when of [start - 29 * MINUTE, start - MINUTE, ends_at.getTime() + MINUTE, ends_at.getTime() + 2 * MINUTE]) await runAt(at(when));
    expect(remindersTo('U0LATECOMER')).toEqual([]);
    expect(reportBackAsksTo('U0LATECOMER')).toHaveLength(1);
    expect(remindersTo('U0EARLY')).toHaveLength(2);
    expect(reportBackAsksTo('U0EARLY')).toHaveLength(1);
  });

  it('after an edit moves the start, reminds of the new start only, and not late of a moment already past at the edit', async () => {
    const id = await scheduleShift(t(), 30);
    const oldStart = (await startOf(id)).starts_at.getTime();
    await pressInMessage(t(), 'shift_claim', id, 'U0MOVED');
    // 26 hours before the old start, staff move it 22 hours earlier: the new start's 24 h moment was two
    // hours before the edit (after the claim), its 1 h moment is still ahead.
    appNow = at(oldStart - 26 * HOUR);
    const newStart = oldStart - 4 * HOUR;
    const edit = await t().interact(
      viewSubmission({
        callbackId: 'shift_edit',
        viewId: 'V0MOVE',
        values: shiftState(wallClockOf(at(newStart), TEAM_ZONE)),
        privateMetadata: JSON.stringify({ timeZone: TEAM_ZONE, opportunityId: id }),
        userId: STAFF,
      }),
    );
    expect(edit.json).toBeNull();
    await t().settle();
    expect((await startOf(id)).starts_at.getTime()).toBe(newStart);
    expect(dmsTo('U0MOVED').filter((dm) => dm.startsWith('Changed:'))).toHaveLength(1);
    for (const when of [oldStart - 26 * HOUR + MINUTE, oldStart - 24 * HOUR + 30_000, newStart - HOUR + 30_000, newStart - HOUR + 90_000, newStart + MINUTE, oldStart - HOUR + 30_000]) await runAt(at(when));
    expect(remindersTo('U0MOVED')).toHaveLength(1);
    expect(remindersTo('U0MOVED')[0]).toContain('starts in 1 hour');
    // Its key names the new start; none was written for the old one.
    const keys = await db().selectFrom('signup_outbox').select('dedupe_key').where('kind', '=', 'reminder').execute();
    expect(keys.map((row) => row.dedupe_key)).toEqual([expect.stringMatching(new RegExp(`^reminder:1h:\\d+:${newStart}$`))]);
  });

  it('after leaving and coming back, owes the reminders still ahead at the return, and none sent already again', async () => {
    const id = await scheduleShift(t(), 30);
    const start = (await startOf(id)).starts_at.getTime();
    await pressInMessage(t(), 'shift_claim', id, 'U0BACK');
    await pressInMessage(t(), 'shift_claim', id, 'U0AWAY');
    await pressInMessage(t(), 'shift_leave', id, 'U0AWAY');
    await runAt(at(start - 24 * HOUR + 30_000));
    appNow = at(start - 23 * HOUR);
    await pressInMessage(t(), 'shift_leave', id, 'U0BACK');
    appNow = at(start - 22 * HOUR);
    for (const userId of ['U0BACK', 'U0AWAY']) await pressInMessage(t(), 'shift_claim', id, userId);
    expect((await db().selectFrom('signup_claims').select('status').where('opportunity_id', '=', id).execute()).map((c) => c.status)).toEqual(['seated', 'seated']);
    for (const when of [start - 22 * HOUR + MINUTE, start - HOUR + 30_000, start - HOUR + 90_000]) await runAt(at(when));
    expect(remindersTo('U0BACK').map((text) => text.match(/starts in (\d+ hours?)/)?.[1])).toEqual(['24 hours', '1 hour']);
    expect(remindersTo('U0AWAY').map((text) => text.match(/starts in (\d+ hours?)/)?.[1])).toEqual(['1 hour']);
  });

  it('sends each reminder once when the job and two other drains run at the same moment', async () => {
    const id = await scheduleShift(t(), 30);
    const start = (await startOf(id)).starts_at.getTime();
    const people = ['U0P1', 'U0P2', 'U0P3', 'U0P4', 'U0P5'];
    for (const userId of people) await pressInMessage(t(), 'shift_claim', id, userId);
    const deps = { db: db(), client: t().running.app.client, logger: t().running.app.logger };
    for (const lead of [24 * HOUR, HOUR]) {
      const due = at(start - lead + 30_000);
      await Promise.all([runAt(due), deliverOutbox({ ...deps, features: SHIFT_FEATURES, now: due }), deliverOutbox({ ...deps, features: SHIFT_FEATURES, now: due, opportunityId: id })]);
    }
    for (const userId of people) expect(remindersTo(userId).map((text) => text.match(/starts in (\d+ hours?)/)?.[1])).toEqual(['24 hours', '1 hour']);
    expect(await db().selectFrom('signup_outbox').select('status').where('kind', '=', 'reminder').execute()).toHaveLength(10);
  });
});

describe('report-back', () => {
  it('asks after the shift and records a phone-banking action once, dated the day of the shift', async () => {
    const id = await scheduleShift(t(), 30);
    await pressInMessage(t(), 'shift_claim', id, 'U0CALLER');
    await t().settle();
    const { ends_at } = await startOf(id);
    await runAt(new Date(ends_at.getTime() + 60_000));
    expect(dmsTo('U0CALLER').some((text) => text.startsWith('How did'))).toBe(true);
    const claimId = (await db().selectFrom('signup_claims').select('id').executeTakeFirstOrThrow()).id;
    // The modal only opens once the shift has started; here it has not (real clock), so it says so.
    await t().interact(blockAction({ actionId: 'shift_report_back', value: String(claimId), userId: 'U0CALLER' }));
    expect(String((await t().slack.waitFor('views.open'))[0]?.args.view)).toContain("hasn't started yet");
    await db().updateTable('signup_opportunities').set({ starts_at: new Date(Date.now() - 3 * HOUR), ends_at: new Date(Date.now() - HOUR) }).where('id', '=', id).execute();
    const submit = (values: Record<string, string>, extra: Record<string, unknown> = {}) =>
      t().interact(
        viewSubmission({
          callbackId: 'shift_report',
          viewId: 'V0REPORT',
          userId: 'U0CALLER',
          privateMetadata: JSON.stringify({ claimId }),
          values: {
            // Slack sends every input block, an empty one as null.
            ...Object.fromEntries(['report_calls', 'report_conversations', 'report_commitments'].map((block) => [block, { value: { type: 'number_input', value: values[block] ?? null } }])),
            report_story: { value: { type: 'plain_text_input', value: 'A retired teacher signed up to host a house party.' } },
            report_feature: { value: { type: 'checkboxes', selected_options: [{ value: 'feature', text: { type: 'plain_text', text: 'x' } }] } },
            ...extra,
          },
        }),
      );
    const funnel = await submit({ report_calls: '10', report_conversations: '12' });
    expect(funnel.json?.errors?.report_conversations).toContain('12 conversations is more than the 10 calls');
    const notNumber = await submit({ report_calls: 'lots' });
    expect(notNumber.json?.errors?.report_calls).toContain('Enter a whole number');
    expect(await db().selectFrom('actions').selectAll().execute()).toEqual([]);
    expect((await submit({ report_calls: '40', report_conversations: '12', report_commitments: '3' })).json).toBeNull();
    await submit({ report_calls: '40', report_conversations: '12', report_commitments: '3' });
    await t().settle();
    const actions = await db().selectFrom('actions').select(['tactic_id', 'goal', 'channel', 'counts', 'source', 'idempotency_key', 'story_consent']).execute();
    expect(actions).toEqual([
      { tactic_id: 'phone_bank', goal: 'campaign', channel: 'offline', counts: { calls: 40, conversations: 12, signups: 3 }, source: 'shift', idempotency_key: `shift:${claimId}`, story_consent: true },
    ]);
    expect(dmsTo('U0CALLER').filter((text) => text.includes('Recorded'))).toHaveLength(1);
    expect(dmsTo('U0CALLER').filter((text) => text.includes('Already recorded'))).toHaveLength(1);
  });
});

describe('a shift across a daylight-saving change', () => {
  it('starts at 18:00 local after the clocks went forward; reminders 24 real hours before; shown with the right offset', async () => {
    // America/Chicago springs forward at 02:00 on Sunday 14 March 2027: 18:00 that day is 23:00 UTC (CDT, −5),
    // and 24 hours earlier is 17:00 on Saturday (CST, −6).
    const ack = await submitNewShift(t(), { date: '2027-03-14', time: '18:00', title: 'DST calls' });
    expect(ack.json).toBeNull();
    await t().settle();
    const shift = await db().selectFrom('signup_opportunities').select(['id', 'starts_at']).executeTakeFirstOrThrow();
    expect(shift.starts_at.toISOString()).toBe('2027-03-14T23:00:00.000Z');
    const announcement = String(t().slack.callsTo('chat.postMessage').find((call) => call.args.channel === ANNOUNCE_CHANNEL)?.args.blocks);
    expect(announcement).toContain(`<!date^${Date.parse('2027-03-14T23:00:00Z') / 1000}^{date_short_pretty} {time}|Sun, 14 Mar 2027, 18:00 (America/Chicago)>`);
    await pressInMessage(t(), 'shift_claim', shift.id, 'U0DST');
    await t().settle();
    // A second before each reminder's moment nothing is due; at it, it is written and sent.
    await runAt(new Date('2027-03-13T22:59:59Z'));
    expect(remindersTo('U0DST')).toEqual([]);
    await runAt(new Date('2027-03-13T23:00:30Z'));
    const reminder = t().slack.callsTo('chat.postMessage').find((call) => call.args.channel === 'U0DST');
    expect(String(reminder?.args.text)).toContain('Reminder: DST calls, Sun, 14 Mar 2027, 18:00 (America/Chicago) starts in 24 hours');
    await runAt(new Date('2027-03-14T21:59:59Z'));
    expect(remindersTo('U0DST')).toHaveLength(1);
    await runAt(new Date('2027-03-14T22:00:30Z'));
    const due = await db().selectFrom('signup_outbox').select('due_at').where('kind', '=', 'reminder').orderBy('due_at').execute();
    expect(due.map((row) => row.due_at.toISOString())).toEqual(['2027-03-13T23:00:00.000Z', '2027-03-14T22:00:00.000Z']);
    expect(remindersTo('U0DST')[1]).toContain('starts in 1 hour');
  });
});
