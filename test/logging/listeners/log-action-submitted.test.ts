import { describe, expect, it } from 'vitest';
import { addDays, todayIn } from '../../../src/domain/dates.js';
import { useTestApp } from '../../support/harness.js';
import { blockAction, logModalState, viewSubmission, type LogModalInput } from '../../support/payloads.js';

const t = useTestApp();

const actionRows = () => t().db.database.db.selectFrom('actions').selectAll().orderBy('id').execute();
const today = () => todayIn('America/Chicago');

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
