/**
 * `/training new | list | edit | cancel | attendance | report | skill` (staff): schedule and manage
 * trainings. This listener only routes; `/training` alone (or anything it does not know) answers
 * with the usage, changing nothing.
 */
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { ListenerDeps } from '../../slack/deps.js';
import { COMMANDS } from '../../slack/ids.js';
import { plainReply } from '../../slack/messages.js';
import { parseTrainingText, TRAINING_USAGE } from '../training-command.js';
import { manageTrainingCommand } from './training-manage.js';
import { newTrainingCommand } from './training-new.js';
import { trainingReportCommand } from './training-report.js';
import { recordSkillCommand } from './training-skill.js';

export type TrainingCommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

export function trainingCommand(deps: ListenerDeps) {
  return async (args: TrainingCommandArgs): Promise<void> => {
    const request = parseTrainingText(args.command.text);
    switch (request.kind) {
      case 'help': {
        const intro = request.problem ? `:warning: ${request.problem} ` : '';
        await args.ack({ response_type: 'ephemeral', ...plainReply(`${intro}Staff schedule and manage trainings: ${TRAINING_USAGE}. Everyone finds them and RSVPs with \`${COMMANDS.trainings}\`.`, `${COMMANDS.training} new`) });
        return;
      }
      case 'new':
        return newTrainingCommand(deps, args);
      case 'report':
        return trainingReportCommand(deps, args);
      case 'skill':
        return recordSkillCommand(deps, args, request.userId, request.skill);
      case 'list':
        return manageTrainingCommand(deps, args, 'list', null);
      default:
        return manageTrainingCommand(deps, args, request.kind, request.trainingId);
    }
  };
}
