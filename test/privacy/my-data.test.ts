/** `/groundwork my-data` and `/groundwork stop-invites | start-invites`, over signed requests. */
import { beforeEach, describe, expect, it } from 'vitest';
import { PERSONAL_DATA_TABLES } from '../../src/privacy/personal-data.js';
import { FAKE_TEAM_ID } from '../support/fake-slack.js';
import { useTestApp } from '../support/harness.js';
import { SECRETS, seedPersonEverywhere } from '../support/personal-data.js';
import { seedActions } from '../support/digest-week.js';

const NOW = new Date('2026-11-30T15:00:00Z');
const t = useTestApp({ clock: () => NOW });
const db = () => t().db.database.db;

beforeEach(async () => {
  await db().insertInto('workspace_settings').values({ team_id: FAKE_TEAM_ID, time_zone: 'America/Chicago' }).execute();
});

/** The JSON file that arrived in the upload (the fake records the multipart body). */
async function uploadedFile(): Promise<{ about: string; tables: Record<string, { what: string; rows: Record<string, unknown>[] }> }> {
  // The file goes up after the ack: wait for the app's own work to finish, not a fixed time.
  await t().settle();
  const [upload] = t().slack.callsTo('upload');
  const body = String(upload?.args.body);
  return JSON.parse(body.slice(body.indexOf('{'), body.lastIndexOf('}') + 1));
}

describe('/groundwork my-data', () => {
  it('answers at once and sends everything stored about the person as a file in their DM, nobody else\'s', async () => {
    await seedPersonEverywhere(db(), 'U0MARIA', NOW);
    await seedActions(db(), [{ userId: 'U0DEV', tacticId: 'petition', on: '2026-11-25', counts: { signatures: 9 }, story: 'Dev story' }]);
    const reply = await t().command('/groundwork', 'my-data', { userId: 'U0MARIA' });
    expect(reply.json?.response_type).toBe('ephemeral');
    expect(reply.json?.text).toContain('arrives as a file in your DM');

    const file = await uploadedFile();
    expect(file.about).toBe('U0MARIA');
    expect(Object.keys(file.tables).sort()).toEqual(Object.keys(PERSONAL_DATA_TABLES).sort());
    for (const [table, { rows }] of Object.entries(file.tables)) expect(rows.length, `${table} is in the file`).toBeGreaterThan(0);
    const text = JSON.stringify(file);
    for (const secret of SECRETS) expect(text).toContain(secret);
    expect(text).not.toContain('U0DEV');
    expect(text).not.toContain('Dev story');

    const [opened] = t().slack.callsTo('conversations.open');
    expect(opened?.args.users).toBe('U0MARIA');
    const [completed] = t().slack.callsTo('files.completeUploadExternal');
    expect(completed?.args.channel_id).toBe('D0MARIA');
    expect(String(completed?.args.initial_comment)).toMatch(/Everything Groundwork stores about you: \d+ records/);
  });

  it('says so truthfully when Slack would not take the file', async () => {
    t().slack.on('files.getUploadURLExternal', () => ({ ok: false, error: 'ratelimited' }));
    await t().command('/groundwork', 'my-data', { userId: 'U0MARIA' });
    await t().settle();
    const answers = t().slack.callsTo('response_url').map((call) => String(call.args.text));
    expect(answers.join('\n')).toContain('nothing was sent');
  });

  it('tells someone with no record that nothing is stored', async () => {
    await t().command('/groundwork', 'my-data', { userId: 'U0NEW' });
    await t().settle();
    const [completed] = t().slack.callsTo('files.completeUploadExternal');
    expect(String(completed?.args.initial_comment)).toBe('Groundwork stores nothing about you.');
  });
});

describe('/groundwork stop-invites and start-invites', () => {
  const optedOut = () => db().selectFrom('invitation_opt_outs').select('user_id').execute();

  it('records the choice once, says when nothing changed, and undoes it', async () => {
    const first = await t().command('/groundwork', 'stop-invites', { userId: 'U0MARIA' });
    expect(first.json?.text).toContain('batch invitations (to shifts and trainings) will skip you');
    const again = await t().command('/groundwork', 'stop-invites', { userId: 'U0MARIA' });
    expect(again.json?.text).toContain('already stopped invitations; nothing changed');
    expect(await optedOut()).toEqual([{ user_id: 'U0MARIA' }]);

    const start = await t().command('/groundwork', 'start-invites', { userId: 'U0MARIA' });
    expect(start.json?.text).toContain('you will get staff\'s invitations');
    expect(await optedOut()).toEqual([]);
    const startAgain = await t().command('/groundwork', 'start-invites', { userId: 'U0MARIA' });
    expect(startAgain.json?.text).toContain('already get invitations; nothing changed');
  });
});
