/** The invitation DM a person gets from a batch: what, when, seats left, the Claim (or RSVP) button, and how to stop these. Pure. */
import type { KnownBlock } from '@slack/types';
import { formatInZone } from '../../domain/zoned-time.js';
import { ACTIONS } from '../../slack/ids.js';
import { asText, slackDate } from '../../slack/mrkdwn.js';
import type { SlackMessage } from '../../slack/messages.js';
import type { InvitableOpportunity } from '../queries/invitations.js';

export function invitationDm(options: { opportunity: InvitableOpportunity; invitedBy: string; timeZone: string }): SlackMessage {
  const { opportunity, invitedBy, timeZone } = options;
  const what = opportunity.kind === 'shift' ? 'a phone-bank shift' : 'a training';
  const when = slackDate(opportunity.startsAt, formatInZone(opportunity.startsAt, timeZone));
  const seats = opportunity.seatsLeft === null ? 'no seat limit' : `${opportunity.seatsLeft} ${opportunity.seatsLeft === 1 ? 'seat' : 'seats'} left`;
  const text = `:wave: <@${invitedBy}> would love to see you at ${what}: *${asText(opportunity.title)}* · ${when} · ${seats}.`;
  const blocks: KnownBlock[] = [{ type: 'section', text: { type: 'mrkdwn', text } }];
  // The same buttons as the announcement's, so the answer (seat, waitlist, clash, prerequisite) is the engine's.
  const button = opportunity.kind === 'shift' ? { action_id: ACTIONS.shiftClaim, text: 'Claim a seat' } : { action_id: ACTIONS.trainingRsvp, text: 'RSVP' };
  blocks.push({ type: 'actions', elements: [{ type: 'button', style: 'primary', action_id: button.action_id, value: String(opportunity.id), text: { type: 'plain_text', text: button.text } }] });
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: 'Rather not get invitations like this? Type `/groundwork stop-invites`.' }] });
  return { text: `${what[0]!.toUpperCase()}${what.slice(1)}: ${asText(opportunity.title)}, ${formatInZone(opportunity.startsAt, timeZone)}. ${seats}.`, blocks };
}
