/**
 * The one handler behind every RSVP button (RSVP, Join waitlist, Cancel RSVP, Confirm, Pass), so
 * each answers the same way wherever it was pressed: in the /trainings modal the modal is rebuilt
 * with the answer on top; on the Home tab the answer opens in a small modal, and in another modal (a
 * refused shift claim's answer, the /shifts list) it goes on top of that one; in a message (the
 * announcement, a DM, the digest) the answer comes privately, and a seat offer's DM is replaced by it.
 */
import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { ListenerDeps } from '../slack/deps.js';
import { failureText } from '../slack/failure.js';
import { TRAININGS_BROWSE_CALLBACK } from '../slack/ids.js';
import { plainReply, type SlackMessage } from '../slack/messages.js';
import { openNotice } from '../slack/open-modal.js';
import { teamIdOf } from '../slack/payload.js';
import { readActionValue, rowId } from '../slack/read-payload.js';
import type { SignupDeps } from '../signups/deliver-outbox.js';
import { displayTimeZone } from '../team/time-zone.js';
import { browseTrainingsView } from './browse-trainings.js';
import { afterRsvpChange, changeRsvp, type RsvpChange, type RsvpVerb } from './rsvp-actions.js';
import { rsvpReplyMessage } from './views/rsvp-replies.js';

type ButtonArgs = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

export function rsvpButton(verb: RsvpVerb) {
  return ({ database, logger }: ListenerDeps) =>
    async (args: ButtonArgs): Promise<void> => {
      const { ack, body, action, client } = args;
      await ack();
      const deps = { db: database.db, client, logger };
      const teamId = teamIdOf(body);
      const userId = body.user.id;
      const now = new Date();
      // Only the exact id the button was built with: a loose read could take another training's seat.
      const id = readActionValue(rowId, action.value);
      let change: RsvpChange | undefined;
      let message: SlackMessage;
      try {
        if (id === null) {
          logger.warn(`Refused a training ${verb} button with an unreadable value (${JSON.stringify(action.value)?.slice(0, 40)})`);
          message = plainReply(':warning: That button is broken, so nothing changed. `/trainings` lists the trainings with working buttons.');
        } else {
          change = await changeRsvp(deps, { teamId, userId, verb, id, now });
          message = rsvpReplyMessage(change.reply, change.training, await displayTimeZone(database.db, teamId), now);
        }
      } catch (error) {
        logger.error(`Training ${verb} failed: ${String(error)}`);
        message = plainReply(`:warning: ${failureText(error, 'changed')}`);
      }
      try {
        await show(args, deps, message, verb, now);
      } catch (error) {
        logger.warn(`Could not show the answer to a training ${verb}: ${String(error)}`);
      }
      if (change?.changedOpportunityId) await afterRsvpChange(deps, { teamId, userId, opportunityId: change.changedOpportunityId, now });
    };
}

async function show(args: ButtonArgs, deps: SignupDeps, message: SlackMessage, verb: RsvpVerb, now: Date): Promise<void> {
  const { body, respond, client } = args;
  const view = body.view;
  if (view?.type === 'modal' && view.callback_id === TRAININGS_BROWSE_CALLBACK) {
    const rebuilt = await browseTrainingsView(deps, { teamId: teamIdOf(body), userId: body.user.id, now, notice: message.text });
    await client.views.update({ view_id: view.id, view: rebuilt });
    return;
  }
  if (view) {
    // Pressed inside another modal (a refused shift claim's answer, the /shifts list): the answer goes on top of it.
    await openNotice({ client, logger: deps.logger, userId: body.user.id, triggerId: body.trigger_id, title: 'Trainings', text: message.text, stack: view.type === 'modal' });
    return;
  }
  // A seat offer's DM is answered once: its Confirm / Pass buttons give way to the answer.
  const replaceOriginal = verb === 'confirm' || verb === 'pass';
  await respond({ response_type: 'ephemeral', replace_original: replaceOriginal, ...message });
}
