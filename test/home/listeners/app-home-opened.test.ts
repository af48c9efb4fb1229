import { beforeEach, describe, expect, it } from 'vitest';
import { addDays, todayIn, weekStart, type IsoDate } from '../../../src/domain/dates.js';
import { TACTICS, type TacticId } from '../../../src/domain/tactics.js';
import { useTestApp } from '../../support/harness.js';
import { blockAction, homeButtonAction, logModalState, viewSubmission } from '../../support/payloads.js';
import { seedHistory } from '../../support/seed-actions.js';
import { appHomeOpenedEvent, eventBody, eventHeaders } from '../../support/slack-request.js';

/** The app's clock and the test's: "today" is the same day for both, even at midnight. */
const NOW = new Date();
const t = useTestApp({ clock: () => NOW });

// The fake users.info puts everyone in Chicago, so "this week" is Chicago's.
const thisWeek = () => weekStart(todayIn('America/Chicago', NOW));
const today = () => todayIn('America/Chicago', NOW);

let seq = 0;
async function logged(userId: string, tacticId: TacticId, day: IsoDate, counts: Record<string, number>, story: string | null = null) {
  const tactic = TACTICS[tacticId];
  await t().db.database.db
    .insertInto('actions')
    .values({
      team_id: 'T0GROUND',
      user_id: userId,
      tactic_id: tacticId,
      goal: tactic.goal,
      channel: tactic.channel,
      counts: JSON.stringify(counts),
      occurred_on: day,
      place: null,
      note: null,
      story,
      story_consent: story !== null,
      source: 'command',
      idempotency_key: `test:${++seq}`,
    })
    .execute();
}

async function grant(userId: string, role: 'leader' | 'staff' | 'admin') {
  await t().db.database.db.insertInto('role_grants').values({ team_id: 'T0GROUND', user_id: userId, role, granted_by: 'U0ADMIN' }).execute();
}

interface Published {
  userId: string;
  view: { type: string; blocks: any[] };
  text: string;
}

function published(index: number): Published {
  const call = t().slack.callsTo('views.publish')[index];
  if (!call) throw new Error(`no views.publish #${index}`);
  const view = JSON.parse(String(call.args.view));
  return { userId: String(call.args.user_id), view, text: view.blocks.map(textOfBlock).join('\n') };
}

/** Opens the Home tab the way Slack reports it, and returns what was published. */
async function openHome(userId: string): Promise<Published> {
  const before = t().slack.callsTo('views.publish').length;
  const body = eventBody(appHomeOpenedEvent(userId));
  const response = await t().post(body, eventHeaders(body));
  expect(response.status).toBe(200);
  await t().slack.waitFor('views.publish', before + 1);
  return published(before);
}

function textOfBlock(block: any): string {
  const parts: string[] = [];
  if (block.text?.text) parts.push(block.text.text);
  for (const field of block.fields ?? []) parts.push(field.text);
  for (const element of block.elements ?? []) parts.push(typeof element.text === 'string' ? element.text : element.text?.text ?? '');
  return parts.join('\n');
}

function actionIds(view: Published['view']): string[] {
  return view.blocks.filter((b) => b.type === 'actions').flatMap((b) => b.elements.map((e: any) => e.action_id));
}

