/**
 * A local stand-in for the Slack Web API (and for response_url), at the network edge only: the
 * app's real WebClient talks HTTP to it through SLACK_API_URL. Every call is recorded so tests
 * can assert on what a person would see.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedCall {
  method: string;
  args: Record<string, unknown>;
}

/** A handler may answer with an HTTP status other than 200 (e.g. 429 with Retry-After) through these keys. */
type Answer = Record<string, unknown> & { httpStatus?: number; httpHeaders?: Record<string, string> };
type MethodHandler = (args: Record<string, unknown>) => Answer | Promise<Answer>;

export interface FakeSlack {
  /** Base URL for SLACK_API_URL, ending in a slash. */
  apiUrl: string;
  /** A response_url the app may post to; posts are recorded under method "response_url". */
  responseUrl(id?: string): string;
  calls: RecordedCall[];
  callsTo(method: string): RecordedCall[];
  /** Replace the answer for one Web API method. */
  on(method: string, handler: MethodHandler): void;
  /**
   * Holds the next call to `method` after recording it, as if it were slow to reach Slack: Slack acts
   * on it (and answers) only once released. `arrived` resolves when the call came in.
   */
  hold(method: string): { arrived: Promise<RecordedCall>; release(): void };
  /** The Home tab Slack shows `userId` now (the last views.publish that went through), if any. */
  homeOf(userId: string): { hash: string; view: Record<string, unknown> } | undefined;
  /** Wait until `count` calls to `method` were recorded. */
  waitFor(method: string, count?: number, timeoutMs?: number): Promise<RecordedCall[]>;
  /** Forgets recorded calls and answers set with on() and hold(); published homes stay, as in Slack. */
  reset(): void;
  close(): Promise<void>;
}

export const FAKE_TEAM_ID = 'T0GROUND';
/** The first bytes of every PNG file (the upload arrives wrapped in a multipart body). */
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
export const FAKE_BOT_USER_ID = 'U0BOT';

/** What Slack itself keeps between calls: each person's Home tab and its hash. */
interface SlackState {
  homes: Map<string, { hash: string; view: Record<string, unknown> }>;
  hashSeq: number;
}

function defaultHandlers(state: SlackState, base: string): Record<string, MethodHandler> {
  let viewSeq = 0;
  let tsSeq = 0;
  let fileSeq = 0;
  return {
    'auth.test': () => ({ ok: true, url: 'https://groundwork-test.slack.com/', team: 'Groundwork Test', user: 'groundwork', team_id: FAKE_TEAM_ID, user_id: FAKE_BOT_USER_ID, bot_id: 'B0BOT' }),
    'users.info': (args) => ({ ok: true, user: { id: args.user, team_id: FAKE_TEAM_ID, name: String(args.user).toLowerCase(), tz: 'America/Chicago', tz_offset: -21600, is_admin: false, is_owner: false } }),
    'views.open': (args) => ({ ok: true, view: { ...parseJson(args.view), id: `V${++viewSeq}`, hash: `h${viewSeq}` } }),
    'views.push': (args) => ({ ok: true, view: { ...parseJson(args.view), id: `V${++viewSeq}`, hash: `h${viewSeq}` } }),
    'views.update': (args) => ({ ok: true, view: { ...parseJson(args.view), id: args.view_id, hash: `h${++viewSeq}` } }),
    // Like Slack: every publish gets a new hash, and one made with a hash that is no longer current is refused.
    'views.publish': (args) => {
      const userId = String(args.user_id);
      const current = state.homes.get(userId);
      if (args.hash !== undefined && args.hash !== current?.hash) return { ok: false, error: 'hash_conflict' };
      const home = { hash: `home-hash-${++state.hashSeq}`, view: parseJson(args.view) };
      state.homes.set(userId, home);
      return { ok: true, view: { ...home.view, id: `V${++viewSeq}`, hash: home.hash } };
    },
    'chat.postMessage': (args) => ({ ok: true, channel: args.channel, ts: `1700000000.${String(++tsSeq).padStart(6, '0')}`, message: { text: args.text } }),
    'chat.postEphemeral': () => ({ ok: true, message_ts: `1700000000.${String(++tsSeq).padStart(6, '0')}` }),
    'chat.update': (args) => ({ ok: true, channel: args.channel, ts: args.ts }),
    // A workspace with no user groups, and channels the app was invited to.
    'usergroups.list': () => ({ ok: true, usergroups: [] }),
    'usergroups.users.list': () => ({ ok: true, users: [] }),
    // files.uploadV2: ask for an upload URL (this server), send the bytes there, then complete the upload.
    'files.getUploadURLExternal': (args) => {
      const fileId = `F${String(++fileSeq).padStart(6, '0')}`;
      return { ok: true, upload_url: `${base}/upload/${fileId}?filename=${encodeURIComponent(String(args.filename))}`, file_id: fileId };
    },
    'files.completeUploadExternal': (args) => ({ ok: true, files: parseJson(args.files) }),
    'chat.getPermalink': (args) => ({ ok: true, channel: args.channel, permalink: `https://groundwork-test.slack.com/archives/${String(args.channel)}/p${String(args.message_ts).replace('.', '')}` }),
    'conversations.replies': () => ({ ok: true, messages: [] }),
    'conversations.open': (args) => ({ ok: true, channel: { id: `D${String(args.users).slice(1)}` } }),
    'conversations.info': (args) => ({ ok: true, channel: { id: args.channel, name: String(args.channel).toLowerCase(), is_channel: true, is_archived: false, is_member: true } }),
  };
}

