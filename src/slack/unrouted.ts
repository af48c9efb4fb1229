/**
 * Slack shows a person an error when a click, submission or command is not acknowledged within 3 s,
 * and Bolt acknowledges nothing that no listener took: it waits out the 3 s and answers 404. A button
 * in an old message, a modal opened by an older version, a command the code no longer routes: each is
 * acknowledged here at once, and logged. The routed ids are those in ids.ts, which listeners.ts
 * registers (test/manifest.test.ts proves every one is routed).
 */
import type { AnyMiddlewareArgs, Logger, Middleware } from '@slack/bolt';
import { ACTIONS, COMMANDS, VIEWS } from './ids.js';
import { plainReply } from './messages.js';
import { asText } from './mrkdwn.js';
import { describeRequest } from './payload.js';

const ROUTED_COMMANDS = new Set<string>(Object.values(COMMANDS));
const ROUTED_ACTIONS = new Set<string>(Object.values(ACTIONS));
const ROUTED_SUBMISSIONS = new Set<string>(Object.values(VIEWS));

/** Global middleware: acknowledges what no listener handles, and passes everything else on. */
export function ackUnrouted(logger: Logger): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const id = routingId(args);
    if (id === 'event' || (id !== undefined && isRouted(args, id))) {
      await args.next();
      return;
    }
    logger.warn(`Acknowledged ${describeRequest(args)} that nothing here handles (${id ?? 'no id'})`);
    if ('command' in args) {
      const reply = plainReply(`:thinking_face: Groundwork does not handle \`${asText(args.command.command)}\`. Nothing was recorded.`, `${COMMANDS.groundwork} help`);
      await args.ack({ response_type: 'ephemeral', ...reply });
    } else if ('ack' in args && args.ack) {
      await (args.ack as () => Promise<void>)();
    }
  };
}

/** The id Bolt routes this request on ('event' for events, which Bolt acknowledges itself). */
function routingId(args: AnyMiddlewareArgs): string | undefined {
  if ('event' in args) return 'event';
  if ('command' in args) return args.command.command;
  if ('action' in args && 'action_id' in args.action) return args.action.action_id;
  if ('view' in args) return args.view.callback_id;
  if ('shortcut' in args) return args.shortcut.callback_id;
  return undefined;
}

function isRouted(args: AnyMiddlewareArgs, id: string): boolean {
  if ('command' in args) return ROUTED_COMMANDS.has(id);
  if (args.body.type === 'block_actions') return ROUTED_ACTIONS.has(id);
  // app.view(callbackId) takes submissions only; nothing here asks Slack for view_closed.
  if (args.body.type === 'view_submission') return ROUTED_SUBMISSIONS.has(id);
  return false;
}