describe('opening the Home tab', () => {
  it("publishes that person's week and all-time impact, offline and online, by goal, with streak and milestones", async () => {
    const monday = thisWeek();
    await logged('U0VOLUNTEER', 'one_on_one', addDays(monday, -35), { conversations: 2 });
    await logged('U0VOLUNTEER', 'phone_bank', addDays(monday, -14), { calls: 30, conversations: 6 });
    await logged('U0VOLUNTEER', 'petition', addDays(monday, -5), { signatures: 120 }, 'Maria signed and brought her whole choir.');
    await logged('U0VOLUNTEER', 'door_knocking', monday, { doors: 40, conversations: 12 });
    await logged('U0SOMEONE', 'door_knocking', monday, { doors: 500 });

    const home = await openHome('U0VOLUNTEER');
    expect(home.userId).toBe('U0VOLUNTEER');
    expect(home.view.type).toBe('home');
    const { text } = home;
    expect(text).toContain('Your organizing');
    // This week: only the door knocking, offline; someone else's 500 doors are not theirs.
    const thisWeekField = home.view.blocks.find((b) => b.type === 'section' && b.fields)?.fields.map((f: any) => f.text);
    expect(thisWeekField[0]).toBe('*Offline*\n`▇▇▇▇▇▇▇▇▇▇` 1 action\n40 doors knocked, 12 conversations');
    expect(thisWeekField[1]).toBe('*Online*\n`▁▁▁▁▁▁▁▁▁▁` 0 actions');
    expect(text).not.toContain('500');
    // All time: 3 offline, 1 online, bars scaled within the section.
    const allTime = home.view.blocks.filter((b) => b.type === 'section' && b.fields)[1].fields.map((f: any) => f.text);
    expect(allTime[0]).toBe('*Offline*\n`▇▇▇▇▇▇▇▇▇▇` 3 actions\n40 doors knocked, 20 conversations, 30 calls');
    expect(allTime[1]).toBe('*Online*\n`▇▇▇▁▁▁▁▁▁▁` 1 action\n120 signatures');
    expect(text).toContain('*Recruit*  offline `▇▇▇▇▇▇` 2 actions  ·  online `▇▇▇▁▁▁` 1 action');
    expect(text).toContain('*Campaign*  offline `▇▇▇▁▁▁` 1 action  ·  online `▁▁▁▁▁▁` 0 actions');
    // Streak: this week, last week, the week before; five weeks ago is past a gap.
    expect(text).toContain('*3 weeks in a row* with an action, this week included.');
    expect(text).toContain('You organize both offline and online');
    expect(text).toContain('Your first action —');
    expect(text).toContain('Your first online action —');
    expect(text).toContain('Your first story shared —');
    expect(text).toContain('Organizing both offline and online —');
    expect(text).toContain('6 actions to go until your 10th.');
    // No one else is named: recognition without rankings.
    expect(text).not.toContain('U0SOMEONE');
    expect(actionIds(home.view)).toEqual(['home_log_action', 'home_find_shift', 'home_upcoming_trainings']);
  });

  it('celebrates the 10th action in the week it happens, and keeps a streak alive through a quiet week so far', async () => {
    const monday = thisWeek();
    for (let i = 0; i < 9; i++) await logged('U0VOLUNTEER', 'social_media', addDays(monday, -7 - (i % 7)), { posts: 1 });
    await logged('U0VOLUNTEER', 'email_outreach', addDays(monday, -14), { messages: 25 });
    let home = await openHome('U0VOLUNTEER');
    expect(home.text).toContain('*2 weeks in a row* with an action — log one this week to make it 3.');
    expect(home.text).toContain('Nothing logged yet this week');
    expect(home.text).toContain('Your work so far is online.');
    // The 10th action was two weeks ago: a milestone reached, not news of this week.
    expect(home.text).toContain(':white_check_mark: Your 10th action');
    expect(home.text).not.toContain(':tada: *New this week:*');

    await logged('U0VOLUNTEER', 'door_knocking', today(), { doors: 3 });
    home = await openHome('U0VOLUNTEER');
    expect(home.text).toContain('*3 weeks in a row* with an action, this week included.');
    expect(home.text).toContain(':tada: *New this week:* Your first offline action');
    expect(home.text).toContain('Your 10th action');
    expect(home.text).toContain('39 actions to go until your 50th.');
  });

  it('welcomes someone with no history yet, with the quick buttons and no empty charts', async () => {
    const home = await openHome('U0NEWCOMER');
    expect(home.text).toContain('Nothing logged yet.');
    expect(home.text).not.toContain('All time');
    expect(actionIds(home.view)).toContain('home_log_action');
  });

  it('ignores the Messages tab', async () => {
    const messages = eventBody(appHomeOpenedEvent('U0VOLUNTEER', 'messages'));
    expect((await t().post(messages, eventHeaders(messages))).status).toBe(200);
    const home = await openHome('U0OTHER');
    expect(home.userId).toBe('U0OTHER');
    expect(t().slack.callsTo('views.publish')).toHaveLength(1);
  });

  it('publishes nothing for an unsigned or tampered event', async () => {
    const body = eventBody(appHomeOpenedEvent('U0VOLUNTEER'));
    const unsigned = await t().post(body, { 'content-type': 'application/json' });
    const tampered = await t().post(body.replace('U0VOLUNTEER', 'U0MALLORY'), eventHeaders(body));
    expect(unsigned.status).toBe(401);
    expect(tampered.status).toBe(401);
    await openHome('U0CHECK');
    expect(t().slack.callsTo('views.publish').map((c) => c.args.user_id)).toEqual(['U0CHECK']);
  });
});

