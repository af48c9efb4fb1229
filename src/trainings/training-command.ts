/**
 * What staff asked for with `/training …`. Pure: the text in (escaped by Slack, so a person picked
 * from the @-autocomplete arrives as <@U123|name>), a request out.
 *  - new · list · report
 *  - edit N · cancel N · attendance N (N a training number, "12" or "#12")
 *  - skill @person <tactic>: record a skill someone earned elsewhere
 */
import { findTactic, type TacticId } from '../domain/tactics.js';
import { COMMANDS } from '../slack/ids.js';
import { asText, fromCommandText } from '../slack/mrkdwn.js';

/** A word the person typed, shown back as plain text. */
const shown = (typed: string, max: number) => asText(fromCommandText(typed).slice(0, max));

export type TrainingRequest =
  | { kind: 'new' | 'list' | 'report' }
  | { kind: 'edit' | 'cancel' | 'attendance'; trainingId: number | null }
  | { kind: 'skill'; userId: string; skill: TacticId }
  | { kind: 'help'; problem?: string };

export const TRAINING_USAGE = `\`${COMMANDS.training} new\` · \`${COMMANDS.training} list\` · \`${COMMANDS.training} edit 12\` · \`${COMMANDS.training} cancel 12\` · \`${COMMANDS.training} attendance 12\` · \`${COMMANDS.training} report\` · \`${COMMANDS.training} skill @maria door knocking\``;

export function parseTrainingText(text: string): TrainingRequest {
  const [first = '', second, ...rest] = text.trim().split(/\s+/).filter((word) => word !== '');
  const subcommand = first.toLowerCase();
  if (subcommand === '' || subcommand === 'help') return { kind: 'help' };
  if (subcommand === 'new' || subcommand === 'list' || subcommand === 'report') {
    return second === undefined ? { kind: subcommand } : { kind: 'help', problem: `\`${COMMANDS.training} ${subcommand}\` takes nothing after it.` };
  }
  if (subcommand === 'edit' || subcommand === 'cancel' || subcommand === 'attendance') {
    if (second === undefined) return { kind: subcommand, trainingId: null };
    const id = /^#?(\d{1,12})$/.exec(second)?.[1];
    if (!id || rest.length > 0) return { kind: 'help', problem: `"${shown(second, 30)}" is not a training number; \`${COMMANDS.training} list\` shows them.` };
    return { kind: subcommand, trainingId: Number(id) };
  }
  if (subcommand === 'skill') {
    const person = second === undefined ? null : /^<@([UW][A-Z0-9]{2,30})(\|[^>]*)?>$/.exec(second);
    if (!person) return { kind: 'help', problem: `Name the person with @ (pick them from the list as you type), then the skill, e.g. \`${COMMANDS.training} skill @maria door knocking\`.` };
    const tacticText = rest.join(' ');
    const tactic = tacticText === '' ? null : findTactic(tacticText);
    if (!tactic) return { kind: 'help', problem: `${tacticText === '' ? 'Say which skill' : `"${shown(tacticText, 40)}" is not a tactic I know`}: e.g. \`${COMMANDS.training} skill @maria door knocking\` or \`phone banking\`, \`one-on-ones\`, \`house parties\`.` };
    return { kind: 'skill', userId: person[1]!, skill: tactic.id };
  }
  return { kind: 'help', problem: `I don't know "${COMMANDS.training} ${shown(first, 30)}".` };
}
