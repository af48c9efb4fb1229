/**
 * What a seat's holder is promised about reminders when the seat is taken: only the reminders still ahead
 * (the drain sends a lead's reminder only if it came due after the seat was taken, see signup-rules), so
 * someone claiming 30 minutes before the start is promised none. Pure.
 */
import { remindersAhead } from './signup-rules.js';

const LEAD_WORDS = { '24h': '24 hours', '1h': '1 hour' } as const;

/** "I'll remind you by DM 24 hours and 1 hour before<extra>." — or '' when no reminder is still ahead. */
export function reminderPromise(startsAt: Date, now: Date, extra = ''): string {
  const leads = remindersAhead(startsAt, now).map((lead) => LEAD_WORDS[lead]);
  if (leads.length === 0) return '';
  return `I'll remind you by DM ${leads.join(' and ')} before${extra}. `;
}
