/**
 * Builds the Bolt app in either connection mode from one code path: Socket Mode when an app token
 * is set (no public URL needed), otherwise HTTP on one request URL, /slack/events.
 */
import { createServer, type Server } from 'node:http';
import { App, HTTPReceiver, LogLevel, SocketModeReceiver, type Logger } from '@slack/bolt';
import type { WebClientOptions } from '@slack/web-api';
import { connectionMode, type Config } from '../config.js';
import type { Database } from '../db/database.js';
import { healthRoute } from './health-route.js';
import { InFlightWork } from './in-flight.js';
import { installedIdentity, onlyInstalledWorkspace } from './installed-workspace.js';
import { registerListeners } from './listeners.js';
import { BODY_LIMIT_BYTES, guardSlackRequests } from './request-guard.js';
import { receiverErrorHandlers, describeUnexpected } from './unexpected-errors.js';
import { ackUnrouted } from './unrouted.js';

export interface SlackAppOptions {
  logger?: Logger;
  /** What "now" is for listeners (see ListenerDeps.clock); the system clock unless a test fixes it. */
  clock?: () => Date;
  /** Tests bound the Web API client's retries so a failing fake cannot hang them. */
  clientOptions?: WebClientOptions;
}

export interface RunningSlackApp {
  app: App;
  mode: 'http' | 'socket';
  /** The port the HTTP server (events in HTTP mode, /healthz in both) listens on. */
  port: number;
  /** Resolves once listener work started so far (including work after an ack) has finished. */
  idle(timeoutMs: number): Promise<void>;
  /** Stops taking requests, lets the work in flight finish, and leaves the database open for the caller to close. */
  stop(): Promise<void>;
}

const SHUTDOWN_GRACE_MS = 10_000;
const EVENTS_PATH = '/slack/events';

export async function startSlackApp(config: Config, database: Database, options: SlackAppOptions = {}): Promise<RunningSlackApp> {
  const logLevel = config.LOG_LEVEL as LogLevel;
  const clientOptions: WebClientOptions = { slackApiUrl: config.SLACK_API_URL, timeout: 10_000, ...options.clientOptions };
  const health = healthRoute(database);
  const mode = connectionMode(config);
  // Which workspace this is: requests from any other are refused (and Bolt need not ask again).
  const identity = await installedIdentity(config.SLACK_BOT_TOKEN, clientOptions);

  const receiver =
    mode === 'socket'
      ? new SocketModeReceiver({
          appToken: config.SLACK_APP_TOKEN ?? '',
          // A copy: the Socket Mode client writes its own retry policy into the object it is given.
          installerOptions: { clientOptions: { ...clientOptions } },
          logLevel,
          ...(options.logger ? { logger: options.logger } : {}),
        })
      : new HTTPReceiver({
          signingSecret: config.SLACK_SIGNING_SECRET ?? '',
          endpoints: EVENTS_PATH,
          customRoutes: [health],
          bodyLimit: BODY_LIMIT_BYTES,
          ...receiverErrorHandlers(),
          logLevel,
          ...(options.logger ? { logger: options.logger } : {}),
        });

  const app = new App({
    token: config.SLACK_BOT_TOKEN,
    botId: identity.botId,
    botUserId: identity.botUserId,
    receiver,
    // Bolt's conversation store keeps per-channel state in memory; nothing here uses it, and
    // state in one instance's memory would be wrong behind a load balancer anyway.
    convoStore: false,
    clientOptions,
    logLevel,
    ...(options.logger ? { logger: options.logger } : {}),
  });
  const logger = app.logger;
  if (receiver instanceof HTTPReceiver) receiver.requestListener = guardSlackRequests(receiver.requestListener, { path: EVENTS_PATH, logger });
  const inFlight = new InFlightWork();
  app.use(onlyInstalledWorkspace(identity.teamId, logger));
  app.use(ackUnrouted(logger));
  app.use(inFlight.middleware);
  registerListeners(app, { database, logger, clock: options.clock ?? (() => new Date()) });
  app.error(async (error) => {
    logger.error(`Unhandled listener error: ${describeUnexpected(error)}`);
  });

  // Socket Mode needs no HTTP server for Slack, but load balancers and uptime checks still want /healthz.
  let healthServer: Server | undefined;
  let port: number;
  if (receiver instanceof HTTPReceiver) {
    port = addressPort((await app.start(config.PORT)) as Server);
  } else {
    await app.start();
    healthServer = createServer((req, res) => {
      if (req.method === 'GET' && req.url?.split('?')[0] === health.path) health.handler(Object.assign(req, { params: {} }), res);
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => healthServer?.listen(config.PORT, resolve));
    port = addressPort(healthServer);
  }

  let stopping: Promise<void> | undefined;
  return {
    app,
    mode,
    port,
    idle: (timeoutMs) => inFlight.drain(timeoutMs),
    stop() {
      stopping ??= (async () => {
        if (mode === 'socket') {
          // Acks travel back over the socket, so let work in flight finish before closing it.
          await inFlight.drain(SHUTDOWN_GRACE_MS);
          await app.stop();
        } else {
          // Closing the server waits for open requests; then finish work that continued after its ack.
          await app.stop();
          await inFlight.drain(SHUTDOWN_GRACE_MS);
        }
        await new Promise((resolve) => (healthServer ? healthServer.close(resolve) : resolve(undefined)));
      })();
      return stopping;
    },
  };
}

function addressPort(server: Server): number {
  const address = server.address();
  return typeof address === 'object' && address !== null ? address.port : Number(address);
}
