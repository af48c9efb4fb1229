/**
 * Shared pieces for benchmarks: a load generator in a process of its own, latency percentiles and a
 * quiet logger. Each benchmark file decides what to send and what to compare.
 */
import { LogLevel, type Logger } from '@slack/bolt';
import { TsProcess } from './ipc.js';

/** What the worker checks on every response; anything else counts as a failure. */
export interface ResponseCheck {
  status: number;
  /** Top-level JSON fields that must have exactly these values. */
  json?: Record<string, string>;
  /** Text the raw body must contain. */
  includes?: string;
}

export interface LoadSpec {
  /** Full URL to POST to, e.g. http://127.0.0.1:PORT/slack/events. */
  url: string;
  signingSecret: string;
  command: string;
  /**
   * The command text. With n = `firstNumber` + the request's index, `{doors}` becomes 100 + n mod 4,900 and
   * `{signed}` n div 4,900: counts one report may hold, different for every request of a run.
   */
  text: string;
  firstNumber?: number;
  /** Requests cycle through these user ids. */
  userIds: string[];
  /** Made unique per phase; the request index is appended, so every trigger_id is distinct. */
  triggerPrefix: string;
  concurrency: number;
  maxRequests: number;
  maxDurationMs: number;
  expect: ResponseCheck;
}

export interface LoadResult {
  sent: number;
  /** Requests that got any HTTP response (latencies are recorded for these). */
  completed: number;
  /** Responses that passed the check. */
  ok: number;
  failures: number;
  failureSamples: string[];
  elapsedMs: number;
  latenciesMs: Float64Array;
}

export interface LoadGenerator {
  run(spec: LoadSpec): Promise<LoadResult>;
  close(): Promise<void>;
}

/**
 * One long-lived load-generator process for all phases, so its start-up (and tsx compiling it)
 * happens once, outside any measurement. Phases run one at a time.
 */
export async function startLoadGenerator(): Promise<LoadGenerator> {
  const { process: generator } = await TsProcess.start(new URL('./load-worker.ts', import.meta.url));
  return {
    async run(spec) {
      const reply = await generator.request<{ result?: LoadResult; error?: string }>(spec);
      if (!reply.result) throw new Error(`load generator failed: ${reply.error}`);
      return reply.result;
    },
    close: () => generator.close(),
  };
}

/** Nearest-rank percentile (p in 0..100) of unsorted values; NaN when there are none. */
export function percentile(values: Float64Array, p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = Float64Array.from(values).sort();
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1 ? (sorted[middle] ?? Number.NaN) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** Drops debug/info; keeps warnings and errors (capped) so a run can report what went wrong. */
export function quietLogger(): Logger & { problems: string[]; problemCount(): number } {
  const MAX_KEPT = 20;
  const problems: string[] = [];
  let count = 0;
  let level = LogLevel.WARN;
  const keep = (kind: string) => (...messages: unknown[]) => {
    count++;
    if (problems.length < MAX_KEPT) problems.push(`${kind} ${messages.map(String).join(' ')}`);
  };
  return {
    problems,
    problemCount: () => count,
    debug: () => {},
    info: () => {},
    warn: keep('warn'),
    error: keep('error'),
    setLevel: (next) => void (level = next),
    getLevel: () => level,
    setName: () => {},
  };
}

export const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1);
