/**
 * Who a batch invitation goes to, and how fast. Pure.
 *
 * Pace: one DM at a time, INVITE_PACE_MS apart. Slack allows chat.postMessage about once per second per
 * channel, and every invitation is a DM of its own, so that limit never binds; the workspace-wide
 * limit for the method is far above one a second. One a second keeps a batch of a few hundred well
 * inside both, so a 429 should never happen; if one does, the job's client waits it out (bounded).
 */
export const INVITE_PACE_MS = 1000;
/** How many a drain sends at most: the scheduler runs the job every minute, so about one a second. */
export const INVITES_PER_DRAIN = 55;
/** A drain's lease on the rows it claimed: longer than INVITES_PER_DRAIN paced sends. */
export const INVITE_LEASE_MS = 5 * 60_000;

export interface RecipientFacts {
  members: readonly string[];
  optedOut: ReadonlySet<string>;
  /** Already seated, offered a seat or waiting on the opportunity. */
  holding: ReadonlySet<string>;
  /** Invited to the same opportunity by an earlier invitation. */
  alreadyInvited: ReadonlySet<string>;
}

export interface Recipients {
  send: string[];
  skipped: { optedOut: number; holding: number; alreadyInvited: number };
}

export function recipientsOf(facts: RecipientFacts): Recipients {
  const send: string[] = [];
  const skipped = { optedOut: 0, holding: 0, alreadyInvited: 0 };
  for (const userId of new Set(facts.members)) {
    if (facts.optedOut.has(userId)) skipped.optedOut += 1;
    else if (facts.holding.has(userId)) skipped.holding += 1;
    else if (facts.alreadyInvited.has(userId)) skipped.alreadyInvited += 1;
    else send.push(userId);
  }
  return { send, skipped };
}

export interface Conversion {
  sent: number;
  converted: number;
}

/** "6 of 40 claimed (15%)". */
export function conversionText({ sent, converted }: Conversion): string {
  if (sent === 0) return 'none sent yet';
  return `${converted} of ${sent} claimed (${Math.round((100 * converted) / sent)}%)`;
}
