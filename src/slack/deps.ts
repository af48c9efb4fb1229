import type { AllMiddlewareArgs, Logger, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { Database } from '../db/database.js';

/** What every listener may use; handed in when listeners are registered, so tests use the real thing. */
export interface ListenerDeps {
  database: Database;
  logger: Logger;
}

/** What a slash command's listener receives; subcommand handlers take it whole. */
export type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;