describe('the staff part of the Home tab', () => {
  beforeEach(async () => {
    const monday = thisWeek();
    await logged('U0ANA', 'door_knocking', monday, { doors: 30 });
    await logged('U0ANA', 'petition', monday, { signatures: 10 });
    await logged('U0BEN', 'phone_bank', monday, { calls: 25 });
    await logged('U0CAM', 'netroots', monday, { posts: 2 });
    await logged('U0CAM', 'netroots', addDays(monday, -7), { posts: 9 });
  });

  it("shows staff the team's week at a glance, and who changes the team settings", async () => {
    await grant('U0STAFF', 'staff');
    const home = await openHome('U0STAFF');
    expect(home.text).toContain('Team this week');
    const team = home.view.blocks.filter((b) => b.type === 'section' && b.fields).at(-1).fields.map((f: any) => f.text);
    expect(team[0]).toBe('*Offline*\n`▇▇▇▇▇▇▇▇▇▇` 2 actions by 2 people\n30 doors knocked, 25 calls');
    expect(team[1]).toBe('*Online*\n`▇▇▇▇▇▇▇▇▇▇` 2 actions by 2 people\n10 signatures, 2 posts');
    expect(home.text).toContain('3 people took action this week.');
    expect(home.text).toContain('*Campaign*  offline `▇▇▇▇▇▇` 1 action  ·  online `▇▇▇▇▇▇` 1 action');
    expect(home.text).toContain('changed by admins with `/groundwork settings`');
    expect(actionIds(home.view)).not.toContain('home_settings');
    // Still no names: a glance at the team's work, not a leaderboard.
    expect(home.text).not.toMatch(/U0ANA|U0BEN|U0CAM/);
  });

  it('shows admins the team section too, but not volunteers or leaders', async () => {
    await grant('U0BOSS', 'admin');
    await grant('U0LEAD', 'leader');
    const admin = await openHome('U0BOSS');
    expect(admin.text).toContain('Team this week');
    expect(actionIds(admin.view)).toContain('home_settings');
    for (const userId of ['U0ANA', 'U0LEAD']) {
      const home = await openHome(userId);
      expect(home.text).not.toContain('Team this week');
      expect(actionIds(home.view)).not.toContain('home_settings');
    }
  });
});

describe('the digest notice', () => {
  it('tells admins why no digest is posted until a digest channel is chosen, and nobody else', async () => {
    await grant('U0BOSS', 'admin');
    await grant('U0STAFF', 'staff');
    const notice = 'No weekly digest is posted yet';
    expect((await openHome('U0BOSS')).text).toContain(notice);
    expect((await openHome('U0STAFF')).text).not.toContain(notice);
    await t().db.database.db.insertInto('workspace_settings').values({ team_id: 'T0GROUND', digest_channel_id: 'C0DIGEST', digest_day: 1, digest_time: '09:00', time_zone: 'UTC' }).execute();
    expect((await openHome('U0BOSS')).text).not.toContain(notice);
  });
});

