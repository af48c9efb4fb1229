/**
 * A local stand-in for Slack's Socket Mode server, at the network edge only: the app's real
 * SocketModeClient gets this URL from apps.connections.open (answered by the fake Web API),
 * connects over a real WebSocket, and acks envelopes exactly as it would with Slack.
 *
 * Protocol, as @slack/socket-mode expects it: the server opens with a `hello` (the client's
 * start() resolves only then), sends envelopes, and the client answers each with
 * `{ envelope_id, payload }`. The client pings every few seconds and drops the connection if no
 * pong comes back; `ws` answers pings by itself (autoPong), so nothing more is needed here.
 */
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export type EnvelopeType = 'slash_commands' | 'interactive' | 'events_api';

/** What the app sends back for one envelope. */
export interface SocketAck {
  envelope_id: string;
  payload?: Record<string, any>;
}

export interface EnvelopeOptions {
  /** Slack redelivers after 3 s without an ack; a little headroom keeps a busy machine from flaking. */
  timeoutMs?: number;
  retryAttempt?: number;
  retryReason?: string;
}

export interface FakeSocketMode {
  /** What apps.connections.open should answer with. */
  url: string;
  /** Every URL the app opened, in order (more than one means it reconnected). */
  connections: string[];
  sendEnvelope(type: EnvelopeType, payload: Record<string, unknown>, options?: EnvelopeOptions): Promise<SocketAck>;
  /** Resolves once an app is connected and has been sent its hello. */
  waitForConnection(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export const FAKE_APP_ID = 'A0GROUND';

export async function startFakeSocketMode(): Promise<FakeSocketMode> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject));
  const { port } = server.address() as AddressInfo;

  const connections: string[] = [];
  const pending = new Map<string, { resolve: (ack: SocketAck) => void; reject: (error: Error) => void; timer: NodeJS.Timeout }>();
  let current: WebSocket | undefined;
  const connectedWaiters = new Set<() => void>();

  server.on('connection', (client, request) => {
    connections.push(request.url ?? '/');
    current = client;
    client.send(
      JSON.stringify({
        type: 'hello',
        num_connections: 1,
        debug_info: { host: 'applink-fake', build_number: 1, approximate_connection_time: 18060 },
        connection_info: { app_id: FAKE_APP_ID },
      }),
    );
    for (const wake of connectedWaiters) wake();
    client.on('message', (data) => {
      let ack: SocketAck;
      try {
        ack = JSON.parse(String(data)) as SocketAck;
      } catch {
        return; // Slack ignores what it cannot parse; so do we.
      }
      const waiter = pending.get(ack.envelope_id);
      if (!waiter) return;
      pending.delete(ack.envelope_id);
      clearTimeout(waiter.timer);
      waiter.resolve(ack);
    });
    client.on('close', () => {
      if (current === client) current = undefined;
    });
  });

  const waitForConnection = (timeoutMs = 3000) =>
    new Promise<void>((resolve, reject) => {
      if (current) return resolve();
      const wake = () => {
        connectedWaiters.delete(wake);
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        connectedWaiters.delete(wake);
        reject(new Error(`no Socket Mode connection within ${timeoutMs} ms`));
      }, timeoutMs);
      connectedWaiters.add(wake);
    });

  return {
    // Shaped like Slack's own wss://wss-primary.slack.com/link/?ticket=...&app_id=..., so a client
    // that appends its own query parameters (older ones add &debug_reconnects=true) still works.
    url: `ws://127.0.0.1:${port}/link/?ticket=fake-ticket&app_id=${FAKE_APP_ID}`,
    connections,
    waitForConnection,
    async sendEnvelope(type, payload, options = {}) {
      await waitForConnection();
      const envelopeId = randomUUID();
      const timeoutMs = options.timeoutMs ?? 5000;
      return new Promise<SocketAck>((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(envelopeId);
          reject(new Error(`no ack for ${type} envelope ${envelopeId} within ${timeoutMs} ms`));
        }, timeoutMs);
        pending.set(envelopeId, { resolve, reject, timer });
        current?.send(
          JSON.stringify({
            envelope_id: envelopeId,
            type,
            payload,
            accepts_response_payload: true,
            retry_attempt: options.retryAttempt ?? 0,
            retry_reason: options.retryReason ?? '',
          }),
        );
      });
    },
    close() {
      for (const { reject, timer } of pending.values()) {
        clearTimeout(timer);
        reject(new Error('fake Socket Mode server closed'));
      }
      pending.clear();
      // WebSocketServer.close() leaves open connections alone, and its callback waits for them.
      for (const client of server.clients) client.terminate();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
