/**
 * The forget-me confirmation was submitted: the person is forgotten everywhere before the ack, so the
 * modal's answer is true (a double submit finds nothing left and answers the same).
 */
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs } from '@slack/bolt';
import type { ListenerDeps } from '../../slack/deps.js';
import { failureText } from '../../slack/failure.js';
import { noticeModal } from '../../slack/notice-modal.js';
import { forgetEverywhere } from '../forget.js';
import { forgottenNotice } from '../views/privacy-views.js';

export function forgetMeSubmitted({ database, logger, clock }: ListenerDeps) {
  return async ({ ack, body, client }: SlackViewMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    const teamId = body.view.team_id || body.team?.id || '';
    try {
      await forgetEverywhere({ db: database.db, client, logger }, teamId, body.user.id, clock());
    } catch (error) {
      logger.error(`forget-me failed: ${String(error)}`);
      await ack({ response_action: 'update', view: noticeModal('Not deleted', `:warning: ${failureText(error, 'changed')}`) });
      return;
    }
    await ack({ response_action: 'update', view: forgottenNotice() });
  };
}
