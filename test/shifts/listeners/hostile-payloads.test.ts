/**
 * Shift buttons and modals posted with values and metadata Groundwork never wrote (a fuzzer, a
 * replayed or edited payload signed with our secret): each is answered at once with a clear refusal
 * or a field error, and nothing is written. A loose read would have turned "1e0" or " 1" into a seat
 * on shift 1; these prove the exact-form reader is in the way.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { useTestApp } from '../../support/harness.js';
import { blockAction, viewSubmission } from '../../support/payloads.js';
import { STAFF, TEAM_ZONE, localIn, scheduleShift, setUpTeam, shiftState } from '../../support/shifts.js';
import { snapshotTables } from '../../support/workspace.js';

const t = useTestApp();
const db = () => t().db.database.db;
const PERSON = 'U0HOSTILE';

let shiftId = 0;
beforeEach(async () => {
  await setUpTeam(db());
  shiftId = await scheduleShift(t(), 48);
  t().slack.reset();
});

/** Everything but the Slack profile cache, which may learn who pressed (users.info, for their role). */
async function written(): Promise<Record<string, unknown[]>> {
  const { people: _people, ...rest } = await snapshotTables(db());
  return rest;
}

/** A button press in a message whose value may be anything, even what Slack never sends. */
function pressWith(actionId: string, value: unknown) {
  const payload = blockAction({ actionId, value: 'placeholder', userId: PERSON, responseUrl: t().slack.responseUrl(`${actionId}-hostile`) });
  return t().interact({ ...payload, actions: [{ ...payload.actions[0], value }] });
}

const answerTo = (actionId: string) =>
  t()
    .slack.callsTo('response_url')
    .filter((call) => call.args.response_url_id === `${actionId}-hostile`)
    .map((call) => String(call.args.text))
    .join('\n');

// Each names shift 1 (or the scheduled one) to a loose reader; none is the exact form a button carries.
const hostileValues = (): [string, unknown][] => [
  ['empty', ''],
  ['zero', '0'],
  ['negative', `-${shiftId}`],
  ['an exponent', `${shiftId}e0`],
  ['a leading space', ` ${shiftId}`],
  ['a trailing space', `${shiftId} `],
  ['a leading zero', `0${shiftId}`],
  ['a fraction', `${shiftId}.0`],
  ['hexadecimal', `0x${shiftId.toString(16)}`],
  ['a plus sign', `+${shiftId}`],
  ['beyond a safe integer', '9007199254740993'],
  ['a number, not a string', shiftId],
  ['an object', { id: shiftId }],
  ['an array', [String(shiftId)]],
  ['null', null],
];

describe('shift buttons with a value we never wrote', () => {
  it('refuses every seat button at once, saying it is broken, and writes nothing', async () => {
    const before = await written();
    for (const [name, value] of hostileValues()) {
      for (const actionId of ['shift_claim', 'shift_join_waitlist', 'shift_leave', 'shift_confirm', 'shift_pass']) {
        t().slack.reset();
        const ack = await pressWith(actionId, value);
        expect(ack.status, `${actionId} with ${name}`).toBe(200);
        await t().settle();
        expect(answerTo(actionId), `${actionId} with ${name}`).toContain('That button is broken, so nothing changed.');
      }
    }
    expect(await written()).toEqual(before);
  });

  it('refuses the report-back button with a value we never wrote, in a notice', async () => {
    for (const [name, value] of hostileValues()) {
      t().slack.reset();
      await pressWith('shift_report_back', value);
      await t().settle();
      expect(String(t().slack.callsTo('views.open')[0]?.args.view), name).toContain('That button is broken; nothing was recorded.');
    }
    expect(await db().selectFrom('actions').select('id').execute()).toEqual([]);
  });

  it.each([
    ['not JSON', '{"page":'],
    ['a negative page', '{"page":-1}'],
    ['a page as text', '{"page":"1"}'],
    ['no page', '{}'],
    ['JSON null', 'null'],
  ])('refuses a seat button in a /shifts modal whose metadata is %s, showing the first page', async (_name, privateMetadata) => {
    const before = await written();
    await t().interact(blockAction({ actionId: 'shift_claim', value: String(shiftId), userId: PERSON, view: { id: 'V0BROWSE', hash: 'h', callbackId: 'shifts_browse', privateMetadata } }));
    await t().settle();
    const rebuilt = String(t().slack.callsTo('views.update').find((call) => call.args.view_id === 'V0BROWSE')?.args.view);
    expect(rebuilt).toContain('That button is broken, so nothing changed.');
    expect(await written()).toEqual(before);
  });

  it.each([['-1'], ['1.5'], ['one'], ['']])('turns to the first page, saying why, for a page button of %j', async (value) => {
    await t().interact(blockAction({ actionId: 'shifts_page', value, userId: PERSON, view: { id: 'V0PAGES', hash: 'h', callbackId: 'shifts_browse', privateMetadata: '{"page":0}' } }));
    await t().settle();
    expect(String(t().slack.callsTo('views.update').find((call) => call.args.view_id === 'V0PAGES')?.args.view)).toContain('That button is broken, so here is the first page.');
  });
});

