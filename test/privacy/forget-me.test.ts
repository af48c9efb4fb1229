/**
 * `/groundwork forget-me` end to end over signed requests, and a deleted Slack account: every table
 * the database has is found from information_schema and must be either proven free of the person or
 * classified as holding no personal data, so a table added later fails here until it is handled.
 */
import { sql } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import { NO_PERSONAL_DATA, PERSONAL_DATA_TABLES } from '../../src/privacy/personal-data.js';
import { FAKE_TEAM_ID } from '../support/fake-slack.js';
import { useTestApp } from '../support/harness.js';
import { viewSubmission } from '../support/payloads.js';
import { SECRETS, allTables, rowsAsText, seedPersonEverywhere } from '../support/personal-data.js';
import { eventBody, eventHeaders } from '../support/slack-request.js';
import { seedActions } from '../support/digest-week.js';
import { runJob } from '../../src/jobs/scheduler.js';
import { SIGNUP_FEATURES } from '../../src/signup-features.js';
import { signupsJob } from '../../src/signups/signups-job.js';

const NOW = new Date('2026-11-30T15:00:00Z');
const t = useTestApp({ clock: () => NOW });
const db = () => t().db.database.db;
const MARIA = 'U0MARIA';
const DEV = 'U0DEV';

beforeEach(async () => {
  await db().insertInto('workspace_settings').values({ team_id: FAKE_TEAM_ID, time_zone: 'America/Chicago' }).execute();
});

/** Sums that must not move when someone is forgotten: the team's history. */
async function teamHistory() {
  const { rows } = await sql<Record<string, string>>`
    select (select count(*) from actions) as actions,
           (select sum(actions) from team_day_totals) as day_actions,
           (select sum(doors) from team_day_totals) as day_doors,
           (select sum(actions) from person_week_totals) as week_actions,
           (select sum(signatures) from person_totals) as signatures,
           (select sum(online_actions + offline_actions) from person_activity) as activity,
           (select count(distinct user_id) from person_week_totals where week_start = '2026-11-23') as people_that_week,
           (select count(*) from signup_claims where attended) as attended,
           (select count(*) from invitation_recipients) as invited`.execute(db());
  return rows[0];
}

async function tablesMentioning(text: string): Promise<string[]> {
  const found: string[] = [];
  for (const table of await allTables(db())) if ((await rowsAsText(db(), table)).some((row) => row.includes(text))) found.push(table);
  return found;
}

async function forgetThroughTheModal(userId: string) {
  const opened = await t().command('/groundwork', 'forget-me', { userId });
  expect(opened.status).toBe(200);
  await t().settle();
  const [open] = t().slack.callsTo('views.open');
  const view = JSON.parse(String(open?.args.view)) as { callback_id: string; submit: { text: string } };
  expect(view.submit.text).toBe('Delete everything');
  return t().interact(viewSubmission({ callbackId: view.callback_id, viewId: 'V0FORGET', values: {}, privateMetadata: '', userId }));
}

describe('every table is accounted for', () => {
  it('lists each table of the database as holding personal data (with how it is forgotten) or as holding none', async () => {
    const classified = [...Object.keys(PERSONAL_DATA_TABLES), ...Object.keys(NO_PERSONAL_DATA)].sort();
    expect(await allTables(db()), 'a table is neither in PERSONAL_DATA_TABLES nor in NO_PERSONAL_DATA (src/privacy/personal-data.ts)').toEqual(classified);
  });
});

