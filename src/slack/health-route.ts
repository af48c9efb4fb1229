/** GET /healthz: 200 while the database answers, 503 while it does not (load balancers and uptime checks read this). */
import type { CustomRoute } from '@slack/bolt';
import type { Database } from '../db/database.js';

export function healthRoute(database: Database): CustomRoute {
  return {
    path: '/healthz',
    method: ['GET'],
    handler: (_req, res) => {
      void database.isHealthy().then((healthy) => {
        res.writeHead(healthy ? 200 : 503, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ status: healthy ? 'ok' : 'unavailable', database: healthy ? 'up' : 'down', engine: database.engine }));
      });
    },
  };
}
