import type { AllMiddlewareArgs, Logger, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { Database } from '../db/database.js';

/** What every listener may use; handed in when listeners are registered, so tests use the real thing. */
export interface ListenerDeps {
  database: Database;
  logger: Logger;
  /**
   * The time a request is handled at: read once per request and passed down, so its "today" and "this
   * week" cannot straddle midnight; tests hand in a fixed one.
   */
  clock: () => Date;
}

/** What a slash command's listener receives; subcommand handlers take it whole. */
export type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;
