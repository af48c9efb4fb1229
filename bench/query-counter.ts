/**
 * Counts the SQL statements every node-postgres client in this process sends, so a benchmark can
 * report database round trips per request: a figure that does not move with machine noise and
 * points straight at where a request's time goes. Installed by wrapping Client#query once; it adds
 * one increment per query.
 */
import pg from 'pg';

let statements = 0;
let installed = false;

/** Returns a reader of the running count (statements sent since the counter was installed). */
export function installQueryCounter(): () => number {
  if (!installed) {
    installed = true;
    const original = pg.Client.prototype.query as (...args: unknown[]) => unknown;
    pg.Client.prototype.query = function countedQuery(this: pg.Client, ...args: unknown[]) {
      statements++;
      return original.apply(this, args);
    } as typeof pg.Client.prototype.query;
  }
  return () => statements;
}
