import type { Logger } from '@slack/bolt';
import type { Database } from '../db/database.js';

/** What every listener may use; handed in when listeners are registered, so tests use the real thing. */
export interface ListenerDeps {
  database: Database;
  logger: Logger;
}
