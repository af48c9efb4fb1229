/** PostgreSQL failures in the words a person can act on. */

const UNIQUE_VIOLATION = '23505';
const SERIALIZATION_FAILURE = '40001';
const DEADLOCK_DETECTED = '40P01';

function sqlState(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

export function isUniqueViolation(error: unknown): boolean {
  return sqlState(error) === UNIQUE_VIOLATION;
}

/** A conflict between two transactions: running the same work again is the fix. */
export function isRetryable(error: unknown): boolean {
  const code = sqlState(error);
  return code === SERIALIZATION_FAILURE || code === DEADLOCK_DETECTED;
}

/** The message a person sees when the database cannot take their write. */
export const DATABASE_DOWN_MESSAGE =
  ':warning: Groundwork could not reach its database, so nothing was recorded. Please try again in a minute.';
