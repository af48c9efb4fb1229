/** Slack says a person's account was deleted (`user_change` with `deleted`): forget them as forget-me would. */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { ListenerDeps } from '../../slack/deps.js';
import { forgetEverywhere } from '../forget.js';

export function userChanged({ database, logger, clock }: ListenerDeps) {
  return async ({ event, body, context, client }: SlackEventMiddlewareArgs<'user_change'> & AllMiddlewareArgs): Promise<void> => {
    const user = event.user as { id?: string; deleted?: boolean; team_id?: string };
    if (user.deleted !== true || !user.id) return;
    const teamId = context.teamId ?? body.team_id;
    try {
      await forgetEverywhere({ db: database.db, client, logger }, teamId, user.id, clock());
    } catch (error) {
      // Slack delivers the event again when the ack is late; a later change of the account also arrives.
      logger.error(`Could not forget a deleted account: ${String(error)}`);
    }
  };
}
