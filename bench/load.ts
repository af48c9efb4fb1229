/**
 * Shared pieces for benchmarks: a load generator in a worker thread, latency percentiles, an RSS
 * sampler and a quiet logger. Each benchmark file decides what to send and what to compare.
 */
import { Worker } from 'node:worker_threads';
import { LogLevel, type Logger } from '@slack/bolt';

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
  text: string;
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

/**
 * A TypeScript module run in a worker thread, spoken to one request at a time: each message sent
 * is answered by exactly one message back. The worker posts one message when it is ready.
 */
export class TsWorker {
  private pending: { resolve: (reply: any) => void; reject: (error: Error) => void } | undefined;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (message: unknown) => this.settle((p) => p.resolve(message)));
    worker.on('error', (error) => this.settle((p) => p.reject(error)));
    worker.on('exit', (code) => this.settle((p) => p.reject(new Error(`worker exited (code ${code})`))));
  }

  /** Starts `file` (a URL next to this one) and resolves with the worker and its ready message. */
  static async start<Ready>(file: URL): Promise<{ worker: TsWorker; ready: Ready }> {
    // tsx's loader hooks do not reach a worker's entry module in Node 20, so a tiny JavaScript
    // entry loads the TypeScript module through tsx's API instead.
    const tsxApi = import.meta.resolve('tsx/esm/api');
    const entry = `import(${JSON.stringify(tsxApi)}).then((api) => api.tsImport(${JSON.stringify(file.href)}, ${JSON.stringify(import.meta.url)}))`;
    const worker = new TsWorker(new Worker(entry, { eval: true }));
    const ready = await new Promise<Ready>((resolve, reject) => (worker.pending = { resolve, reject }));
    return { worker, ready };
  }

  request<Reply>(message: unknown): Promise<Reply> {
    if (this.pending) return Promise.reject(new Error('worker is still answering an earlier request'));
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      this.worker.postMessage(message);
    });
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }

  private settle(how: (pending: NonNullable<TsWorker['pending']>) => void) {
    const pending = this.pending;
    this.pending = undefined;
    if (pending) how(pending);
  }
}

export interface LoadGenerator {
  run(spec: LoadSpec): Promise<LoadResult>;
  close(): Promise<void>;
}

/**
 * One long-lived load-generator worker for all phases, so its start-up (and tsx compiling it)
 * happens once, outside any measurement. Phases run one at a time.
 */
export async function startLoadGenerator(): Promise<LoadGenerator> {
  const { worker } = await TsWorker.start(new URL('./load-worker.ts', import.meta.url));
  return {
    async run(spec) {
      const reply = await worker.request<{ result?: LoadResult; error?: string }>(spec);
      if (!reply.result) throw new Error(`load generator failed: ${reply.error}`);
      return reply.result;
    },
    close: () => worker.close(),
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

export interface RssSample {
  /** RSS just before the phase started, in bytes. */
  before: number;
  /** Highest RSS seen while the phase ran, in bytes. */
  peak: number;
}

/**
 * Samples process RSS every `intervalMs` until stopped. RSS is per process: it covers every app,
 * the fake Slack API and the load-generator worker alike.
 */
export function sampleRss(intervalMs = 50): { stop(): RssSample } {
  const before = process.memoryUsage.rss();
  let peak = before;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      peak = Math.max(peak, process.memoryUsage.rss());
      return { before, peak };
    },
  };
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
