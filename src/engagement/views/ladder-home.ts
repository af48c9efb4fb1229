/** The ladder on a person's Home tab: their rung, what it means, and what would move them up. Pure. */
import type { KnownBlock } from '@slack/types';
import { LADDER, LADDER_WINDOW_WEEKS, LEADER_SIGNALS, nextStepOf, rungIndexOf, signalsOf, type LadderFacts } from '../ladder.js';

export function ladderHomeSection(facts: LadderFacts): KnownBlock[] {
  const index = rungIndexOf(facts);
  const rung = LADDER[index]!;
  const steps = LADDER.map((r, i) => (i === index ? `*${r.label}*` : r.label)).join(' → ');
  const next = nextStepOf(facts);
  const held = new Set(signalsOf(facts));
  const signals = LEADER_SIGNALS.filter((s) => held.has(s.id)).map((s) => s.label);
  const article = /^[AEIOU]/.test(rung.label) ? 'an' : 'a';
  const lines = [`You're ${article} *${rung.label}*: ${rung.meaning}.`];
  if (signals.length > 0) lines.push(`Leader signals: ${signals.join('; ')}.`);
  lines.push(next ? `*To become ${next.rung.label}:* ${next.missing.join('; and ')}.` : 'You are on the top rung. Thank you for leading.');
  return [
    { type: 'divider' },
    { type: 'header', text: { type: 'plain_text', text: 'Your rung on the ladder' } },
    { type: 'section', text: { type: 'mrkdwn', text: lines.join('\n').slice(0, 3000) } },
    { type: 'context', elements: [{ type: 'mrkdwn', text: `${steps} · counted over the last ${LADDER_WINDOW_WEEKS} weeks, never compared with anyone.` }] },
  ];
}