function parseJson(value: unknown): any {
  if (typeof value !== 'string') return (value as Record<string, unknown>) ?? {};
  try {
    return JSON.parse(value) as Record<string, unknown>;
  } catch {
    return {};
  }
}

async function readArgs(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks).toString('utf8');
  const type = req.headers['content-type'] ?? '';
  if (type.includes('application/json')) return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) args[key] = value;
  return args;
}

export async function startFakeSlack(): Promise<FakeSlack> {
  const state: SlackState = { homes: new Map(), hashSeq: 0 };
  let base = '';
  let handlers: Record<string, MethodHandler> = {};
  const calls: RecordedCall[] = [];
  const waiters = new Set<() => void>();
  let held = new Map<string, { arrived: (call: RecordedCall) => void; released: Promise<void> }>();

  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname.startsWith('/upload/')) {
      // The bytes of an uploaded file; recorded with their size and the file's first bytes.
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const bytes = Buffer.concat(chunks);
      calls.push({ method: 'upload', args: { file_id: url.pathname.slice('/upload/'.length), filename: url.searchParams.get('filename'), bytes: bytes.length, png: bytes.includes(PNG_SIGNATURE), body: bytes.toString('utf8') } });
      res.writeHead(200, { 'content-type': 'text/plain' }).end('OK');
      for (const wake of waiters) wake();
      return;
    }
    const args = await readArgs(req);
    if (url.pathname.startsWith('/response/')) {
      calls.push({ method: 'response_url', args: { ...args, response_url_id: url.pathname.slice('/response/'.length) } });
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    } else {
      const method = url.pathname.replace(/^\/api\//, '');
      const call = { method, args };
      calls.push(call);
      // Woken now too, so a test can wait for a call whose answer a handler holds back.
      for (const wake of waiters) wake();
      const hold = held.get(method);
      if (hold) {
        held.delete(method);
        for (const wake of waiters) wake();
        hold.arrived(call);
        await hold.released;
      }
      const handler = handlers[method];
      const { httpStatus, httpHeaders, ...answer } = handler ? await handler(args) : { ok: false, error: 'unknown_method' };
      res.writeHead(httpStatus ?? 200, { 'content-type': 'application/json', ...httpHeaders }).end(JSON.stringify(answer));
    }
    for (const wake of waiters) wake();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  base = `http://127.0.0.1:${port}`;
  handlers = defaultHandlers(state, base);

  const callsTo = (method: string) => calls.filter((c) => c.method === method);
  return {
    apiUrl: `${base}/api/`,
    responseUrl: (id = 'r1') => `${base}/response/${id}`,
    calls,
    callsTo,
    on(method, handler) {
      handlers[method] = handler;
    },
    hold(method) {
      let release = () => {};
      let arrived: (call: RecordedCall) => void = () => {};
      const released = new Promise<void>((resolve) => (release = resolve));
      const arrival = new Promise<RecordedCall>((resolve) => (arrived = resolve));
      held.set(method, { arrived, released });
      return { arrived: arrival, release };
    },
    homeOf: (userId) => state.homes.get(userId),
    waitFor(method, count = 1, timeoutMs = 3000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (callsTo(method).length >= count) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(callsTo(method));
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`expected ${count} call(s) to ${method}, saw ${callsTo(method).length}: ${calls.map((c) => c.method).join(', ')}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    reset() {
      calls.length = 0;
      handlers = defaultHandlers(state, base);
      held = new Map();
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
