import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayIn } from '../../../src/domain/dates.js';
import { useTestApp } from '../../support/harness.js';
import { blockAction, logModalState, viewSubmission, type LogModalInput } from '../../support/payloads.js';

/** The app's clock and the test's: "today" is the same day for both, even at midnight. */
const NOW = new Date();
const t = useTestApp({ clock: () => NOW });

const actionRows = () => t().db.database.db.selectFrom('actions').selectAll().orderBy('id').execute();
const today = () => todayIn('America/Chicago', NOW);

/** Opens the modal the way a person does, and returns its private_metadata. */
async function openModal(): Promise<{ metadata: string; view: any }> {
  await t().command('/log-action', '', { triggerId: 'trigger.open' });
  const [open] = await t().slack.waitFor('views.open');
  const view = JSON.parse(String(open?.args.view));
  return { metadata: view.private_metadata as string, view };
}

function submit(metadata: string, input: LogModalInput, viewId = 'V900', userId?: string) {
  return t().interact(viewSubmission({ callbackId: 'log_action', viewId, values: logModalState(input), privateMetadata: metadata, ...(userId ? { userId } : {}) }));
}

describe('/log-action modal', () => {
  it('offers every tactic grouped by goal and labelled offline or online', async () => {
    const { view } = await openModal();
    const select = view.blocks.find((b: any) => b.block_id === 'tactic').element;
    expect(select.option_groups.map((g: any) => g.label.text)).toEqual(['Recruit', 'Engage', 'Campaign']);
    const labels = select.option_groups.flatMap((g: any) => g.options.map((o: any) => o.text.text));
    expect(labels).toContain('Phone banking · offline');
    expect(labels).toContain('Petitions · online');
    expect(labels).toHaveLength(22);
    expect(view.blocks.find((b: any) => b.block_id === 'date').element.initial_date).toBe(today());
  });

  it('shows the counts of the tactic the person picks', async () => {
    const { metadata } = await openModal();
    await t().interact(blockAction({ actionId: 'choose_tactic', selectedOption: 'phone_bank', view: { id: 'V1', hash: 'h1', callbackId: 'log_action', privateMetadata: metadata } }));
    const [update] = await t().slack.waitFor('views.update');
    expect(update?.args.view_id).toBe('V1');
    const view = JSON.parse(String(update?.args.view));
    expect(view.blocks.filter((b: any) => b.block_id?.startsWith('count_')).map((b: any) => b.label.text)).toEqual(['Calls', 'Conversations', 'Sign-ups']);
  });

  it.each([
    ['a tactic that was never offered', 'bribery', (good: string) => good],
    ['metadata that is not JSON', 'phone_bank', () => 'not json'],
    ['metadata without the day it opened', 'phone_bank', () => '{"responseUrl":"https://hooks.slack.invalid/x"}'],
  ])('replaces the modal with a notice when a tactic choice carries %s', async (_name, tacticId, metadata) => {
    const { metadata: good } = await openModal();
    await t().interact(blockAction({ actionId: 'choose_tactic', selectedOption: tacticId, view: { id: 'V2', hash: 'h2', callbackId: 'log_action', privateMetadata: metadata(good) } }));
    const [update] = await t().slack.waitFor('views.update');
    expect(update?.args.view_id).toBe('V2');
    const view = JSON.parse(String(update?.args.view));
    expect(view.submit).toBeUndefined();
    expect(JSON.stringify(view.blocks)).toContain("couldn't read this form, so nothing was recorded. Close it and start again with /log-action");
  });

  it('stores a good report, closes the modal and confirms where the command was typed', async () => {
    const { metadata } = await openModal();
    const reply = await submit(metadata, {
      tacticId: 'petition',
      date: addDays(today(), -1),
      counts: { signatures: '340', signups: '12' },
      place: 'Change.org',
      story: 'The landlord called us after 300 signatures.',
      feature: true,
    });
    expect(reply.status).toBe(200);
    expect(reply.text).toBe('');
    const [confirmation] = await t().slack.waitFor('response_url');
    expect(confirmation?.args.response_type).toBe('ephemeral');
    expect(String(confirmation?.args.text)).toContain('Petitions (Recruit · online)');
    expect(String(confirmation?.args.text)).toContain('340 signatures, 12 sign-ups');
    expect(JSON.stringify(confirmation?.args.blocks)).toContain('may be featured in the weekly digest');
    const rows = await actionRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      tactic_id: 'petition',
      goal: 'recruit',
      channel: 'online',
      counts: { signatures: 340, signups: 12 },
      occurred_on: addDays(today(), -1),
      story: 'The landlord called us after 300 signatures.',
      story_consent: true,
      source: 'modal',
    });
  });

  it('keeps one record when the same modal is submitted twice', async () => {
    const { metadata } = await openModal();
    await submit(metadata, { tacticId: 'phone_bank', date: today(), counts: { calls: '50' } }, 'V-double');
    await submit(metadata, { tacticId: 'phone_bank', date: today(), counts: { calls: '50' } }, 'V-double');
    expect(await actionRows()).toHaveLength(1);
    const confirmations = await t().slack.waitFor('response_url', 2);
    expect(String(confirmations[1]?.args.text)).toContain('Already recorded');
  });

  it.each([
    [{ date: '', counts: { doors: '10' } }, 'tactic', 'Choose what you did'],
    [{ tacticId: 'door_knocking', date: 'TODAY', counts: { doors: '6000' } }, 'count_doors', 'at most 5,000'],
    [{ tacticId: 'door_knocking', date: 'TODAY', counts: { doors: '-3' } }, 'count_doors', 'whole number'],
    [{ tacticId: 'door_knocking', date: 'TODAY', counts: {} }, 'count_doors', 'at least one count'],
    [{ tacticId: 'door_knocking', date: 'TOMORROW', counts: { doors: '10' } }, 'date', 'in the future'],
    [{ tacticId: 'door_knocking', date: 'TODAY', counts: { doors: '10' }, feature: true }, 'story', 'Write the story'],
  ])('puts the problem on its field and stores nothing (%#)', async (input, blockId, message) => {
    const { metadata } = await openModal();
    const date = input.date === 'TODAY' ? today() : input.date === 'TOMORROW' ? addDays(today(), 1) : input.date;
    const reply = await submit(metadata, { ...(input as LogModalInput), date });
    expect(reply.status).toBe(200);
    expect(reply.json?.response_action).toBe('errors');
    expect(reply.json?.errors[blockId]).toContain(message);
    expect(await actionRows()).toHaveLength(0);
    expect(t().slack.callsTo('response_url')).toHaveLength(0);
  });
});

