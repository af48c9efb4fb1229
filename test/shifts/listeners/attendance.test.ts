/**
 * Staff mark attendance from a started shift's roster over signed HTTP: the seats are listed to
 * tick, the rest are no-shows, and the roster shows the turnout and no-show rate. Before the start,
 * or with a tick the form never offered, nothing is marked.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { useTestApp } from '../../support/harness.js';
import { viewSubmission } from '../../support/payloads.js';
import { STAFF, pressInMessage, scheduleShift, setUpTeam } from '../../support/shifts.js';
import { snapshotTables } from '../../support/workspace.js';

const t = useTestApp();
const db = () => t().db.database.db;
const HOUR = 3_600_000;

beforeEach(async () => {
  await setUpTeam(db());
});

/** A shift with these people holding its seats (and one waiting), which started an hour ago. */
async function startedShift(seated: readonly string[]): Promise<number> {
  const id = await scheduleShift(t(), 48, { seats: String(seated.length) });
  for (const userId of seated) await pressInMessage(t(), 'shift_claim', id, userId);
  await pressInMessage(t(), 'shift_join_waitlist', id, 'U0WAITING');
  await db().updateTable('signup_opportunities').set({ starts_at: new Date(Date.now() - HOUR), ends_at: new Date(Date.now() + HOUR) }).where('id', '=', id).execute();
  t().slack.reset();
  return id;
}

async function openRoster(id: number): Promise<{ callback_id: string; blocks: unknown[]; submit?: { text: string } }> {
  t().slack.reset();
  await t().command('/shift', `roster ${id}`, { userId: STAFF });
  const [open] = await t().slack.waitFor('views.open');
  return JSON.parse(String(open?.args.view));
}

const ticks = (groups: Record<number, string[]>) =>
  Object.fromEntries(
    Object.entries(groups).map(([index, userIds]) => [`shift_attendance_${index}`, { value: { type: 'checkboxes', selected_options: userIds.map((value) => ({ value, text: { type: 'mrkdwn', text: `<@${value}>` } })) } }]),
  );

const saveAttendance = (id: number, values: Record<string, unknown>, userId = STAFF) =>
  t().interact(viewSubmission({ callbackId: 'shift_attendance', viewId: `V0ATTEND${id}`, values, privateMetadata: JSON.stringify({ opportunityId: id }), userId }));

const attendance = async (id: number) =>
  (await db().selectFrom('signup_claims').select(['user_id', 'attended', 'attendance_marked_by']).where('opportunity_id', '=', id).orderBy('user_id').execute()).map((c) => [c.user_id, c.attended, c.attendance_marked_by]);

describe('attendance', () => {
  it('lists the seats of a started shift to tick; the rest are no-shows; the roster shows turnout and no-show rate', async () => {
    const id = await startedShift(['U0ANA', 'U0BEN', 'U0CAL']);
    const roster = await openRoster(id);
    expect(roster.callback_id).toBe('shift_attendance');
    expect(roster.submit?.text).toBe('Save attendance');
    const shown = JSON.stringify(roster.blocks);
    expect(shown).toContain('*Turnout:* not marked yet. Tick who came below; the rest are no-shows.');
    const options = (roster.blocks as { block_id?: string; element?: { options?: { value: string }[] } }[]).find((block) => block.block_id === 'shift_attendance_0')?.element?.options;
    // Only seats are listed: the person waiting never held one.
    expect(options?.map((option) => option.value)).toEqual(['U0ANA', 'U0BEN', 'U0CAL']);

    const saved = await saveAttendance(id, ticks({ 0: ['U0ANA', 'U0CAL'] }));
    expect(saved.json?.response_action).toBe('update');
    const updated = JSON.stringify(saved.json?.view);
    expect(updated).toContain('Attendance saved: 2 came, 1 no-show.');
    expect(updated).toContain('*Turnout:* 2 of 3 came · 1 no-show (no-show rate 33%)');
    expect(await attendance(id)).toEqual([
      ['U0ANA', true, STAFF],
      ['U0BEN', false, STAFF],
      ['U0CAL', true, STAFF],
      ['U0WAITING', null, null],
    ]);

    // Marking again replaces the first marking, and the roster ticks who came.
    const again = await saveAttendance(id, ticks({ 0: ['U0ANA', 'U0BEN', 'U0CAL'] }));
    expect(JSON.stringify(again.json?.view)).toContain('*Turnout:* 3 of 3 came · 0 no-shows (no-show rate 0%)');
    const reopened = JSON.stringify((await openRoster(id)).blocks);
    expect(reopened).toContain('"initial_options":[{"text":{"type":"mrkdwn","text":"<@U0ANA>"},"value":"U0ANA"}');
  });

  it('splits a big shift into groups of ten ticks and reads them all', async () => {
    const people = Array.from({ length: 12 }, (_, i) => `U0P${String(i).padStart(2, '0')}`);
    const id = await startedShift(people);
    const roster = await openRoster(id);
    const groups = (roster.blocks as { block_id?: string; element?: { options?: unknown[] } }[]).filter((block) => block.block_id?.startsWith('shift_attendance_'));
    expect(groups.map((group) => group.element?.options?.length)).toEqual([10, 2]);
    const saved = await saveAttendance(id, ticks({ 0: people.slice(0, 9), 1: [people[11]!] }));
    expect(JSON.stringify(saved.json?.view)).toContain('*Turnout:* 10 of 12 came · 2 no-shows (no-show rate 17%)');
  });

  it('offers no ticks before the start, and refuses a marking sent anyway', async () => {
    const id = await scheduleShift(t(), 48, { seats: '2' });
    await pressInMessage(t(), 'shift_claim', id, 'U0ANA');
    t().slack.reset();
    const roster = await openRoster(id);
    expect(roster.callback_id).toBe('shift_roster');
    expect(JSON.stringify(roster.blocks)).not.toContain('Turnout');
    const before = await snapshotTables(db());
    const refused = await saveAttendance(id, ticks({ 0: ['U0ANA'] }));
    expect(JSON.stringify(refused.json?.view)).toContain("This shift hasn't started yet; mark attendance once it has, so no attendance was saved.");
    expect(await snapshotTables(db())).toEqual(before);
  });

  it.each<[string, Record<string, unknown>]>([
    ['a person the form never listed', ticks({ 0: ['U0ANA', 'U0WAITING'] })],
    ['no group at all', {}],
    ['a group of another element', { shift_attendance_0: { value: { type: 'multi_users_select', selected_users: ['U0ANA'] } } }],
  ])('refuses %s on the form, marking nothing', async (_name, values) => {
    const id = await startedShift(['U0ANA', 'U0BEN']);
    const before = await snapshotTables(db());
    const refused = await saveAttendance(id, values);
    expect(refused.json?.response_action).toBe('errors');
    expect(String(refused.json?.errors?.shift_attendance_0)).toContain("I couldn't read this field.");
    expect(await snapshotTables(db())).toEqual(before);
  });
});
