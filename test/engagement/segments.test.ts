/** `/segment` and its CSV export over signed requests, and the segment rules at their edges. */
import { describe, expect, it } from 'vitest';
import { csvField, segmentCsv } from '../../src/engagement/segment-csv.js';
import { parseSegmentId } from '../../src/engagement/segments.js';
import type { TacticId } from '../../src/domain/tactics.js';
import { seedActions } from '../support/digest-week.js';
import { FAKE_TEAM_ID } from '../support/fake-slack.js';
import { useTestApp } from '../support/harness.js';
import { blockAction } from '../support/payloads.js';
import { STAFF, setUpTeam } from '../support/shifts.js';
import { forgetPerson } from '../../src/privacy/queries.js';

/** Monday 30 Nov 2026 in Chicago; lapsed means nothing since 2 November. */
const NOW = new Date('2026-11-30T15:00:00Z');
const t = useTestApp({ clock: () => NOW });
const db = () => t().db.database.db;

const act = (userId: string, tacticId: TacticId, days: readonly string[]) =>
  seedActions(db(), days.map((on) => ({ userId, tacticId, on, counts: tacticId === 'petition' ? { signatures: 3 } : { doors: 10 } })));

/** A team: an online-only regular, an offline-only, two bridgers, a lapsed one at each side of the edge, a skilled one. */
async function seedTeam() {
  await setUpTeam(db());
  await act('U0ONLINE', 'petition', ['2026-11-20', '2026-11-21', '2026-11-22']);
  await act('U0OFFLINE', 'door_knocking', ['2026-11-20']);
  await act('U0BRIDGE1', 'petition', ['2026-11-20']);
  await act('U0BRIDGE1', 'door_knocking', ['2026-11-21']);
  await act('U0BRIDGE2', 'petition', ['2026-11-22', '2026-11-23']);
  await act('U0BRIDGE2', 'door_knocking', ['2026-11-22']);
  // 29 days before today: lapsed. 28 days before: not yet.
  await act('U0LAPSED', 'door_knocking', ['2026-11-01']);
  await act('U0EDGE', 'door_knocking', ['2026-11-02']);
  await db().insertInto('person_skills').values({ team_id: FAKE_TEAM_ID, user_id: 'U0SKILLED', skill: 'phone_bank', source: 'staff', training_id: null, recorded_by: STAFF }).execute();
}

async function openSegments(): Promise<string> {
  const reply = await t().command('/segment', '', { userId: STAFF });
  expect(reply.status).toBe(200);
  await t().settle();
  const [update] = t().slack.callsTo('views.update');
  return String(update?.args.view);
}

const segmentBlock = (view: string, label: string) => {
  const blocks = (JSON.parse(view) as { blocks: { type: string; text?: { text: string } }[] }).blocks;
  return blocks.find((b) => b.type === 'section' && b.text?.text.startsWith(`*${label}*`))?.text?.text ?? '';
};

describe('/segment', () => {
  it('shows each named segment with its count and a preview of names', async () => {
    await seedTeam();
    const view = await openSegments();
    expect(segmentBlock(view, 'Most online actions')).toContain('· 3 people');
    expect(segmentBlock(view, 'Most online actions')).toContain('<@U0ONLINE>, <@U0BRIDGE2>, <@U0BRIDGE1>');
    expect(segmentBlock(view, 'Most offline actions')).toContain('· 5 people');
    expect(segmentBlock(view, 'Bridgers')).toMatch(/· 2 people[\s\S]*<@U0BRIDGE1>, <@U0BRIDGE2>/);
    expect(segmentBlock(view, 'Online-only, ready for an offline ask')).toMatch(/· 1 person[\s\S]*<@U0ONLINE>/);
    expect(segmentBlock(view, 'Offline-only')).toContain('· 3 people');
    expect(segmentBlock(view, 'Lapsed')).toMatch(/· 1 person[\s\S]*<@U0LAPSED>$/);
    expect(segmentBlock(view, 'Skill: Phone banking')).toMatch(/· 1 person[\s\S]*<@U0SKILLED>/);
  });

  it('counts a forgotten person in no segment, though their actions stay in the totals', async () => {
    await seedTeam();
    await forgetPerson(db(), FAKE_TEAM_ID, 'U0ONLINE');
    const view = await openSegments();
    expect(segmentBlock(view, 'Most online actions')).toContain('· 2 people');
    expect(view).not.toContain('forgotten');
  });

  it('exports a segment as CSV to the staff member\'s DM: ids, names, rung, counts per goal and channel', async () => {
    await seedTeam();
    t().slack.on('users.info', (args) => ({ ok: true, user: { id: args.user, name: 'x', real_name: args.user === 'U0BRIDGE1' ? '=cmd,"Bea"' : 'Ben B', tz: 'America/Chicago' } }));
    await t().interact(blockAction({ actionId: 'segment_export', value: 'bridgers', userId: STAFF, view: { id: 'V0SEG', hash: 'h', callbackId: 'segments', privateMetadata: '' } }));
    await t().settle();
    const [completed] = t().slack.callsTo('files.completeUploadExternal');
    expect(completed?.args.channel_id).toBe(`D${STAFF.slice(1)}`);
    expect(String(completed?.args.initial_comment)).toContain('*Bridgers*: 2 people');
    const [upload] = t().slack.callsTo('upload');
    const body = String(upload?.args.body);
    expect(body).toContain('slack_id,name,rung,recruit_offline,recruit_online,engage_offline,engage_online,campaign_offline,campaign_online,offline_total,online_total');
    expect(body).toContain(`U0BRIDGE1,"'=cmd,""Bea""",volunteer,1,1,0,0,0,0,1,1`);
    expect(body).toContain('U0BRIDGE2,Ben B,volunteer,1,2,0,0,0,0,1,2');
  });

  it('refuses a segment id it never wrote, sending nothing', async () => {
    await setUpTeam(db());
    await t().interact(blockAction({ actionId: 'segment_export', value: 'everyone; drop table', userId: STAFF, view: { id: 'V0SEG', hash: 'h', callbackId: 'segments', privateMetadata: '' } }));
    await t().settle();
    const [dm] = t().slack.callsTo('chat.postMessage');
    expect(String(dm?.args.text)).toContain("I couldn't read which segment to export, so nothing was sent");
    expect(t().slack.callsTo('files.completeUploadExternal')).toEqual([]);
  });
});

describe('segment ids and CSV fields', () => {
  it('reads only the ids the modal writes', () => {
    expect(parseSegmentId('lapsed')).toBe('lapsed');
    expect(parseSegmentId('skill:phone_bank')).toBe('skill:phone_bank');
    expect(parseSegmentId('skill:juggling')).toBeNull();
    expect(parseSegmentId('')).toBeNull();
  });

  it.each([
    ['Maria', 'Maria'],
    ['Lopez, Maria', '"Lopez, Maria"'],
    ['say "hi"', '"say ""hi"""'],
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['+1', "'+1"],
    ['@maria', "'@maria"],
    ['two\nlines', '"two\nlines"'],
  ])('%j → %s', (input, expected) => {
    expect(csvField(input)).toBe(expected);
  });

  it('writes zeros for cells a person never acted in, and a header even when empty', () => {
    expect(segmentCsv([])).toBe('slack_id,name,rung,recruit_offline,recruit_online,engage_offline,engage_online,campaign_offline,campaign_online,offline_total,online_total\r\n');
    expect(segmentCsv([{ userId: 'U1', name: undefined, rung: 'supporter', cells: {} }]).split('\r\n')[1]).toBe('U1,,supporter,0,0,0,0,0,0,0,0');
  });
});
