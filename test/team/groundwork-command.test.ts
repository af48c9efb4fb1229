import { describe, expect, it } from 'vitest';
import { parseGroundworkText } from '../../src/team/groundwork-command.js';

describe('parseGroundworkText', () => {
  it.each([
    ['', { kind: 'help' }],
    ['   ', { kind: 'help' }],
    ['help', { kind: 'help' }],
    ['HELP me', { kind: 'help' }],
    ['settings', { kind: 'settings' }],
    ['Settings please', { kind: 'settings' }],
    ['setup', { kind: 'settings' }],
    ['frobnicate', { kind: 'help', unknown: 'frobnicate' }],
    ['grant <@U123|maria> staff', { kind: 'grant', parsed: { ok: true, userId: 'U123', role: 'staff' } }],
    ['grant <@U123> leader', { kind: 'grant', parsed: { ok: true, userId: 'U123', role: 'leader' } }],
    ['grant   <@W0ENT|ent>   ADMIN', { kind: 'grant', parsed: { ok: true, userId: 'W0ENT', role: 'admin' } }],
    ['grant staff <@U123|maria>', { kind: 'grant', parsed: { ok: true, userId: 'U123', role: 'staff' } }],
    ['grant <@U123|maria lopez> leaders', { kind: 'grant', parsed: { ok: true, userId: 'U123', role: 'leader' } }],
    ['revoke <@U123|maria>', { kind: 'revoke', parsed: { ok: true, userId: 'U123' } }],
    ['revoke <@U123|maria> staff', { kind: 'revoke', parsed: { ok: true, userId: 'U123' } }],
  ])('reads %j', (text, expected) => {
    expect(parseGroundworkText(text)).toEqual(expected);
  });

  it.each([
    ['grant @maria staff', "I couldn't tell who @maria is"],
    ['grant <#C123|general> staff', 'Who should I grant?'],
    ['grant', 'Who should I grant?'],
    ['grant <@U123|maria>', 'Which role?'],
    ['grant <@U123|maria> boss', '"boss" is not a role. Choose one of leader, staff, admin.'],
    ['grant <@U123|maria> volunteer', 'Everyone is a volunteer already'],
    ['grant <@U1> <@U2> staff', 'One person at a time'],
    ['grant <!subteam^S1|@organizers> staff', 'Who should I grant?'],
    ['revoke', 'Who should I revoke?'],
    ['revoke @maria', 'Pick the person from the list'],
  ])('explains what is wrong with %j', (text, problem) => {
    const request = parseGroundworkText(text);
    expect(request.kind === 'grant' || request.kind === 'revoke').toBe(true);
    if (request.kind !== 'grant' && request.kind !== 'revoke') return;
    expect(request.parsed.ok).toBe(false);
    if (!request.parsed.ok) expect(request.parsed.problem).toContain(problem);
  });
});
