/**
 * The last line of defence: errors nobody handled are logged in one line an operator can act on
 * (what, and where in our code), with anything shaped like a Slack token blanked out, and the app
 * keeps serving. Used by Bolt's receiver error handlers here and by the process handlers in main.ts.
 */
import {
  HTTPModuleFunctions,
  HTTPReceiverDeferredRequestError,
  type ReceiverDispatchErrorHandlerArgs,
  type ReceiverProcessEventErrorHandlerArgs,
} from '@slack/bolt';

// Bot, user, app-level and refresh tokens; a signing secret never leaves config, so it cannot appear here.
const TOKEN = /\bx(?:ox[a-z]|app)-[A-Za-z0-9-]+/g;

/** `Name: message (at file:line)`, tokens removed; never a multi-line stack. */
export function describeUnexpected(thrown: unknown): string {
  // Bolt wraps what a listener threw in an UnknownError that keeps it as `original`.
  const original = (thrown as { original?: unknown } | null)?.original;
  const error = original instanceof Error ? original : thrown;
  const text = error instanceof Error ? `${error.name}: ${error.message}${whereThrown(error)}` : `non-error thrown: ${safeString(error)}`;
  return text.replace(TOKEN, '[token]').replace(/\s*\n\s*/g, ' ');
}

/** The first stack frame, so the log says where without printing the stack. */
function whereThrown(error: Error): string {
  const frame = error.stack?.split('\n').find((line) => /^\s+at /.test(line));
  return frame ? ` (${frame.trim()})` : '';
}

function safeString(value: unknown): string {
  try {
    return typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/**
 * Bolt's HTTPReceiver error handlers with the error itself in the log: Bolt's defaults log it only
 * at debug level. They answer as Bolt's defaults do.
 */
export function receiverErrorHandlers() {
  return {
    /** A request Bolt could not start on; unknown paths come through here too (404, no error). */
    dispatchErrorHandler(args: ReceiverDispatchErrorHandlerArgs): void {
      if (!(args.error instanceof HTTPReceiverDeferredRequestError)) args.logger.error(`Unexpected error starting a request: ${describeUnexpected(args.error)}`);
      HTTPModuleFunctions.defaultDispatchErrorHandler(args);
    },
    /** An error out of Bolt's processing of a request (a listener's own error lands in app.error first). */
    processEventErrorHandler(args: ReceiverProcessEventErrorHandlerArgs): Promise<boolean> {
      args.logger.error(`Unexpected error processing a request: ${describeUnexpected(args.error)}`);
      return HTTPModuleFunctions.defaultProcessEventErrorHandler(args);
    },
  };
}

/**
 * Process-wide last resort (main.ts installs it): an error that escaped every handler is logged and
 * the process keeps serving. Node's default would end the process, and with it every request in
 * flight and the Home tabs and DMs still being sent.
 */
export function keepServingOnUnexpectedErrors(log: (line: string) => void): void {
  process.on('uncaughtException', (error) => log(`[groundwork] unexpected error, still serving: ${describeUnexpected(error)}`));
  process.on('unhandledRejection', (reason) => log(`[groundwork] unexpected rejection, still serving: ${describeUnexpected(reason)}`));
}
