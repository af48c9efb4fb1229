/**
 * The Home tab's trainings section: the person's next trainings (each with Cancel RSVP) and the
 * skills they have earned. Kept apart from home.ts so the Home tab's other sections can change
 * without touching it. Pure.
 */
import type { KnownBlock } from '@slack/types';
import { TACTICS } from '../../domain/tactics.js';
import { formatInZone } from '../../domain/zoned-time.js';
import { ACTIONS } from '../../slack/ids.js';
import { asText, slackDate, truncate } from '../../slack/mrkdwn.js';
import type { EarnedSkill, NextTraining } from '../../trainings/next-trainings.js';

export function trainingsSection(trainings: readonly NextTraining[], skills: readonly EarnedSkill[], timeZone: string): KnownBlock[] {
  if (trainings.length === 0 && skills.length === 0) return [];
  const blocks: KnownBlock[] = [{ type: 'divider' }, { type: 'header', text: { type: 'plain_text', text: 'Your trainings and skills' } }];
  for (const training of trainings) {
    const status =
      training.status === 'seated' ? ":white_check_mark: you're going" : training.status === 'waiting' ? ":hourglass_flowing_sand: you're on the waitlist" : ':tada: a seat is held for you: confirm it in my DM';
    const when = slackDate(training.startsAt, formatInZone(training.startsAt, timeZone));
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: truncate(`*${asText(training.title)}* (#${training.opportunityId})\n${when}\n${status}`, 3000) },
      accessory: { type: 'button', action_id: ACTIONS.trainingCancelRsvp, text: { type: 'plain_text', text: training.status === 'waiting' ? 'Leave waitlist' : 'Cancel RSVP' }, value: String(training.opportunityId) },
    });
  }
  const earned = skills.map((skill) => `*${TACTICS[skill.skill].name}*${skill.source === 'staff' ? ' (recorded by staff)' : ''}`);
  blocks.push({
    type: 'context',
    elements: [{ type: 'mrkdwn', text: truncate(earned.length > 0 ? `:mortar_board: Skills you've earned: ${earned.join(', ')}` : ':mortar_board: No skills earned yet: come to a training to earn one.', 3000) }],
  });
  return blocks;
}
