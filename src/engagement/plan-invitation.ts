/** Who a segment's invitation to one opportunity would reach now: read for the preview, and again at send. */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { todayIn } from '../domain/dates.js';
import { recipientsOf, type Recipients } from './invitation-rules.js';
import { findInvitable, recipientFacts, type InvitableOpportunity } from './queries/invitations.js';
import { segmentMembers } from './queries/segments.js';
import type { SegmentId } from './segments.js';

export type InvitationPlan = { opportunity: InvitableOpportunity; recipients: Recipients } | { opportunity: undefined };

export async function planInvitation(db: Kysely<DB>, request: { teamId: string; segment: SegmentId; opportunityId: number; now: Date; timeZone: string }): Promise<InvitationPlan> {
  const { teamId, segment, opportunityId, now, timeZone } = request;
  const opportunity = await findInvitable(db, teamId, opportunityId, now);
  if (!opportunity) return { opportunity: undefined };
  const members = await segmentMembers(db, teamId, segment, todayIn(timeZone, now));
  const facts = await recipientFacts(db, teamId, opportunityId, members);
  return { opportunity, recipients: recipientsOf({ members, ...facts }) };
}
