/** The /segment modal: each named segment with its count, a preview of names, and its buttons. Pure. */
import type { KnownBlock, ModalView } from '@slack/types';
import { ACTIONS, SEGMENTS_CALLBACK } from '../../slack/ids.js';
import { asText, truncate } from '../../slack/mrkdwn.js';
import { FIXED_SEGMENT_IDS, parseSegmentId, segmentDefinition, type SegmentId } from '../segments.js';
import { conversionText } from '../invitation-rules.js';
import type { InvitationSummary } from '../queries/invitations.js';

export const PREVIEW_NAMES = 8;

export interface SegmentSummary {
  id: SegmentId;
  count: number;
  /** The first few members (Slack shows each mention as the person's name). */
  preview: readonly string[];
}

const people = (n: number) => `${n.toLocaleString('en-US')} ${n === 1 ? 'person' : 'people'}`;

export function segmentsModal(segments: readonly SegmentSummary[], invitations: readonly InvitationSummary[] = []): ModalView {
  const blocks: KnownBlock[] = [
    { type: 'context', elements: [{ type: 'mrkdwn', text: 'Counts are from everyone’s record today. *Export CSV* sends the whole segment to your DM; *Invite* asks them to a shift or training, previewed first.' }] },
  ];
  for (const segment of segments) {
    const { label, rule } = segmentDefinition(segment.id);
    const more = segment.count - segment.preview.length;
    const names = segment.preview.length === 0 ? '_nobody yet_' : `${segment.preview.map((id) => `<@${id}>`).join(', ')}${more > 0 ? ` and ${people(more)} more` : ''}`;
    blocks.push(
      { type: 'divider' },
      { type: 'section', text: { type: 'mrkdwn', text: `*${label}* · ${people(segment.count)}\n_${rule}_\n${names}` } },
    );
    if (segment.count > 0) {
      blocks.push({
        type: 'actions',
        block_id: `segment_${segment.id}`,
        elements: [
          { type: 'button', action_id: ACTIONS.segmentExport, value: segment.id, text: { type: 'plain_text', text: 'Export CSV' } },
          { type: 'button', action_id: ACTIONS.segmentInvite, value: segment.id, text: { type: 'plain_text', text: 'Invite…' } },
        ],
      });
    }
  }
  if (invitations.length > 0) {
    const lines = invitations.map((i) => {
      const still = i.pending > 0 ? ` · ${i.pending} still to send` : '';
      return `• ${labelOf(i.segment)} → ${asText(truncate(i.title, 80))}: ${conversionText(i)}${still}`;
    });
    blocks.push({ type: 'divider' }, { type: 'section', text: { type: 'mrkdwn', text: `*Invitations* (latest first; claimed = holding a seat or a waitlist place now)\n${lines.join('\n')}`.slice(0, 3000) } });
  }
  return { type: 'modal', callback_id: SEGMENTS_CALLBACK, title: { type: 'plain_text', text: 'Segments' }, close: { type: 'plain_text', text: 'Close' }, blocks: blocks.slice(0, 100) };
}

/** The fixed segments always, then the skills someone holds. */
export function segmentsToShow(counts: Partial<Record<SegmentId, number>>): SegmentId[] {
  const skills = (Object.keys(counts) as SegmentId[]).filter((id) => id.startsWith('skill:'));
  return [...FIXED_SEGMENT_IDS, ...skills];
}

function labelOf(segment: string): string {
  const id = parseSegmentId(segment);
  return id ? segmentDefinition(id).label : segment;
}
