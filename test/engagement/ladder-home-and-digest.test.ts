/**
 * The ladder where people see it: a person's rung and next step on their Home tab (over a signed
 * app_home_opened), counted over exactly the window the README names, and the digest's climbers.
 */
import { describe, expect, it } from 'vitest';
import { buildDigest } from '../../src/digest/build-digest.js';
import { windowEndingOn } from '../../src/digest/schedule.js';
import { digestMessage } from '../../src/digest/views/digest-message.js';
import type { TacticId } from '../../src/domain/tactics.js';
import { seedActions } from '../support/digest-week.js';
import { FAKE_TEAM_ID } from '../support/fake-slack.js';
import { useTestApp } from '../support/harness.js';
import { appHomeOpenedEvent, eventBody, eventHeaders } from '../support/slack-request.js';

/** Monday 30 Nov 2026, 09:00 in Chicago: the ladder window is the weeks of 12 Oct … 30 Nov. */
const NOW = new Date('2026-11-30T15:00:00Z');
const t = useTestApp({ clock: () => NOW });
const db = () => t().db.database.db;

const actOn = (userId: string, days: readonly string[], tacticId: TacticId = 'petition') =>
  seedActions(db(), days.map((on) => ({ userId, tacticId, on, counts: tacticId === 'one_on_one' ? { conversations: 1 } : { signatures: 5 } })));

async function homeText(userId: string): Promise<string> {
  const body = eventBody(appHomeOpenedEvent(userId));
  await t().post(body, eventHeaders(body));
  await t().settle();
  return JSON.stringify(t().slack.homeOf(userId)?.view ?? {});
}

describe('the rung on the Home tab', () => {
  it('counts a week at the very start of the window, and shows what would move them up', async () => {
    // Four weeks with an action, the first on the window's first day (Monday 12 October).
    await actOn('U0MARIA', ['2026-10-12', '2026-11-02', '2026-11-16', '2026-11-24']);
    const home = await homeText('U0MARIA');
    expect(home).toContain("You're a *Regular*");
    expect(home).toContain('*To become Emerging leader:* 1 more leader signal');
  });

  it('leaves out a week just before the window (Sunday 11 October)', async () => {
    await actOn('U0MARIA', ['2026-10-11', '2026-11-02', '2026-11-16', '2026-11-24']);
    const home = await homeText('U0MARIA');
    expect(home).toContain("You're a *Volunteer*");
    expect(home).toContain('*To become Regular:* act in 1 more week of the last 8');
  });

  it('counts skills and seats attended as leader signals', async () => {
    await actOn('U0MARIA', ['2026-10-19', '2026-10-26', '2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23']);
    // Earned before NOW, whatever the day the test runs.
    await db().insertInto('person_skills').values({ team_id: FAKE_TEAM_ID, user_id: 'U0MARIA', skill: 'phone_bank', source: 'staff', training_id: null, recorded_by: 'U0STAFF', earned_at: new Date('2026-11-24T18:00:00Z') }).execute();
    expect(await homeText('U0MARIA')).toContain("You're an *Emerging leader*");
    await actOn('U0MARIA', ['2026-11-10', '2026-11-11', '2026-11-12'], 'one_on_one');
    expect(await homeText('U0MARIA')).toContain("You're a *Leader*");
  });

  it('puts someone with no record on the first rung with the first step', async () => {
    const home = await homeText('U0NEW');
    expect(home).toContain("You're a *Supporter*");
    expect(home).toContain('log one action, offline or online');
  });
});

describe("the digest's climbers", () => {
  it('celebrates by name, by rung reached, those who climbed this week, and no one else', async () => {
    // Regular this week (3 weeks before, the 4th now).
    await actOn('U0AMY', ['2026-11-02', '2026-11-09', '2026-11-16', '2026-11-24']);
    // Regular already last week: no climb.
    await actOn('U0BEN', ['2026-10-26', '2026-11-02', '2026-11-09', '2026-11-16', '2026-11-25']);
    // Regular last week; three one-on-ones this week make an emerging leader.
    await actOn('U0CAL', ['2026-10-26', '2026-11-02', '2026-11-09', '2026-11-16']);
    await actOn('U0CAL', ['2026-11-24', '2026-11-25', '2026-11-26'], 'one_on_one');
    const digest = await buildDigest(db(), FAKE_TEAM_ID, windowEndingOn('2026-11-29'), 'America/Chicago');
    expect(digest.people.climbers).toEqual([
      { userId: 'U0AMY', rung: 'regular' },
      { userId: 'U0CAL', rung: 'emerging_leader' },
    ]);
    const message = digestMessage(digest, new Map([['U0AMY', 'Amy'], ['U0CAL', 'Cal']]));
    expect(message.text).toContain('Climbed the ladder* this week: Regular: Amy · Emerging leader: Cal.');
    expect(message.text).not.toContain('U0BEN');
  });
});
