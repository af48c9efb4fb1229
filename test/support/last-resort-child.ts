/**
 * Run in its own process by test/slack/last-resort.test.ts: installs the process-wide last resort
 * exactly as main.ts does, lets an exception and a rejection escape, then shows it is still running
 * by answering an HTTP request.
 */
import { createServer } from 'node:http';
import { keepServingOnUnexpectedErrors } from '../../src/slack/unexpected-errors.js';

keepServingOnUnexpectedErrors((line) => console.error(line));

const server = createServer((_req, res) => res.end('still serving'));
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  setTimeout(() => {
    throw new Error('listener blew up with xoxb-1234-5678-secretbottoken in hand');
  });
  void Promise.reject(new Error('a promise nobody awaited (xapp-1-A0-123-secretapptoken)'));
  setTimeout(() => console.log(`listening on ${typeof address === 'object' && address ? address.port : ''}`), 100);
});
