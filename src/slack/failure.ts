/**
 * What a person sees when something on our side failed: never a stack trace, and never a claim we
 * cannot stand behind. "Nothing was recorded" is said only when the database certainly did not take
 * the write (it could not be reached, or it refused the statement); when the connection died with the
 * statement in flight, the outcome is unknown and the answer says so.
 */
import { isDatabaseUnreachable, isOutcomeUnknown } from '../db/errors.js';
import { plainReply, type SlackMessage } from './messages.js';

/** What was being done, in the words of "nothing was …": a read says nothing about writes. */
export type Attempt = 'read' | 'recorded' | 'changed' | 'saved';

export function failureText(error: unknown, attempt: Attempt): string {
  if (attempt !== 'read' && isOutcomeUnknown(error)) {
    return `Groundwork lost its database connection while this was being ${attempt}, so I cannot tell whether it was. Please check in a minute before trying again; trying again is safe.`;
  }
  const nothing = attempt === 'read' ? '' : `, so nothing was ${attempt}`;
  if (isDatabaseUnreachable(error)) return `Groundwork could not reach its database${nothing}. Please try again in a minute.`;
  const maybe = attempt === 'read' ? '' : `, so this may not have been ${attempt}`;
  return `Something went wrong on our side${maybe}. Please try again; if it keeps happening, tell your organizer.`;
}

/** The ephemeral answer for a failure. */
export function failureReply(error: unknown, attempt: Attempt): SlackMessage {
  return plainReply(`:warning: ${failureText(error, attempt)}`);
}
