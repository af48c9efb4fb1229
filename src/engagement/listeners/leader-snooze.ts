/** "Snooze 4 weeks" in the leader-spotting DM (staff): the person is left out of the DM until then. */
import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { addDays, formatDay, todayIn } from '../../domain/dates.js';
import type { ListenerDeps } from '../../slack/deps.js';
import { failureReply } from '../../slack/failure.js';
import { plainReply } from '../../slack/messages.js';
import { openNotice } from '../../slack/open-modal.js';
import { teamIdOf } from '../../slack/payload.js';
import { readActionValue } from '../../slack/read-payload.js';
import { displayTimeZone } from '../../team/time-zone.js';
import { GUARDED, requireRole } from '../../team/permissions.js';
import { SNOOZE_WEEKS } from '../leader-spotting.js';
import { snooze } from '../queries/leaders.js';
import { personWeek } from '../views/leader-dm.js';

export function leaderSnoozePressed({ database, logger, clock }: ListenerDeps) {
  return async ({ ack, body, client, action, respond }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const db = database.db;
    const teamId = teamIdOf(body);
    const staffId = body.user.id;
    try {
      const allowed = await requireRole({
        client, db, logger, teamId, userId: staffId, entry: GUARDED.leaderSnooze,
        refuse: async (message) => void (await openNotice({ client, logger, userId: staffId, triggerId: body.trigger_id, title: 'Leader spotting', text: message.text })),
      });
      if (!allowed) return;
      const target = readActionValue(personWeek, action.value);
      if (!target) {
        await respond({ response_type: 'ephemeral', replace_original: false, ...plainReply(":warning: I couldn't read whom this button is about, so nobody was snoozed.") });
        return;
      }
      const until = addDays(todayIn(await displayTimeZone(db, teamId), clock()), 7 * SNOOZE_WEEKS);
      await snooze(db, teamId, target.userId, until, staffId);
      await respond({ response_type: 'ephemeral', replace_original: false, ...plainReply(`:zzz: <@${target.userId}> is snoozed: they are left out of leader spotting until ${formatDay(until)}.`) });
    } catch (error) {
      logger.error(`Leader snooze failed: ${String(error)}`);
      await respond({ response_type: 'ephemeral', replace_original: false, ...failureReply(error, 'changed') }).catch(() => undefined);
    }
  };
}