describe('/groundwork forget-me', () => {
  it('changes nothing until the confirmation is submitted', async () => {
    await seedPersonEverywhere(db(), MARIA, NOW);
    const before = await tablesMentioning(MARIA);
    await t().command('/groundwork', 'forget-me', { userId: MARIA });
    await t().settle();
    expect(t().slack.callsTo('views.open')).toHaveLength(1);
    expect(await tablesMentioning(MARIA)).toEqual(before);
  });

  it('removes the person from every table, keeps the team totals, and leaves everyone else alone', async () => {
    const { upcomingId } = await seedPersonEverywhere(db(), MARIA, NOW);
    await seedActions(db(), [{ userId: DEV, tacticId: 'door_knocking', on: '2026-11-25', counts: { doors: 20 }, story: 'Dev kept this story' }]);
    // The seed is not vacuous: every table that can hold personal data holds some of Maria's.
    for (const [table, { columns }] of Object.entries(PERSONAL_DATA_TABLES)) {
      const naming = sql.join(columns.map((column) => sql`${sql.ref(column)} = ${MARIA}`), sql` or `);
      const { rows } = await sql`select 1 from ${sql.table(table)} where ${naming}`.execute(db());
      expect(rows.length, `the test seeds ${table} with Maria's data`).toBeGreaterThan(0);
    }
    const history = await teamHistory();
    const devBefore = await rowsAsText(db(), 'actions');

    const ack = await forgetThroughTheModal(MARIA);
    expect(ack.json?.response_action).toBe('update');
    expect(JSON.stringify(ack.json?.view)).toContain('Everything Groundwork stored about you is deleted');
    await t().settle();

    expect(await tablesMentioning(MARIA), 'tables still naming Maria').toEqual([]);
    // The Home tab Slack shows her is rebuilt from nothing: no totals, the first rung.
    const home = JSON.stringify(t().slack.homeOf(MARIA)?.view);
    expect(home).toContain("You're a *Supporter*");
    expect(home).not.toContain('All time');
    for (const secret of SECRETS) expect(await tablesMentioning(secret), `tables still holding "${secret}"`).toEqual([]);
    expect(await teamHistory()).toEqual(history);
    // Dev's action, story included, is untouched.
    expect(devBefore.filter((row) => row.includes(DEV))).toEqual((await rowsAsText(db(), 'actions')).filter((row) => row.includes(DEV)));
    expect((await rowsAsText(db(), 'actions')).some((row) => row.includes('Dev kept this story'))).toBe(true);
    // Her upcoming seat was given up: the shift has room again.
    const upcoming = await db().selectFrom('signup_opportunities').select('filled').where('id', '=', upcomingId).executeTakeFirstOrThrow();
    expect(upcoming.filled).toBe(0);
  });

  it('a second submit (a double click) answers the same and finds nothing left', async () => {
    await seedPersonEverywhere(db(), MARIA, NOW);
    await forgetThroughTheModal(MARIA);
    const again = await t().interact(viewSubmission({ callbackId: 'forget_me', viewId: 'V0FORGET', values: {}, privateMetadata: '', userId: MARIA }));
    expect(JSON.stringify(again.json?.view)).toContain('Everything Groundwork stored about you is deleted');
    expect(await tablesMentioning(MARIA)).toEqual([]);
  });
});

describe("a forgotten person's past seat", () => {
  const runSignupsJob = () => runJob(signupsJob(SIGNUP_FEATURES), { db: db(), client: t().running.app.client, logger: t().running.app.logger }, NOW);
  const dms = () => t().slack.callsTo('chat.postMessage').map((call) => ({ channel: String(call.args.channel), text: String(call.args.text) }));

  it('is owed a report-back ask while they are known (the seed is not vacuous)', async () => {
    await seedPersonEverywhere(db(), MARIA, NOW);
    await runSignupsJob();
    expect(dms()).toEqual([{ channel: MARIA, text: expect.stringMatching(/^How did/) }]);
  });

  it('is asked nothing once kept anonymous: the drain derives no DM for an id that leads to no one', async () => {
    await seedPersonEverywhere(db(), MARIA, NOW);
    await forgetThroughTheModal(MARIA);
    await t().settle();
    await runSignupsJob();
    expect(dms()).toEqual([]);
    expect(await db().selectFrom('signup_outbox').selectAll().execute()).toEqual([]);
    expect(await db().selectFrom('signup_claims').select(['status', 'reminders_from']).where('attended', '=', true).execute()).toEqual([{ status: 'seated', reminders_from: null }]);
  });
});

describe('a deleted Slack account', () => {
  it('is forgotten like forget-me when Slack sends user_change with deleted', async () => {
    await seedPersonEverywhere(db(), MARIA, NOW);
    const history = await teamHistory();
    const body = eventBody({ type: 'user_change', user: { id: MARIA, team_id: FAKE_TEAM_ID, deleted: true, name: 'maria' }, event_ts: '1700000000.1' });
    const response = await t().post(body, eventHeaders(body));
    expect(response.status).toBe(200);
    await t().settle();
    expect(await tablesMentioning(MARIA)).toEqual([]);
    expect(await teamHistory()).toEqual(history);
  });

  it('keeps everything when the account was only changed (a new name, a new zone)', async () => {
    await seedPersonEverywhere(db(), MARIA, NOW);
    const before = await tablesMentioning(MARIA);
    const body = eventBody({ type: 'user_change', user: { id: MARIA, team_id: FAKE_TEAM_ID, deleted: false, name: 'maria2' }, event_ts: '1700000000.2' });
    await t().post(body, eventHeaders(body));
    await t().settle();
    expect(await tablesMentioning(MARIA)).toEqual(before);
  });
});
