/** What a person sees when something on our side failed: never a stack trace, always "nothing was recorded". */
import { DATABASE_DOWN_MESSAGE } from '../db/errors.js';

const DATABASE_ERROR_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', '57P01', '57P03', '08006', '08001']);

export function looksLikeDatabaseOutage(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && DATABASE_ERROR_CODES.has(code)) return true;
  return typeof message === 'string' && /connect|timeout|terminat|Connection/i.test(message);
}

export function failureMessage(error: unknown): string {
  return looksLikeDatabaseOutage(error)
    ? DATABASE_DOWN_MESSAGE
    : ':warning: Something went wrong on our side, so nothing was recorded. Please try again; if it keeps happening, tell your organizer.';
}
