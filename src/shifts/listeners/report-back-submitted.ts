/**
 * The report-back modal was submitted: checked by the same rules as any logged action (whole
 * numbers, no more conversations than calls, a story to feature), recorded once per claim, and
 * confirmed by DM with the person's week so far.
 */
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { todayIn } from '../../domain/dates.js';
import { refreshHome } from '../../home/publish-home.js';
import { checkLogDraft } from '../../logging/log-entry.js';
import type { SummarizedLog } from '../../logging/record-log.js';
import type { ListenerDeps } from '../../slack/deps.js';
import { failureText } from '../../slack/failure.js';
import { REPORT_BLOCKS } from '../../slack/ids.js';
import { noticeModal } from '../../slack/notice-modal.js';
import { teamIdOf } from '../../slack/payload.js';
import { timeZoneOf } from '../../team/slack-profiles.js';
import { recordReportBack, reportable } from '../report-back.js';
import { readIdMetadata } from '../views/cancel-shift-modal.js';
import { readReportBack, reportErrorsByBlock } from '../views/report-back-modal.js';

export function reportBackSubmitted({ database, logger }: ListenerDeps) {
  return async ({ ack, body, view, client }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs): Promise<void> => {
    const teamId = teamIdOf(body);
    const userId = body.user.id;
    const metadata = readIdMetadata(view.private_metadata, 'claimId');
    let logged: SummarizedLog;
    try {
      const check = metadata ? await reportable(database.db, { teamId, userId, claimId: metadata.id, now: new Date() }) : ({ ok: false, text: 'This form is out of date; nothing was recorded.' } as const);
      if (!check.ok) {
        await ack({ response_action: 'update', view: noticeModal('Report back', check.text) });
        return;
      }
      const read = readReportBack(view, check.occurredOn);
      if (!read.ok) {
        await ack({ response_action: 'errors', errors: read.errors });
        return;
      }
      const timeZone = await timeZoneOf(client, database.db, teamId, userId);
      const problems = checkLogDraft(read.draft, todayIn(timeZone));
      if (problems.length > 0) {
        await ack({ response_action: 'errors', errors: reportErrorsByBlock(problems) });
        return;
      }
      logged = await recordReportBack(database.db, { teamId, userId, claimId: check.claimId, draft: read.draft, timeZone });
    } catch (error) {
      logger.error(`Report-back failed: ${String(error)}`);
      await ack({ response_action: 'errors', errors: { [REPORT_BLOCKS.calls]: failureText(error, 'recorded') } });
      return;
    }
    await ack();
    await client.chat.postMessage({ channel: userId, ...logged.reply }).catch((error: unknown) => logger.warn(`Could not confirm a report-back: ${String(error)}`));
    await refreshHome({ client, db: database.db, logger, teamId, userId, homeOpened: logged.homeOpened });
  };
}