describe('keeping the Home tab fresh', () => {
  it('republishes the home with the new totals after /log-knock, after the reply', async () => {
    await openHome('U0VOLUNTEER');
    const reply = await t().command('/log-knock', '40 doors 12 talked');
    expect(reply.json?.text).toContain('Recorded');
    await t().slack.waitFor('views.publish', 2);
    const after = published(1);
    expect(after.userId).toBe('U0VOLUNTEER');
    expect(after.text).toContain('1 action\n40 doors knocked, 12 conversations');
    expect(after.text).toContain('*1 week in a row* with an action, this week included.');

    await t().command('/log-knock', '10 doors');
    await t().slack.waitFor('views.publish', 3);
    expect(published(2).text).toContain('2 actions\n50 doors knocked, 12 conversations');
  });

  it('still tells the person their action was recorded when publishing the home fails', async () => {
    await openHome('U0VOLUNTEER');
    t().slack.on('views.publish', () => ({ ok: false, error: 'internal_error' }));
    const reply = await t().command('/log-knock', '7 doors');
    expect(reply.json?.text).toContain('Recorded');
    await t().slack.waitFor('views.publish', 2);
    await expect.poll(() => t().logs.some((line) => line.includes('Could not refresh the home tab of U0VOLUNTEER'))).toBe(true);
    expect(await t().db.database.db.selectFrom('actions').select('id').execute()).toHaveLength(1);
  });

  it('republishes after Undo, with the action gone', async () => {
    await openHome('U0VOLUNTEER');
    const reply = await t().command('/log-knock', '40 doors');
    await t().slack.waitFor('views.publish', 2);
    expect(published(1).text).toContain('40 doors knocked');
    const undo = reply.json?.blocks.flatMap((b: any) => b.elements ?? []).find((e: any) => e.action_id === 'undo_action');
    await t().interact(blockAction({ actionId: 'undo_action', value: undo.value, responseUrl: t().slack.responseUrl('undo') }));
    await t().slack.waitFor('views.publish', 3);
    expect(published(2).text).toContain('Nothing logged yet.');
  });

  it('publishes nothing after a report from someone who never opened the Home tab (opening it publishes a fresh one)', async () => {
    const reply = await t().command('/log-knock', '12 doors');
    expect(reply.json?.text).toContain('Recorded');
    await t().settle();
    expect(t().slack.callsTo('views.publish')).toHaveLength(0);
    expect((await openHome('U0VOLUNTEER')).text).toContain('12 doors knocked');
  });

  it('folds reports that arrive while the home is being published into one more publish', async () => {
    await openHome('U0VOLUNTEER');
    // The first report's publish is held in flight while four more reports arrive.
    const held = t().slack.hold('views.publish');
    expect((await t().command('/log-knock', '1 doors')).json?.text).toContain('Recorded');
    await held.arrived;
    const replies = await Promise.all(['2 doors', '3 doors', '4 doors', '5 doors'].map((text) => t().command('/log-knock', text)));
    for (const reply of replies) expect(reply.json?.text).toContain('Recorded');
    held.release();
    await t().settle();
    // The opening, the held publish, and exactly one more that reads all four later reports.
    expect(t().slack.callsTo('views.publish')).toHaveLength(3);
    expect(published(2).text).toContain('5 actions\n15 doors knocked');
  });
});