/** Well under the 3 s after which Slack gives up on an answer (and Bolt's own timeout answers 404). */
const ANSWERED_WITHIN_MS = 1500;

type Values = Record<string, unknown>;
let openedMetadata = '';
const element = (type: string, fields: Record<string, unknown>) => ({ value: { type, ...fields } });
const countOf = (value: unknown) => element('number_input', { value });
const option = (value: unknown) => ({ value, text: { type: 'plain_text', text: String(value) } });

/** A submission Slack would never send: a good door-knocking report with `change` applied. */
async function submitHostile(change: { values?: (values: Values) => void; state?: unknown; metadata?: (good: string) => unknown }) {
  const values: Values = logModalState({ tacticId: 'door_knocking', date: today(), counts: { doors: '10' } });
  change.values?.(values);
  const started = performance.now();
  const reply = await t().interact(
    viewSubmission({
      callbackId: 'log_action',
      viewId: 'V-hostile',
      values,
      privateMetadata: change.metadata ? change.metadata(openedMetadata) : openedMetadata,
      ...('state' in change ? { state: change.state } : {}),
    }),
  );
  return { reply, elapsed: performance.now() - started };
}

async function expectNothingRecorded() {
  await t().settle();
  expect(await actionRows()).toHaveLength(0);
  expect(t().slack.callsTo('response_url')).toHaveLength(0);
  expect(t().slack.callsTo('chat.postMessage')).toHaveLength(0);
  expect(t().logs.join('\n')).not.toContain('Unhandled listener error');
}

