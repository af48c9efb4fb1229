/**
 * The load generator, run in a process of its own (see load.ts) so that building, signing and timing
 * requests does not share an event loop with the servers being measured.
 *
 * Each run keeps `concurrency` requests in flight over keep-alive connections and stops at
 * `maxRequests` or `maxDurationMs`, whichever comes first. Every request is a freshly signed slash
 * command (current timestamp, unique trigger_id), and every response is checked against `expect`.
 */
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { commandBody, signatureHeaders } from '../test/support/slack-request.js';
import { serveParent } from './ipc.js';
import type { LoadResult, LoadSpec, ResponseCheck } from './load.js';

const REQUEST_TIMEOUT_MS = 10_000;
const MAX_FAILURE_SAMPLES = 3;
const SHOWN_BODY_CHARS = 120;

interface Reply {
  status: number;
  body: string;
}

function post(agent: Agent, url: URL, body: string, headers: Record<string, string>): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        timeout: REQUEST_TIMEOUT_MS,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no response within ${REQUEST_TIMEOUT_MS} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}

/** Undefined when the reply is what we expect, else a one-line reason. */
function problemWith(reply: Reply, expect: ResponseCheck): string | undefined {
  if (reply.status !== expect.status) return `status ${reply.status}: ${reply.body.slice(0, SHOWN_BODY_CHARS)}`;
  if (expect.json) {
    let parsed: Record<string, unknown>;
    try {
      parsed = JSON.parse(reply.body) as Record<string, unknown>;
    } catch {
      return `not JSON: ${reply.body.slice(0, SHOWN_BODY_CHARS)}`;
    }
    for (const [key, value] of Object.entries(expect.json)) {
      if (parsed[key] !== value) return `${key} is ${JSON.stringify(parsed[key])}, expected ${JSON.stringify(value)}`;
    }
  }
  if (expect.includes !== undefined && !reply.body.includes(expect.includes)) {
    return `body lacks ${JSON.stringify(expect.includes)}: ${reply.body.slice(0, SHOWN_BODY_CHARS)}`;
  }
  return undefined;
}

async function run(spec: LoadSpec): Promise<LoadResult> {
  const url = new URL(spec.url);
  // One socket per lane, reused: we measure the app, not TCP handshakes.
  const agent = new Agent({ keepAlive: true, maxSockets: spec.concurrency });
  const latencies = new Float64Array(spec.maxRequests);
  const failureSamples: string[] = [];
  let next = 0;
  let completed = 0;
  let ok = 0;
  let failures = 0;

  const started = performance.now();
  const deadline = started + spec.maxDurationMs;

  // Each lane sends its next request as soon as the previous one is answered (a closed loop), so
  // exactly `concurrency` requests are in flight and latency is not inflated by our own queueing.
  const lane = async () => {
    while (next < spec.maxRequests && performance.now() < deadline) {
      const index = next++;
      const n = (spec.firstNumber ?? 0) + index;
      const text = spec.text.replace('{doors}', String(100 + (n % 4900))).replace('{signed}', String(Math.floor(n / 4900)));
      const body = commandBody(spec.command, text, {
        userId: spec.userIds[index % spec.userIds.length],
        triggerId: `${spec.triggerPrefix}.${index}`,
      });
      // Signed just before sending so the timestamp is current (Bolt rejects anything > 5 min old).
      const headers = signatureHeaders(body, { secret: spec.signingSecret });
      const sentAt = performance.now();
      let problem: string | undefined;
      try {
        const reply = await post(agent, url, body, headers);
        latencies[completed++] = performance.now() - sentAt;
        problem = problemWith(reply, spec.expect);
      } catch (error) {
        problem = `request failed: ${(error as Error).message}`;
      }
      if (problem === undefined) ok++;
      else {
        failures++;
        // Distinct reasons only: one broken reply usually repeats thousands of times.
        if (failureSamples.length < MAX_FAILURE_SAMPLES && !failureSamples.includes(problem)) failureSamples.push(problem);
      }
    }
  };
  await Promise.all(Array.from({ length: spec.concurrency }, lane));
  const elapsedMs = performance.now() - started;
  agent.destroy();

  return { sent: next, completed, ok, failures, failureSamples, elapsedMs, latenciesMs: latencies.slice(0, completed) };
}

serveParent({ ready: true }, async (spec: LoadSpec) => ({ result: await run(spec) }));
