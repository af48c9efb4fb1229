/**
 * Stands in front of Bolt's HTTPReceiver on the events path: reads the body within a size bound,
 * refuses a malformed one with 400 before Bolt parses it (Bolt 5.1 crashes the process on some,
 * see request-shape.ts), and hands Bolt the body it read. Bolt verifies the signature of whatever
 * it is handed, so a request gets no further than before, only less far.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Logger } from '@slack/bolt';
import { checkRequestBody } from './request-shape.js';
import { describeUnexpected } from './unexpected-errors.js';

/**
 * Slack's largest body for Groundwork is a modal submission (a few dozen blocks and what was typed
 * in them, form-encoded): tens of kilobytes. A megabyte leaves room and bounds what one request holds.
 */
export const BODY_LIMIT_BYTES = 1024 * 1024;

export function guardSlackRequests(bolt: RequestListener, options: { path: string; logger: Logger; bodyLimit?: number }): RequestListener {
  const { path, logger } = options;
  const limit = options.bodyLimit ?? BODY_LIMIT_BYTES;
  return (req, res) => {
    if (req.method?.toUpperCase() !== 'POST' || pathOf(req) !== path) {
      bolt(req, res);
      return;
    }
    void readBounded(req, limit).then(
      (raw) => {
        if (raw === undefined) {
          logger.warn(`Refused a request body over ${limit} bytes`);
          answer(res, 413);
          return;
        }
        const verdict = checkRequestBody(raw.toString('utf8'), req.headers['content-type']);
        if (!verdict.ok) {
          logger.warn(`Refused a malformed request body: ${verdict.problem}`);
          answer(res, 400);
          return;
        }
        if (verdict.kind === 'rate_limited') {
          // Slack stops delivering events for the rest of the minute; nothing here can act on it but an operator.
          logger.warn(`Slack is holding back events for workspace ${verdict.teamId} this minute (${verdict.minute}): too many were sent`);
          answer(res, 200);
          return;
        }
        // Bolt reuses a body already read (BufferedIncomingMessage) instead of reading the stream again.
        Object.assign(req, { rawBody: raw });
        try {
          bolt(req, res);
        } catch (error) {
          logger.error(`Unexpected error handing a request to Bolt: ${describeUnexpected(error)}`);
          answer(res, 500);
        }
      },
      (error: unknown) => {
        // The client went away mid-body; there is no one left to answer.
        logger.warn(`Could not read a request body: ${describeUnexpected(error)}`);
        if (!res.headersSent) answer(res, 400);
      },
    );
  };
}

function pathOf(req: IncomingMessage): string {
  // The request target as Node gives it: a path and perhaps a query ("/slack/events?x=1").
  const target = req.url ?? '/';
  const query = target.indexOf('?');
  return query === -1 ? target : target.slice(0, query);
}

/** The body, or undefined once it is over `limit` (the rest is read and thrown away, so the socket stays usable). */
function readBounded(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  // Plain stream events rather than `for await`: the async iterator cost more than the rest of this guard.
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    const chunks: Buffer[] = [];
    let size = 0;
    let over = Number.isFinite(declared) && declared > limit;
    req.on('data', (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size > limit) {
        over = true;
        chunks.length = 0;
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(over ? undefined : chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)));
    req.on('error', reject);
    // A client that goes away mid-body closes the request without 'end'.
    req.on('close', () => {
      if (!req.complete) reject(new Error('the client closed the request mid-body'));
    });
  });
}

function answer(res: ServerResponse, status: number): void {
  if (res.headersSent) return;
  res.writeHead(status).end();
}
