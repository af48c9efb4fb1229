/** Builds the /shifts modal for one person: shifts in the next two weeks they may claim, a page at a time. */
import { listOpportunities } from '../signups/queries/opportunities.js';
import type { SignupDeps } from '../signups/deliver-outbox.js';
import { roleOf } from '../team/queries/roles.js';
import { hasRole } from '../team/roles.js';
import { shiftDetailsOf } from './queries.js';
import { displayTimeZone } from '../team/time-zone.js';
import { BROWSE_DAYS, PAGE_SIZE, browseModal, type BrowseItem } from './views/browse-modal.js';
import type { ModalView } from '@slack/types';
import type { SlackMessage } from '../slack/messages.js';

export async function browseShiftsView(deps: SignupDeps, options: { teamId: string; userId: string; page: number; now: Date; notice?: SlackMessage }): Promise<ModalView> {
  const { db } = deps;
  const { teamId, userId, now, notice } = options;
  const [role, timeZone] = await Promise.all([roleOf(db, teamId, userId), displayTimeZone(db, teamId)]);
  const to = new Date(now.getTime() + BROWSE_DAYS * 86_400_000);
  const list = (page: number) =>
    listOpportunities(db, { teamId, kind: 'shift', userId, from: now, to, includeLeadersOnly: hasRole(role, 'leader'), limit: PAGE_SIZE, offset: page * PAGE_SIZE });
  let page = options.page;
  let listed = await list(page);
  // A page that emptied since it was shown (shifts started or were cancelled) falls back to the first.
  if (listed.rows.length === 0 && page > 0) listed = await list((page = 0));
  const details = await shiftDetailsOf(db, listed.rows.map((row) => row.id));
  const items: BrowseItem[] = listed.rows.flatMap((opportunity) => {
    const shift = details.get(opportunity.id);
    return shift ? [{ opportunity, details: shift }] : [];
  });
  return browseModal({ items, page, total: listed.total, timeZone, ...(notice ? { notice } : {}) });
}

