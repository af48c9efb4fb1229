/**
 * Runs work in one transaction and runs it again when PostgreSQL reports a serialization failure or
 * a deadlock (the work lost a race with another transaction; running it again is the documented fix).
 * Everything inside must use the `trx` it is given, never the global db, and must be safe to repeat:
 * nothing outside the database (no Slack call) happens inside.
 */
import type { IsolationLevel, Kysely, Transaction } from 'kysely';
import { isRetryable } from './errors.js';
import type { DB } from './schema.js';

export interface TransactionOptions {
  isolation?: IsolationLevel;
  /** How many times the work runs at most (the first try included). */
  attempts?: number;
}

const DEFAULT_ATTEMPTS = 5;
const BASE_BACKOFF_MS = 5;

export async function inTransaction<T>(db: Kysely<DB>, work: (trx: Transaction<DB>) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
  const attempts = options.attempts ?? DEFAULT_ATTEMPTS;
  for (let attempt = 1; ; attempt += 1) {
    try {
      let builder = db.transaction();
      if (options.isolation) builder = builder.setIsolationLevel(options.isolation);
      return await builder.execute(work);
    } catch (error) {
      if (!isRetryable(error) || attempt >= attempts) throw error;
      // Jittered, growing pauses so the transactions that collided do not collide again in step.
      await new Promise((resolve) => setTimeout(resolve, BASE_BACKOFF_MS * 2 ** (attempt - 1) * (0.5 + Math.random())));
    }
  }
}
