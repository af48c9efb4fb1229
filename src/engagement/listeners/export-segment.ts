/** "Export CSV" in the /segment modal (staff): the segment as a CSV file in the staff member's DM. */
import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { todayIn } from '../../domain/dates.js';
import { displayTimeZone } from '../../team/time-zone.js';
import type { ListenerDeps } from '../../slack/deps.js';
import { plainReply } from '../../slack/messages.js';
import { openNotice } from '../../slack/open-modal.js';
import { teamIdOf } from '../../slack/payload.js';
import { readActionValue } from '../../slack/read-payload.js';
import { GUARDED, requireRole } from '../../team/permissions.js';
import { exportSegment } from '../export-segment.js';
import { segmentIdValue } from '../segments.js';

export function exportSegmentPressed({ database, logger, clock }: ListenerDeps) {
  return async ({ ack, body, client, action }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const db = database.db;
    const teamId = teamIdOf(body);
    const staffId = body.user.id;
    const tell = (text: string) => client.chat.postMessage({ channel: staffId, ...plainReply(text) }).catch((error: unknown) => logger.warn(`Could not tell ${staffId}: ${String(error)}`));
    try {
      const allowed = await requireRole({
        client, db, logger, teamId, userId: staffId, entry: GUARDED.segmentExport,
        refuse: async (message) => void (await openNotice({ client, logger, userId: staffId, triggerId: body.trigger_id, title: 'Segments', text: message.text })),
      });
      if (!allowed) return;
      const segment = readActionValue(segmentIdValue, action.value);
      if (!segment) {
        await tell(":warning: I couldn't read which segment to export, so nothing was sent. Open `/segment` again and press *Export CSV* on the one you want.");
        return;
      }
      const timeZone = await displayTimeZone(db, teamId);
      await exportSegment(db, client, { teamId, staffId, segment, today: todayIn(timeZone, clock()), timeZone });
    } catch (error) {
      logger.error(`Segment export failed: ${String(error)}`);
      await tell(':warning: The export did not go through (Slack or the database did not answer), so no file was sent. Please try again in a minute.');
    }
  };
}
