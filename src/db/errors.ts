/**
 * PostgreSQL failures sorted by what they mean for the caller: retry the transaction, the write
 * certainly did not happen, or its outcome is unknown. Words for people live in src/slack/failure.ts.
 */

const SERIALIZATION_FAILURE = '40001';
const DEADLOCK_DETECTED = '40P01';

/** Errors raised before a statement reached the server: nothing it would have written was written. */
const NEVER_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', '57P03']);
/** pg's words when a new connection could not be made in time (the pool's connectionTimeoutMillis). */
const CONNECT_TIMEOUT = /timeout exceeded when trying to connect|Connection terminated due to connection timeout/i;
/** A connection that died while a statement was in flight: the server may have committed it. */
const LOST_IN_FLIGHT_CODES = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', '57P01', '57P02', '08006', '08003']);
const LOST_IN_FLIGHT = /Connection terminated|connection lost|Client has encountered a connection error|terminating connection/i;

export function sqlState(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** A conflict between two transactions: running the same work again is the fix. */
export function isRetryable(error: unknown): boolean {
  const code = sqlState(error);
  return code === SERIALIZATION_FAILURE || code === DEADLOCK_DETECTED;
}

/** The database could not be reached, so the statement never ran. */
export function isDatabaseUnreachable(error: unknown): boolean {
  const code = sqlState(error);
  if (code !== undefined && NEVER_SENT_CODES.has(code)) return true;
  return CONNECT_TIMEOUT.test(messageOf(error));
}

/** The connection was lost with a statement in flight: it may or may not have been committed. */
export function isOutcomeUnknown(error: unknown): boolean {
  if (isDatabaseUnreachable(error)) return false;
  const code = sqlState(error);
  if (code !== undefined && LOST_IN_FLIGHT_CODES.has(code)) return true;
  return LOST_IN_FLIGHT.test(messageOf(error));
}

function messageOf(error: unknown): string {
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : '';
}
