/**
 * Statements on the hot path keep their parse and plan per connection. Kysely hands every statement to
 * node-postgres unnamed, so PostgreSQL parses, analyzes and plans it on every call; for a statement run on
 * every report that is a good part of the database's work (and on the embedded database it runs on the
 * app's own thread). A statement whose text begins with `/* kept: <name> *\/` is sent as the named prepared
 * statement <name> instead: parsed once per connection, its plan kept by PostgreSQL's plan cache.
 *
 * Only for statements whose text never varies (node-postgres refuses a name reused with other text) and
 * whose plan cannot go stale as tables grow: a function call, where the function's own statements decide
 * their plans (see migration 0013). Everything else stays unnamed.
 */
import type { PostgresPool, PostgresPoolClient } from 'kysely';
import type pg from 'pg';

const KEPT = /^\/\* kept: ([a-z_]+) \*\//;

/** The comment that marks `name`'s statement as kept; put it first in the statement's text. */
export function keptStatement(name: string): string {
  if (!/^[a-z_]+$/.test(name)) throw new Error(`a kept statement's name is lower-case letters and _: ${name}`);
  return `/* kept: ${name} */`;
}

/** The pool Kysely is given: `pool`, with marked statements sent as named prepared statements. */
export function keepingStatements(pool: pg.Pool): PostgresPool {
  return {
    async connect(): Promise<PostgresPoolClient> {
      const client = await pool.connect();
      const query = (statement: unknown, parameters?: readonly unknown[]) => {
        if (typeof statement === 'string') {
          const name = KEPT.exec(statement)?.[1];
          const values = parameters ? [...parameters] : [];
          return name ? client.query({ name, text: statement, values }) : client.query(statement, values);
        }
        // A cursor (Kysely's streaming) goes through unchanged.
        return client.query(statement as pg.Submittable);
      };
      return { query: query as unknown as PostgresPoolClient['query'], release: (destroy?: boolean) => client.release(destroy) };
    },
    end: () => pool.end(),
  };
}
