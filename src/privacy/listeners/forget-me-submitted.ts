/**
 * The forget-me confirmation was submitted: the person is forgotten everywhere before the ack, so the
 * modal's answer is true (a double submit finds nothing left and answers the same).
 */
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs } from '@slack/bolt';
import type { ListenerDeps } from '../../slack/deps.js';
import { failureText } from '../../slack/failure.js';
import { noticeModal } from '../../slack/notice-modal.js';
import { teamIdOf } from '../../slack/payload.js';
import { forgetEverywhere } from '../forget.js';
import { publishHome } from '../../home/publish-home.js';
import { displayTimeZone } from '../../team/time-zone.js';
import { forgottenNotice } from '../views/privacy-views.js';

export function forgetMeSubmitted({ database, logger, clock }: ListenerDeps) {
  return async ({ ack, body, client }: SlackViewMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    const teamId = teamIdOf(body);
    try {
      await forgetEverywhere({ db: database.db, client, logger }, teamId, body.user.id, clock());
    } catch (error) {
      logger.error(`forget-me failed: ${String(error)}`);
      await ack({ response_action: 'update', view: noticeModal('Not deleted', `:warning: ${failureText(error, 'changed')}`) });
      return;
    }
    await ack({ response_action: 'update', view: forgottenNotice() });
    // Slack keeps the Home tab last published, with their totals: replace it with one built from nothing.
    // The team's zone is passed so no users.info answer is cached for them again.
    try {
      await publishHome({ client, db: database.db, teamId, userId: body.user.id, timeZone: await displayTimeZone(database.db, teamId), now: clock() });
    } catch (error) {
      logger.warn(`Could not clear the Home tab of a forgotten person: ${String(error)}`);
    }
  };
}
