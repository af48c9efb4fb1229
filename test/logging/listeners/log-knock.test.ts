import { describe, expect, it } from 'vitest';
import { addDays, todayIn, weekStart } from '../../../src/domain/dates.js';
import { useTestApp } from '../../support/harness.js';

/** The app's clock and the test's: "today" is the same day for both, even at midnight. */
const NOW = new Date();
const t = useTestApp({ clock: () => NOW });

const actionRows = () => t().db.database.db.selectFrom('actions').selectAll().orderBy('id').execute();
const chicagoToday = () => todayIn('America/Chicago', NOW);
const farFutureYear = Number(chicagoToday().slice(0, 4)) + 5;

describe('/log-knock with text', () => {
  it('records the session and answers privately with what was recorded and the week so far', async () => {
    const reply = await t().command('/log-knock', '40 doors 12 talked 5 signed at "Elm St"');
    expect(reply.status).toBe(200);
    expect(reply.json?.response_type).toBe('ephemeral');
    expect(reply.json?.text).toContain('Recorded');
    expect(reply.json?.text).toContain('Door knocking (Recruit · offline)');
    expect(reply.json?.text).toContain('40 doors knocked, 12 conversations, 5 sign-ups');
    expect(reply.json?.text).toContain('at Elm St');
    const week = JSON.stringify(reply.json?.blocks);
    expect(week).toContain('Offline: 1 action (40 doors knocked, 12 conversations, 5 sign-ups)');
    expect(week).toContain('Online: nothing yet');
    expect(week).toContain('"action_id":"undo_action"');

    const rows = await actionRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      team_id: 'T0GROUND',
      user_id: 'U0VOLUNTEER',
      tactic_id: 'door_knocking',
      goal: 'recruit',
      channel: 'offline',
      counts: { doors: 40, conversations: 12, signups: 5 },
      occurred_on: chicagoToday(),
      place: 'Elm St',
      source: 'command',
    });
    // The reply travels in the ack: nothing was posted into the channel.
    expect(t().slack.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('resolves "yesterday" in the person\'s own Slack time zone and adds to the weekly totals', async () => {
    t().slack.on('users.info', (args) => ({ ok: true, user: { id: args.user, tz: 'Pacific/Kiritimati' } }));
    await t().command('/log-knock', '10 doors', { userId: 'U0KIRI' });
    const reply = await t().command('/log-knock', 'yesterday knocks 20 convos 4', { userId: 'U0KIRI' });
    expect(reply.json?.text).toContain('20 doors knocked, 4 conversations');
    const rows = await actionRows();
    expect(rows.map((r) => r.occurred_on)).toEqual([todayIn('Pacific/Kiritimati', NOW), addDays(todayIn('Pacific/Kiritimati', NOW), -1)]);
    // Looked up once, then read from the cache.
    expect(t().slack.callsTo('users.info')).toHaveLength(1);
  });

  it('counts this week only in the week so far: an earlier week\'s report is recorded but not added', async () => {
    await t().command('/log-knock', '10 doors 4 talked');
    const lastWeek = addDays(weekStart(chicagoToday()), -3);
    const reply = await t().command('/log-knock', `5 doors ${lastWeek}`);
    expect(reply.json?.text).toContain('5 doors knocked');
    expect(JSON.stringify(reply.json?.blocks)).toContain('Offline: 1 action (10 doors knocked, 4 conversations)');
    const third = await t().command('/log-knock', '2 doors 1 signed');
    expect(JSON.stringify(third.json?.blocks)).toContain('Offline: 2 actions (12 doors knocked, 4 conversations, 1 sign-up)');
    expect(await actionRows()).toHaveLength(3);
  });

  it('still answers inside Slack\'s 3 seconds when users.info is slow, counting the day in UTC meanwhile', async () => {
    t().slack.on('users.info', async (args) => {
      await new Promise((resolve) => setTimeout(resolve, 4000));
      return { ok: true, user: { id: args.user, tz: 'America/Chicago' } };
    });
    const started = Date.now();
    const reply = await t().command('/log-knock', '7 doors', { userId: 'U0SLOWPROFILE' });
    expect(Date.now() - started).toBeLessThan(2500);
    expect(reply.json?.text).toContain('Recorded');
    const [row] = await actionRows();
    expect(row?.occurred_on).toBe(todayIn('UTC', NOW));
  });

  it('answers a retried request (same trigger) with the first record instead of a second one', async () => {
    const first = await t().command('/log-knock', '12 doors', { triggerId: 'trigger.same' });
    const again = await t().command('/log-knock', '12 doors', { triggerId: 'trigger.same' });
    expect(first.json?.text).toContain('Recorded');
    expect(again.json?.text).toContain('Already recorded');
    expect(await actionRows()).toHaveLength(1);
  });

  it.each([
    ['hello world', "couldn't find any counts"],
    ['40 doors 12', '12'],
    ['-5 doors', 'doors'],
    ['6000 doors', 'at most 5,000'],
    ['10 doors 20 talked', 'more than the 10 doors knocked'],
    ['10 doors 2026-02-30', 'not a real date'],
    [`10 doors ${addDays(todayIn('America/Chicago', NOW), 2)}`, 'in the future'],
    ['10 doors tomorrow', '“tomorrow” is in the future. Log actions once they have happened.'],
    ['10 doors next week', '“next week” is in the future.'],
    [`10 doors ${farFutureYear}-11-20`, `Nov ${farFutureYear} is in the future`],
    ['10 doors 1e400 talked', "I can't read 1e400 as a number"],
    [`10 doors note: ${'x'.repeat(501)}`, 'keep it to 500'],
    ['3 letters', 'letters'],
  ])('refuses %j with a clear reason and a working example, storing nothing', async (text, reason) => {
    const reply = await t().command('/log-knock', text);
    expect(reply.status).toBe(200);
    expect(reply.json?.response_type).toBe('ephemeral');
    expect(reply.json?.text).toContain(reason);
    expect(reply.json?.text).toContain('Nothing was recorded');
    expect(reply.json?.text).toMatch(/Try: `\/log-knock \d+ doors/);
    expect(await actionRows()).toHaveLength(0);
  });

  it('stores the note exactly as typed: emoji codes keep their colons, and an emoji counts as one character', async () => {
    const emoji = '😀'.repeat(495);
    await t().command('/log-knock', '10 doors great day :skull:', { triggerId: 'trigger.skull' });
    await t().command('/log-knock', `٣ doors note: ${emoji} :+1:`, { triggerId: 'trigger.emoji' });
    const rows = await actionRows();
    expect(rows.map((r) => [r.counts, r.note])).toEqual([
      [{ doors: 10 }, 'great day :skull:'],
      [{ doors: 3 }, `${emoji} :+1:`],
    ]);

    const tooLong = await t().command('/log-knock', `10 doors note: ${'😀'.repeat(501)}`);
    expect(tooLong.json?.text).toContain('The note is 501 characters; keep it to 500.');
    expect(await actionRows()).toHaveLength(2);
  });

  it.each([
    ['a 100,000-character word', 'x'.repeat(100_000)],
    ['100,000 digits and a letter', `${'1'.repeat(100_000)}x`],
    ['50,000 emoji', '😀'.repeat(50_000)],
  ])('refuses %s within a fraction of a second, storing nothing', async (_name, text) => {
    // A first short command warms the app and caches the person's time zone, so what is timed is the long text.
    expect((await t().command('/log-knock', 'hello')).json?.text).toContain("couldn't find any counts");
    const started = performance.now();
    const reply = await t().command('/log-knock', text);
    const elapsed = performance.now() - started;
    expect(reply.status).toBe(200);
    expect(reply.json?.text).toContain('That text is longer than 2,000 characters');
    expect(reply.json?.text).toContain('Nothing was recorded');
    expect(reply.json?.text).toMatch(/Try: `\/log-knock \d+ doors/);
    // The whole signed request, body parsing and signature check included; the parse alone is held to 100 ms in its unit test.
    expect(elapsed).toBeLessThan(500);
    expect(await actionRows()).toHaveLength(0);
  });

  it('opens the modal set to door knocking when typed with no text', async () => {
    const reply = await t().command('/log-knock', '', { triggerId: 'trigger.modal' });
    expect(reply.status).toBe(200);
    const [open] = await t().slack.waitFor('views.open');
    expect(open?.args.trigger_id).toBe('trigger.modal');
    const view = JSON.parse(String(open?.args.view));
    expect(view.callback_id).toBe('log_action');
    const tacticBlock = view.blocks.find((b: { block_id?: string }) => b.block_id === 'tactic');
    expect(tacticBlock.element.initial_option.value).toBe('door_knocking');
    const countBlocks = view.blocks.filter((b: { block_id?: string }) => b.block_id?.startsWith('count_')).map((b: { block_id: string }) => b.block_id);
    expect(countBlocks).toEqual(['count_doors', 'count_conversations', 'count_signups']);
    const date = view.blocks.find((b: { block_id?: string }) => b.block_id === 'date');
    expect(date.element.initial_date).toBe(chicagoToday());
    expect(await actionRows()).toHaveLength(0);
  });
});
