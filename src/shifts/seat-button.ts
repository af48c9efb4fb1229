/**
 * The one handler behind every seat button (Claim, Join waitlist, Leave, Confirm, Pass), so each
 * answers the same way wherever it was pressed: in the /shifts modal the modal is rebuilt with the
 * answer on top; on the Home tab the answer (with its buttons) opens in a small modal and the tab refreshes; in a
 * message (the announcement, a DM) the answer comes privately, and a seat offer's DM is replaced by it.
 */
import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { ListenerDeps } from '../slack/deps.js';
import { failureText } from '../slack/failure.js';
import { plainReply, type SlackMessage } from '../slack/messages.js';
import { openNotice } from '../slack/open-modal.js';
import { teamIdOf } from '../slack/payload.js';
import { readActionValue, rowId } from '../slack/read-payload.js';
import { browseShiftsView } from './browse-shifts.js';
import { afterSeatChange, changeSeat, type SeatChange, type SeatVerb } from './seat-actions.js';
import { displayTimeZone } from '../team/time-zone.js';
import { readBrowsePage } from './views/browse-modal.js';
import { seatReplyMessage } from './views/seat-replies.js';

type ButtonArgs = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

export function seatButton(verb: SeatVerb) {
  return ({ database, logger, clock }: ListenerDeps) =>
    async (args: ButtonArgs): Promise<void> => {
      const { ack, body, action, client } = args;
      await ack();
      const deps = { db: database.db, client, logger };
      const teamId = teamIdOf(body);
      const userId = body.user.id;
      const now = clock();
      // Only the exact id the button was built with: a loose read ("1e3", " 7", "0x10") could take another shift's seat.
      const id = readActionValue(rowId, action.value);
      // In the /shifts modal the answer is shown on the page it was pressed on, which its metadata names.
      const page = body.view?.type === 'modal' ? readBrowsePage(body.view.private_metadata) : 0;
      let change: SeatChange | undefined;
      let message: SlackMessage;
      try {
        if (id === null || page === null) {
          logger.warn(`Refused a shift ${verb} button with an unreadable value or modal (${JSON.stringify(action.value)?.slice(0, 40)})`);
          message = plainReply(':warning: That button is broken, so nothing changed. `/shifts` lists the shifts with working buttons.');
        } else {
          change = await changeSeat(deps, { teamId, userId, verb, id, now });
          message = seatReplyMessage(change.reply, change.shift, await displayTimeZone(database.db, teamId), now);
        }
      } catch (error) {
        logger.error(`Shift ${verb} failed: ${String(error)}`);
        message = plainReply(`:warning: ${failureText(error, 'changed')}`);
      }
      try {
        await show(args, deps, message, verb, now, page ?? 0);
      } catch (error) {
        logger.warn(`Could not show the answer to a shift ${verb}: ${String(error)}`);
      }
      if (change?.changedOpportunityId) await afterSeatChange(deps, { teamId, userId, opportunityId: change.changedOpportunityId, now });
    };
}

async function show(args: ButtonArgs, deps: { db: ListenerDeps['database']['db']; client: ButtonArgs['client']; logger: ListenerDeps['logger'] }, message: SlackMessage, verb: SeatVerb, now: Date, page: number): Promise<void> {
  const { body, respond, client } = args;
  const view = body.view;
  if (view?.type === 'modal') {
    const rebuilt = await browseShiftsView(deps, { teamId: teamIdOf(body), userId: body.user.id, page, now, notice: message });
    await client.views.update({ view_id: view.id, view: rebuilt });
    return;
  }
  if (view?.type === 'home') {
    // With its blocks: a refusal for a missing skill carries the button to RSVP to the next training for it.
    await openNotice({ client, logger: deps.logger, userId: body.user.id, triggerId: body.trigger_id, title: 'Shifts', text: message.text, blocks: message.blocks });
    return;
  }
  // A seat offer's DM is answered once: its Confirm / Pass buttons give way to the answer.
  const replaceOriginal = verb === 'confirm' || verb === 'pass';
  await respond({ response_type: 'ephemeral', replace_original: replaceOriginal, ...message });
}
