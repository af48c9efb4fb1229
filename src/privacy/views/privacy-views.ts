/** What a person sees about their data: the forget-me confirmation, and the answers. Pure. */
import type { ModalView } from '@slack/types';
import { VIEWS } from '../../slack/ids.js';
import { plainReply, type SlackMessage } from '../../slack/messages.js';
import { noticeModal } from '../../slack/notice-modal.js';

export function forgetMeModal(): ModalView {
  return {
    type: 'modal',
    callback_id: VIEWS.forgetMe,
    title: { type: 'plain_text', text: 'Delete my data' },
    submit: { type: 'plain_text', text: 'Delete everything' },
    close: { type: 'plain_text', text: 'Keep my data' },
    blocks: [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text:
            '*This deletes everything Groundwork stores about you, for good:* your profile, the notes, places and stories of your actions, ' +
            'your seats and RSVPs (upcoming ones are given up), skills, invitations, roles and preferences.\n\n' +
            "Your actions stay in the team's totals without your name, so the team's history still adds up. " +
            'To see what is stored first, close this and type `/groundwork my-data`.',
        },
      },
    ],
  };
}

export const forgottenNotice = (): ModalView =>
  noticeModal('Your data is deleted', ":white_check_mark: Everything Groundwork stored about you is deleted. Your past actions count in the team's totals without your name.");

export const myDataOnItsWay = (): SlackMessage =>
  plainReply(':package: Gathering everything Groundwork stores about you. It arrives as a file in your DM with me in a moment.');

export const myDataSentComment = (rows: number): string =>
  rows === 0 ? 'Groundwork stores nothing about you.' : `Everything Groundwork stores about you: ${rows} record${rows === 1 ? '' : 's'}, table by table. To delete it all, type \`/groundwork forget-me\`.`;

export const invitesStopped = (already: boolean): SlackMessage =>
  plainReply(
    already
      ? ':no_bell: You had already stopped invitations; nothing changed. To get them again: `/groundwork start-invites`.'
      : ":no_bell: Done: staff's batch invitations (to shifts and trainings) will skip you. To get them again: `/groundwork start-invites`.",
  );

export const invitesStarted = (already: boolean): SlackMessage =>
  plainReply(
    already
      ? ':bell: You already get invitations; nothing changed. To stop them: `/groundwork stop-invites`.'
      : ':bell: Done: you will get staff\'s invitations to shifts and trainings again. To stop them: `/groundwork stop-invites`.',
  );