describe('Home tab buttons', () => {
  it('"Log an action" opens the log modal; the confirmation comes by DM and the home is refreshed', async () => {
    await openHome('U0VOLUNTEER');
    await t().interact(homeButtonAction('home_log_action'));
    const [open] = await t().slack.waitFor('views.open');
    const modal = JSON.parse(String(open?.args.view));
    expect(modal.callback_id).toBe('log_action');
    expect(modal.blocks.find((b: any) => b.block_id === 'date').element.initial_date).toBe(today());

    const submitted = await t().interact(
      viewSubmission({
        callbackId: 'log_action',
        viewId: 'V777',
        values: logModalState({ tacticId: 'letter_to_editor', date: today(), counts: { letters: '2' }, story: 'The Gazette ran it.' }),
        privateMetadata: modal.private_metadata,
      }),
    );
    expect(submitted.status).toBe(200);
    const [dm] = await t().slack.waitFor('chat.postMessage');
    expect(dm?.args.channel).toBe('U0VOLUNTEER');
    expect(String(dm?.args.text)).toContain('Letters to the editor (Campaign · online)');
    await t().slack.waitFor('views.publish', 2);
    const home = published(1);
    expect(home.text).toContain('2 letters');
    expect(home.text).toContain(':tada: *New this week:* Your first story shared');
  });

  it('"Upcoming trainings" opens the /trainings modal', async () => {
    await t().interact(homeButtonAction('home_upcoming_trainings'));
    const [update] = await t().slack.waitFor('views.update');
    const modal = JSON.parse(String(update?.args.view));
    expect(modal.title.text).toBe('Trainings');
    expect(modal.callback_id).toBe('trainings_browse');
    expect(JSON.stringify(modal.blocks)).toContain('No trainings in the next 60 days');
    expect(t().slack.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('"Find a shift" opens the /shifts modal', async () => {
    await t().interact(homeButtonAction('home_find_shift'));
    const [update] = await t().slack.waitFor('views.update');
    const modal = JSON.parse(String(update?.args.view));
    expect(modal.title.text).toBe('Phone-bank shifts');
    expect(JSON.stringify(modal.blocks)).toContain('No phone-bank shifts you can claim in the next 14 days');
  });

  it('"Team settings" opens the settings modal for an admin, the confirmation coming by DM', async () => {
    await grant('U0BOSS', 'admin');
    await t().interact(homeButtonAction('home_settings', 'U0BOSS'));
    const [update] = await t().slack.waitFor('views.update');
    const modal = JSON.parse(String(update?.args.view));
    expect(modal.callback_id).toBe('workspace_settings');
    expect(JSON.parse(modal.private_metadata || '{}').responseUrl).toBeUndefined();
  });

  it('"Team settings" from an old home refuses someone who is not an admin, saying who to ask', async () => {
    await grant('U0STAFF', 'staff');
    await grant('U0BOSS', 'admin');
    await t().interact(homeButtonAction('home_settings', 'U0STAFF'));
    const [open] = await t().slack.waitFor('views.open');
    const text = JSON.stringify(JSON.parse(String(open?.args.view)).blocks);
    expect(text).toContain(':lock:');
    expect(text).toContain('needs the *admin* role');
    expect(text).toContain('<@U0BOSS>');
    expect(t().slack.callsTo('views.update')).toHaveLength(0);
  });
});

describe('a long history', () => {
  it('stays within the 100-block limit and Slack text limits, and counts everything', async () => {
    await grant('U0VETERAN', 'staff');
    await seedHistory(t().db.database.db, { userId: 'U0VETERAN', count: 1200, lastDay: today(), spanDays: 730, storyEvery: 7 });
    await seedHistory(t().db.database.db, { userId: 'U0PEER', count: 300, lastDay: today(), spanDays: 6 });
    const home = await openHome('U0VETERAN');
    expect(home.view.blocks.length).toBeLessThanOrEqual(100);
    for (const block of home.view.blocks) {
      if (block.type === 'header') expect(block.text.text.length).toBeLessThanOrEqual(150);
      if (block.text?.text) expect(block.text.text.length).toBeLessThanOrEqual(3000);
      for (const field of block.fields ?? []) expect(field.text.length).toBeLessThanOrEqual(2000);
    }
    expect(home.text).toContain(':white_check_mark: Your 1,000th action');
    const allTime = home.view.blocks.filter((b) => b.type === 'section' && b.fields)[1].fields.map((f: any) => f.text);
    const [offline, online] = allTime.map((f: string) => Number(/` ([\d,]+) actions/.exec(f)?.[1]?.replace(/,/g, '')));
    expect(offline + online).toBe(1200);
    expect(home.text).toContain('Team this week');
  });
});
