/** "Cancel this training?": what happens to the people on it, before staff confirm. Pure. */
import type { ModalView } from '@slack/types';
import { VIEWS } from '../../slack/ids.js';
import type { Training } from '../queries/trainings.js';
import { titleOf, whenAndLength } from './training-text.js';

export function cancelTrainingModal(options: { training: Training; people: number; timeZone: string; responseUrl?: string }): ModalView {
  const { training, people, timeZone } = options;
  const told = people === 0 ? 'Nobody has RSVPed yet.' : `${people} ${people === 1 ? 'person who RSVPed or is waiting gets' : 'people who RSVPed or are waiting get'} one DM saying so.`;
  return {
    type: 'modal',
    callback_id: VIEWS.trainingCancel,
    title: { type: 'plain_text', text: 'Cancel training' },
    submit: { type: 'plain_text', text: 'Cancel the training' },
    close: { type: 'plain_text', text: 'Keep it' },
    private_metadata: JSON.stringify({ opportunityId: training.opportunity.id, ...(options.responseUrl ? { responseUrl: options.responseUrl } : {}) }),
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `Cancel ${titleOf(training.details, training.opportunity)}, ${whenAndLength(training.opportunity, timeZone)}?` } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: `${told} Its announcement is marked cancelled and its reminders are not sent. This can't be undone.` }] },
    ],
  };
}
