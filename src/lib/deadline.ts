/** Bounds work that a caller cannot wait on for long: a Slack call before an ack, a health check, a drain on shutdown. */

/**
 * Settles with `work`, or with `fallback` once `ms` have passed. The work is not cancelled: its
 * result (a cache write, say) still lands, only later than this caller could wait.
 */
export function within<T, F>(work: Promise<T>, ms: number, fallback: F): Promise<T | F> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<F>((resolve) => {
    timer = setTimeout(() => resolve(fallback), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
