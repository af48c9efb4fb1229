/**
 * Counts listener work still running. Bolt answers Slack as soon as a listener acks, so closing the
 * HTTP server is not enough on shutdown: we also wait for the work behind those acks to finish.
 */
import type { Middleware, AnyMiddlewareArgs } from '@slack/bolt';
import { within } from '../lib/deadline.js';

export class InFlightWork {
  private readonly running = new Set<Promise<unknown>>();

  readonly middleware: Middleware<AnyMiddlewareArgs> = async ({ next }) => {
    const work = next();
    this.running.add(work);
    try {
      await work;
    } finally {
      this.running.delete(work);
    }
  };

  get size(): number {
    return this.running.size;
  }

  /** Resolves once everything started so far has settled, or after `timeoutMs`. */
  async drain(timeoutMs: number): Promise<void> {
    await within(Promise.allSettled([...this.running]), timeoutMs, undefined);
  }
}
