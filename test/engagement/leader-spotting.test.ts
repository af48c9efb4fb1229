/**
 * The weekly leader-spotting DM to staff (the job, once per team and week), and its buttons over
 * signed requests: an ask goes to the person once, Snooze keeps them out for four weeks.
 */
import { WebClient } from '@slack/web-api';
import { describe, expect, it } from 'vitest';
import { sendLeaderSpotting } from '../../src/engagement/leader-spotting-job.js';
import { seedActions } from '../support/digest-week.js';
import { FAKE_TEAM_ID } from '../support/fake-slack.js';
import { capturingLogger, useTestApp } from '../support/harness.js';
import { blockAction } from '../support/payloads.js';
import { STAFF, setUpTeam } from '../support/shifts.js';
import type { TacticId } from '../../src/domain/tactics.js';

/** Monday 30 Nov 2026: the DM is about the week of 23 November. */
const NOW = new Date('2026-11-30T15:00:00Z');
const t = useTestApp({ clock: () => NOW });
const db = () => t().db.database.db;
const jobDeps = () => ({ db: db(), client: new WebClient('xoxb-test', { slackApiUrl: t().slack.apiUrl, retryConfig: { retries: 0 } }), logger: capturingLogger([]) });

const act = (userId: string, days: readonly string[], tacticId: TacticId = 'petition') =>
  seedActions(db(), days.map((on) => ({ userId, tacticId, on, counts: tacticId === 'one_on_one' ? { conversations: 1 } : { signatures: 2 } })));

async function seedTeam() {
  await setUpTeam(db());
  // Climbed to Regular in the week of 23 November.
  await act('U0AMY', ['2026-11-02', '2026-11-09', '2026-11-16', '2026-11-24']);
  // Trained in the week of 23 November (a fixed time: the clock is NOW, whatever the day the test runs): a leader signal.
  await act('U0CAL', ['2026-11-24']);
  await db().insertInto('person_skills').values({ team_id: FAKE_TEAM_ID, user_id: 'U0CAL', skill: 'phone_bank', source: 'staff', training_id: null, recorded_by: STAFF, earned_at: new Date('2026-11-24T18:00:00Z') }).execute();
  // Three one-on-ones (a signal), but snoozed until after today.
  await act('U0SNOOZED', ['2026-11-24', '2026-11-25', '2026-11-26'], 'one_on_one');
  await db().insertInto('leader_snoozes').values({ team_id: FAKE_TEAM_ID, user_id: 'U0SNOOZED', until: '2026-12-14', snoozed_by: STAFF }).execute();
  // Active, but neither climbing nor showing a signal.
  await act('U0BEN', ['2026-11-24']);
}

const staffDms = () => t().slack.callsTo('chat.postMessage').filter((c) => c.args.channel === STAFF);
type Block = { type: string; text?: { text: string }; elements?: { action_id: string; value: string; text: { text: string }; style?: string }[] };
const blocksOf = (call: { args: Record<string, unknown> }) => JSON.parse(String(call.args.blocks)) as Block[];

describe('the weekly leader-spotting DM', () => {
  it('lists, by name, who climbed or shows leader signals, with a suggested ask; once per week', async () => {
    await seedTeam();
    await sendLeaderSpotting(jobDeps(), NOW);
    const [dm] = staffDms();
    expect(dm).toBeDefined();
    const text = String(dm?.args.text);
    expect(text).toBe('Leaders to develop this week: <@U0AMY>, <@U0CAL>.');
    const sections = blocksOf(dm!).filter((b) => b.type === 'section').map((b) => b.text?.text);
    expect(sections).toEqual([
      '<@U0AMY>: climbed to *Regular*.\nSuggested next ask: *ask to host*.',
      '<@U0CAL>: *Volunteer*; trained in a skill.\nSuggested next ask: *invite to lead a training*.',
    ]);
    const buttons = blocksOf(dm!).flatMap((b) => b.elements ?? []);
    expect(buttons.filter((b) => b.value === 'U0CAL|2026-11-23').map((b) => [b.text.text, b.style])).toEqual([
      ['Invite to lead a training', 'primary'],
      ['Ask to host', undefined],
      ['Snooze 4 weeks', undefined],
    ]);
    // Another tick, another instance: the week's run is done.
    await sendLeaderSpotting(jobDeps(), new Date(NOW.getTime() + 3_600_000));
    expect(staffDms()).toHaveLength(1);
  });

  it('sends the ask to the person once, however many clicks, and tells staff', async () => {
    await seedTeam();
    const press = (actionId: string, userId = STAFF) => t().interact(blockAction({ actionId, value: 'U0CAL|2026-11-23', userId, responseUrl: t().slack.responseUrl(`ask-${userId}`) }));
    await press('leader_ask_training');
    await t().settle();
    await press('leader_ask_training', 'U0ADMIN2');
    await t().settle();
    const toCal = t().slack.callsTo('chat.postMessage').filter((c) => c.args.channel === 'U0CAL');
    expect(toCal).toHaveLength(1);
    expect(String(toCal[0]?.args.text)).toContain(`<@${STAFF}> would love you to *lead a training*`);
    const answers = t().slack.callsTo('response_url').map((c) => String(c.args.text));
    expect(answers[0]).toContain('Done: <@U0CAL> got your ask');
    // The second clicker is not staff in this test: they are refused, and Cal still has one DM.
    expect(await db().selectFrom('leader_asks').select(['user_id', 'ask', 'week', 'asked_by']).execute()).toEqual([{ user_id: 'U0CAL', ask: 'lead_training', week: '2026-11-23', asked_by: STAFF }]);
    await press('leader_ask_training');
    await t().settle();
    expect(t().slack.callsTo('response_url').map((c) => String(c.args.text)).at(-1)).toContain('was already asked this week');
    expect(t().slack.callsTo('chat.postMessage').filter((c) => c.args.channel === 'U0CAL')).toHaveLength(1);
  });

  it('snoozes someone for four weeks: they are left out of the next DMs', async () => {
    await seedTeam();
    await t().interact(blockAction({ actionId: 'leader_snooze', value: 'U0CAL|2026-11-23', userId: STAFF, responseUrl: t().slack.responseUrl('snooze') }));
    await t().settle();
    expect(String(t().slack.callsTo('response_url')[0]?.args.text)).toContain('<@U0CAL> is snoozed');
    expect(await db().selectFrom('leader_snoozes').select(['user_id', 'until']).where('user_id', '=', 'U0CAL').execute()).toEqual([{ user_id: 'U0CAL', until: '2026-12-28' }]);
    await sendLeaderSpotting(jobDeps(), NOW);
    expect(String(staffDms()[0]?.args.text)).toBe('Leaders to develop this week: <@U0AMY>.');
  });

  it('refuses a button value it never wrote, asking nobody', async () => {
    await seedTeam();
    await t().interact(blockAction({ actionId: 'leader_ask_host', value: '<!channel>|now', userId: STAFF, responseUrl: t().slack.responseUrl('bad') }));
    await t().settle();
    expect(String(t().slack.callsTo('response_url')[0]?.args.text)).toContain('nobody was asked');
    expect(await db().selectFrom('leader_asks').selectAll().execute()).toEqual([]);
  });
});
