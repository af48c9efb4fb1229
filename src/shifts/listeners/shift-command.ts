/**
 * `/shift new | edit | cancel | roster` (staff): schedule and manage phone-bank shifts. This listener
 * only routes; `/shift` alone (or anything it does not know) answers with the usage, changing nothing.
 */
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { ListenerDeps } from '../../slack/deps.js';
import { COMMANDS } from '../../slack/ids.js';
import { plainReply } from '../../slack/messages.js';
import { parseShiftText, SHIFT_USAGE } from '../shift-command.js';
import { manageShiftCommand } from './shift-manage.js';
import { newShiftCommand } from './shift-new.js';

export type ShiftCommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

export function shiftCommand(deps: ListenerDeps) {
  return async (args: ShiftCommandArgs): Promise<void> => {
    const request = parseShiftText(args.command.text);
    switch (request.kind) {
      case 'help': {
        const intro = request.problem ? `:warning: ${request.problem} ` : '';
        await args.ack({ response_type: 'ephemeral', ...plainReply(`${intro}Staff schedule and manage phone-bank shifts: ${SHIFT_USAGE}. Everyone finds and claims them with \`${COMMANDS.shifts}\`.`, `${COMMANDS.shift} new`) });
        return;
      }
      case 'new':
        return newShiftCommand(deps, args);
      default:
        return manageShiftCommand(deps, args, request.kind, request.shiftId);
    }
  };
}