describe('a log-action submission of a shape Slack never sends', () => {
  // The metadata of a modal opened the way a person opens it; every case below starts from it.
  beforeAll(async () => {
    openedMetadata = (await openModal()).metadata;
  });

  const fieldCases: [name: string, change: (values: Values) => void, blockId: string, says: string][] = [
    ['the tactic block as a string', (v) => void (v.tactic = 'door_knocking'), 'tactic', "couldn't read this field"],
    ['the tactic block as an array', (v) => void (v.tactic = [{ choose_tactic: { type: 'static_select', selected_option: option('door_knocking') } }]), 'tactic', "couldn't read this field"],
    ['the tactic block as null', (v) => void (v.tactic = null), 'tactic', "couldn't read this field"],
    ['no tactic block', (v) => void delete v.tactic, 'tactic', "couldn't read this field"],
    ['the chosen tactic as a bare string', (v) => void (v.tactic = { choose_tactic: { type: 'static_select', selected_option: 'door_knocking' } }), 'tactic', 'Choose what you did from the list'],
    ['a tactic that was never offered', (v) => void (v.tactic = { choose_tactic: { type: 'static_select', selected_option: option('bribery') } }), 'tactic', 'Choose what you did from the list'],
    ['the tactic under another action id', (v) => void (v.tactic = { value: { type: 'static_select', selected_option: option('door_knocking') } }), 'tactic', "couldn't read this field"],
    ['the tactic from another kind of element', (v) => void (v.tactic = { choose_tactic: { type: 'external_select', selected_option: option('door_knocking') } }), 'tactic', "couldn't read this field"],
    ['the date as a number', (v) => void (v.date = element('datepicker', { selected_date: 20260101 })), 'date', 'Choose the day from the calendar'],
    ['the date as an array', (v) => void (v.date = element('datepicker', { selected_date: [today()] })), 'date', 'Choose the day from the calendar'],
    ['a date that does not exist', (v) => void (v.date = element('datepicker', { selected_date: '2026-02-30' })), 'date', 'Choose the day from the calendar'],
    ['a date with a time of day', (v) => void (v.date = element('datepicker', { selected_date: `${today()}T00:00:00Z` })), 'date', 'Choose the day from the calendar'],
    ['no date block', (v) => void delete v.date, 'date', "couldn't read this field"],
    ['a count as a JSON number', (v) => void (v.count_doors = countOf(10)), 'count_doors', "couldn't read this field"],
    ['a count as an object', (v) => void (v.count_doors = countOf({ value: '10' })), 'count_doors', "couldn't read this field"],
    ...['1e3', '0x10', '', ' 5 ', '-1', '12.0', '+7'].map((raw): [string, (v: Values) => void, string, string] => [`the count "${raw}"`, (v) => void (v.count_doors = countOf(raw)), 'count_doors', 'Enter a whole number, 0 or more, like 12']),
    ['a count too big to be one', (v) => void (v.count_doors = countOf('99999999999999999999')), 'count_doors', 'too big'],
    ['no block for a count the tactic uses', (v) => void delete v.count_doors, 'count_doors', "couldn't read this field"],
    ['the place as an object', (v) => void (v.place = element('plain_text_input', { value: { text: 'Elm St' } })), 'place', "couldn't read this field"],
    ['the place with no value key at all', (v) => void (v.place = element('plain_text_input', {})), 'place', "couldn't read this field"],
    ['the note as an array', (v) => void (v.note = element('plain_text_input', { value: ['a note'] })), 'note', "couldn't read this field"],
    ['the story as a number', (v) => void (v.story = element('plain_text_input', { value: 5 })), 'story', "couldn't read this field"],
    ['no story block', (v) => void delete v.story, 'story', "couldn't read this field"],
    ['the ticked boxes as a string', (v) => void (v.feature = element('checkboxes', { selected_options: 'feature' })), 'feature', "couldn't read this field"],
    ['a box that was never offered', (v) => void (v.feature = element('checkboxes', { selected_options: [option('everything')] })), 'feature', "couldn't read this field"],
  ];

  it.each(fieldCases)('answers %s at once with an error on that field, and records nothing', async (_name, change, blockId, says) => {
    const { reply, elapsed } = await submitHostile({ values: change });
    expect(elapsed).toBeLessThan(ANSWERED_WITHIN_MS);
    expect(reply.status).toBe(200);
    expect(reply.json?.response_action).toBe('errors');
    expect(Object.keys(reply.json?.errors ?? {})).toEqual([blockId]);
    expect(reply.json?.errors[blockId]).toContain(says);
    await expectNothingRecorded();
  });

  it('names every unreadable field at once', async () => {
    const { reply } = await submitHostile({
      values: (v) => {
        v.date = element('datepicker', { selected_date: 7 });
        v.count_doors = countOf('0x10');
        v.note = null;
      },
    });
    expect(Object.keys(reply.json?.errors ?? {}).sort()).toEqual(['count_doors', 'date', 'note']);
    await expectNothingRecorded();
  });

  const refusals: [name: string, change: Parameters<typeof submitHostile>[0]][] = [
    ['no state at all', { state: undefined }],
    ['a state without values', { state: {} }],
    ['values as an array', { state: { values: [] } }],
    ['values as a string', { state: { values: 'tactic' } }],
    ['private_metadata that is not JSON', { metadata: () => 'not json' }],
    ['private_metadata that is JSON but not ours', { metadata: () => '[1,2]' }],
    ['private_metadata of null', { metadata: () => 'null' }],
    ['private_metadata without the day it opened', { metadata: () => '{}' }],
    ['private_metadata with the day as a number', { metadata: () => '{"today":20260101}' }],
    ['a response_url that is not a web address', { metadata: (good) => JSON.stringify({ ...JSON.parse(good), responseUrl: 'javascript:alert(1)' }) }],
    ['private_metadata that is not a string', { metadata: () => ({ today: today() }) }],
  ];

  it.each(refusals)('refuses %s at once, saying nothing was recorded', async (_name, change) => {
    const { reply, elapsed } = await submitHostile(change);
    expect(elapsed).toBeLessThan(ANSWERED_WITHIN_MS);
    expect(reply.status).toBe(200);
    expect(reply.json?.response_action).toBe('update');
    const notice = JSON.stringify(reply.json?.view.blocks);
    expect(notice).toContain("couldn't read this form, so nothing was recorded");
    expect(notice).toContain('/log-action');
    await expectNothingRecorded();
  });
});