describe('shift modal submissions we never built', () => {
  const submit = (callbackId: string, privateMetadata: unknown, values: Record<string, unknown> = shiftState(localIn(72)), state?: unknown) =>
    t().interact(viewSubmission({ callbackId, viewId: `V0${callbackId}`, values, privateMetadata, userId: STAFF, ...(state === undefined ? {} : { state }) }));

  const zone = { timeZone: TEAM_ZONE };
  it.each([
    ['shift_new', 'not JSON', '{"timeZone":'],
    ['shift_new', 'JSON null', 'null'],
    ['shift_new', 'a number, not a string', 42],
    ['shift_new', 'no time zone', '{}'],
    ['shift_new', 'a time zone that does not exist', JSON.stringify({ timeZone: 'Mars/Olympus_Mons' })],
    ['shift_new', 'a channel that is not a channel id', JSON.stringify({ ...zone, announceChannelId: '#general' })],
    ['shift_edit', 'a shift number as text', JSON.stringify({ ...zone, opportunityId: '1' })],
    ['shift_edit', 'a fractional shift number', JSON.stringify({ ...zone, opportunityId: 1.5 })],
    ['shift_edit', 'no shift number', JSON.stringify(zone)],
  ])('%s with metadata that is %s: refused on the form, nothing written', async (callbackId, _name, privateMetadata) => {
    const before = await written();
    const ack = await submit(callbackId, privateMetadata);
    expect(ack.json?.response_action).toBe('errors');
    expect(String(ack.json?.errors?.shift_title)).toContain('This form is out of date.');
    await t().settle();
    expect(await written()).toEqual(before);
    expect(t().slack.callsTo('chat.postMessage')).toEqual([]);
  });

  const unreadable = "I couldn't read this field.";
  const good = () => shiftState(localIn(72));
  it.each<[string, () => Record<string, unknown>, string, string]>([
    ['a title that is a number', () => ({ ...good(), shift_title: { value: { type: 'plain_text_input', value: 42 } } }), 'shift_title', unreadable],
    ['a day that is not on the calendar', () => ({ ...good(), shift_date: { value: { type: 'datepicker', selected_date: '2027-02-30' } } }), 'shift_date', unreadable],
    ['a day in words', () => ({ ...good(), shift_date: { value: { type: 'datepicker', selected_date: 'tomorrow' } } }), 'shift_date', unreadable],
    ['a time past midnight', () => ({ ...good(), shift_time: { value: { type: 'timepicker', selected_time: '25:00' } } }), 'shift_time', unreadable],
    ['seats with an exponent', () => ({ ...good(), shift_seats: { value: { type: 'number_input', value: '1e3' } } }), 'shift_seats', 'Enter a whole number'],
    ['negative seats', () => ({ ...good(), shift_seats: { value: { type: 'number_input', value: '-5' } } }), 'shift_seats', 'Enter a whole number'],
    ['seats as a JSON number', () => ({ ...good(), shift_seats: { value: { type: 'number_input', value: 5 } } }), 'shift_seats', unreadable],
    ['a role that was never offered', () => ({ ...good(), shift_who: { value: { type: 'radio_buttons', selected_option: { value: 'admin' } } } }), 'shift_who', unreadable],
    ['no role block', () => ({ ...good(), shift_who: undefined }), 'shift_who', unreadable],
    ['an announce box never offered', () => ({ ...good(), shift_announce: { value: { type: 'checkboxes', selected_options: [{ value: 'spam' }] } } }), 'shift_announce', unreadable],
    ['a title block of another element', () => ({ ...good(), shift_title: { value: { type: 'datepicker', selected_date: '2027-01-01' } } }), 'shift_title', unreadable],
    ['a where block that is a string', () => ({ ...good(), shift_where: 'https://meet.example.org' }), 'shift_where', unreadable],
  ])('shift_new with %s: an error on that field, nothing written', async (_name, values, blockId, words) => {
    const before = await written();
    const ack = await submit('shift_new', JSON.stringify({ ...zone, announceChannelId: null }), JSON.parse(JSON.stringify(values())));
    expect(ack.json?.response_action).toBe('errors');
    expect(String(ack.json?.errors?.[blockId])).toContain(words);
    await t().settle();
    expect(await written()).toEqual(before);
  });

  it('names an unreadable field together with every rule the readable ones break', async () => {
    const ack = await submit('shift_new', JSON.stringify(zone), { ...good(), shift_seats: { value: { type: 'number_input', value: 5 } }, shift_title: { value: { type: 'plain_text_input', value: null } } });
    expect(ack.json?.errors).toEqual({ shift_seats: expect.stringContaining(unreadable), shift_title: expect.stringContaining('Give the shift a title') });
  });

  it.each([
    ['no state', undefined],
    ['state values that are an array', { values: [] }],
    ['state values that are null', { values: null }],
  ])('shift_new with %s: refused on the form, nothing written', async (_name, state) => {
    const before = await written();
    const payload = viewSubmission({ callbackId: 'shift_new', viewId: 'V0NOSTATE', values: {}, privateMetadata: JSON.stringify(zone), userId: STAFF, state });
    const ack = await t().interact(payload);
    expect(ack.json?.response_action).toBe('errors');
    expect(Object.keys(ack.json?.errors ?? {})).not.toHaveLength(0);
    expect(await written()).toEqual(before);
  });

  it.each([
    ['shift_cancel', '{"opportunityId":"1"}', 'This form is out of date, so nothing was cancelled.'],
    ['shift_roster', '{"opportunityId":-1}', 'This roster is out of date, so nothing changed.'],
    ['shift_pick', '{"purpose":"delete"}', 'This list is out of date, so nothing was opened.'],
    ['shift_report', '{"claimId":"1"}', 'This form is out of date; nothing was recorded.'],
  ])('%s with metadata %s: a notice saying so, nothing written', async (callbackId, privateMetadata, words) => {
    const before = await written();
    const values = callbackId === 'shift_roster' ? { shift_remove: { value: { type: 'users_select', selected_user: 'U0A' } } } : {};
    const ack = await t().interact(viewSubmission({ callbackId, viewId: 'V0META', values, privateMetadata, userId: STAFF }));
    expect(ack.json?.response_action).toBe('update');
    expect(JSON.stringify(ack.json?.view)).toContain(words);
    await t().settle();
    expect(await written()).toEqual(before);
  });

  it('refuses a shift picked from the list that was never on it', async () => {
    const ack = await t().interact(
      viewSubmission({ callbackId: 'shift_pick', viewId: 'V0PICK', values: { shift_pick: { value: { type: 'static_select', selected_option: { value: `${shiftId}e0` } } } }, privateMetadata: '{"purpose":"roster"}', userId: STAFF }),
    );
    expect(ack.json?.errors?.shift_pick).toBe('Choose a shift from the list.');
    expect(t().slack.callsTo('views.open')).toEqual([]);
  });
});
