import type { AnyMiddlewareArgs } from '@slack/bolt';

/** The workspace an interaction came from; team is absent only on org-wide payloads, where the user's own team counts. */
export function teamIdOf(body: { team?: { id: string } | null; user: { team_id?: string } }): string {
  return body.team?.id ?? body.user.team_id ?? '';
}

/** What kind of request this is, for a log line: never its content. */
export function describeRequest(args: AnyMiddlewareArgs): string {
  if ('command' in args) return `the command ${args.command.command}`;
  if ('event' in args) return `the event ${args.event.type}`;
  return `a ${String(args.body.type)}`;
}
