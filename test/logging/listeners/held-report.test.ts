/**
 * A report that repeats one the same person made minutes before is held back, shown next to the earlier
 * one, and stored only when they say it is a second session — once, however they click.
 */
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../support/harness.js';
import { blockAction } from '../../support/payloads.js';

const t = useTestApp();

const storedDoors = async () =>
  (await t().db.database.db.selectFrom('actions').select('counts').orderBy('id').execute()).map((row) => row.counts.doors);
const heldRows = () => t().db.database.db.selectFrom('held_reports').selectAll().execute();

function buttonsOf(reply: { json: Record<string, any> | null }): Record<string, string> {
  const elements = (reply.json?.blocks ?? []).flatMap((block: any) => block.elements ?? []);
  return Object.fromEntries(elements.map((element: any) => [element.action_id, element.value]));
}

const press = (actionId: string, value: string, userId = 'U0VOLUNTEER') =>
  t().interact(blockAction({ actionId, value, userId, responseUrl: t().slack.responseUrl(actionId) }));

async function logTwice() {
  expect((await t().command('/log-knock', '30 doors 9 talked at Elm')).json?.text).toContain(':white_check_mark: Recorded');
  const again = await t().command('/log-knock', '30 doors 9 talked at Oak');
  return { again, buttons: buttonsOf(again) };
}

describe('a likely repeat', () => {
  it('is held, not stored, and the earlier report is shown with a question', async () => {
    const { again, buttons } = await logTwice();
    expect(again.json?.response_type).toBe('ephemeral');
    expect(again.json?.text).toMatch(/^You logged exactly this 1 minute ago: Door knocking \(Recruit · offline\) on .* at Elm: 30 doors knocked, 9 conversations\. Is this another session\? Nothing new is recorded until you say so\.$/);
    expect(Object.keys(buttons)).toEqual(['record_held_report', 'drop_held_report']);
    expect(await storedDoors()).toEqual([30]);
    expect(await heldRows()).toHaveLength(1);
  });

  it('is stored once when its author says it is another session, even on a double click', async () => {
    const { buttons } = await logTwice();
    const held = buttons.record_held_report!;
    await Promise.all([press('record_held_report', held), press('record_held_report', held)]);
    const answers = await t().slack.waitFor('response_url', 2);
    const texts = answers.map((answer) => String(answer.args.text));
    // One click stores it; the other finds it stored or the question already answered, never a second copy.
    expect(texts.filter((text) => text.startsWith(':white_check_mark: Recorded'))).toHaveLength(1);
    expect(await storedDoors()).toEqual([30, 30]);
    expect(await heldRows()).toHaveLength(0);
    // A third click, later: answered, nothing changes.
    await press('record_held_report', held);
    const [, , third] = await t().slack.waitFor('response_url', 3);
    expect(third?.args.text).toBe('That question was already answered. Nothing else was changed.');
    expect(await storedDoors()).toEqual([30, 30]);
  });

  it('is let go when its author says it is the same one', async () => {
    const { buttons } = await logTwice();
    await press('drop_held_report', buttons.drop_held_report!);
    const [answer] = await t().slack.waitFor('response_url');
    expect(answer?.args).toMatchObject({ replace_original: true, text: ':ok_hand: Kept just the one you logged before. Nothing new was recorded.' });
    expect(await storedDoors()).toEqual([30]);
    expect(await heldRows()).toHaveLength(0);
  });

  it('can be answered only by its author, and only through a button the app wrote', async () => {
    const { buttons } = await logTwice();
    await press('record_held_report', buttons.record_held_report!, 'U0SOMEONE');
    // Its answer first (it reads the database; the forged ones are refused without), so the order below is known.
    const [stranger] = await t().slack.waitFor('response_url');
    expect(stranger?.args.text).toBe('That question was already answered. Nothing else was changed.');
    for (const forged of ['', '0', '0x10', '1e3', ' 1', '1.0', '-1', '99999999999999999999']) await press('record_held_report', forged);
    const answers = await t().slack.waitFor('response_url', 9);
    for (const answer of answers.slice(1)) expect(answer.args.text).toBe('That button is broken; nothing was changed.');
    expect(await storedDoors()).toEqual([30]);
    expect(await heldRows()).toHaveLength(1);
  });

  it('is not what a retried delivery of the same command is: that is already recorded', async () => {
    const first = await t().command('/log-knock', '12 doors', { triggerId: 'trigger.retried' });
    const retried = await t().command('/log-knock', '12 doors', { triggerId: 'trigger.retried' });
    expect(first.json?.text).toContain(':white_check_mark: Recorded');
    expect(retried.json?.text).toContain(':white_check_mark: Already recorded');
    expect(await storedDoors()).toEqual([12]);
    expect(await heldRows()).toHaveLength(0);
  });

  it('is not the same report on another day, or with other counts: those are simply recorded', async () => {
    await t().command('/log-knock', '30 doors 9 talked');
    expect((await t().command('/log-knock', '30 doors 9 talked yesterday')).json?.text).toContain(':white_check_mark: Recorded');
    expect((await t().command('/log-knock', '30 doors 8 talked')).json?.text).toContain(':white_check_mark: Recorded');
    expect(await storedDoors()).toEqual([30, 30, 30]);
  });
});
