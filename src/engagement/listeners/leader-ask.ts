/**
 * "Invite to lead a training" / "Ask to host" in the leader-spotting DM (staff): the person gets the
 * ask as a DM from the app, once per ask and week however many staff click; the clicker is told.
 */
import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { LeaderAsk } from '../../db/schema.js';
import type { ListenerDeps } from '../../slack/deps.js';
import { failureReply } from '../../slack/failure.js';
import { plainReply } from '../../slack/messages.js';
import { openNotice } from '../../slack/open-modal.js';
import { teamIdOf } from '../../slack/payload.js';
import { readActionValue } from '../../slack/read-payload.js';
import { GUARDED, requireRole } from '../../team/permissions.js';
import { ASK_LABELS } from '../leader-spotting.js';
import { forgetAsk, recordAsk } from '../queries/leaders.js';
import { leaderAskDm, personWeek } from '../views/leader-dm.js';

const ENTRY = { lead_training: GUARDED.leaderAskTraining, host: GUARDED.leaderAskHost } as const;

export function leaderAskPressed(ask: LeaderAsk) {
  return ({ database, logger }: ListenerDeps) =>
    async ({ ack, body, client, action, respond }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs): Promise<void> => {
      await ack();
      const db = database.db;
      const teamId = teamIdOf(body);
      const staffId = body.user.id;
      const answer = (text: string) => respond({ response_type: 'ephemeral', replace_original: false, ...plainReply(text) });
      try {
        const allowed = await requireRole({
          client, db, logger, teamId, userId: staffId, entry: ENTRY[ask],
          refuse: async (message) => void (await openNotice({ client, logger, userId: staffId, triggerId: body.trigger_id, title: 'Leader spotting', text: message.text })),
        });
        if (!allowed) return;
        const target = readActionValue(personWeek, action.value);
        if (!target) {
          await answer(":warning: I couldn't read whom this button is about, so nobody was asked. Use the buttons of the latest leader-spotting DM.");
          return;
        }
        const request = { teamId, userId: target.userId, ask, week: target.week, by: staffId };
        if (!(await recordAsk(db, request))) {
          await answer(`<@${target.userId}> was already asked this week (${ASK_LABELS[ask].toLowerCase()}); they were not asked again.`);
          return;
        }
        try {
          await client.chat.postMessage({ channel: target.userId, ...leaderAskDm(staffId, ask) });
        } catch (error) {
          await forgetAsk(db, request);
          logger.warn(`Could not send a leader ask to ${target.userId}: ${String(error)}`);
          await answer(`:warning: Slack did not take the message, so <@${target.userId}> was not asked. Please try again in a minute.`);
          return;
        }
        await answer(`:white_check_mark: Done: <@${target.userId}> got your ask (${ASK_LABELS[ask].toLowerCase()}) as a DM from me, naming you. They'll reply to you.`);
      } catch (error) {
        logger.error(`Leader ask failed: ${String(error)}`);
        await respond({ response_type: 'ephemeral', replace_original: false, ...failureReply(error, 'changed') }).catch(() => undefined);
      }
    };
}
