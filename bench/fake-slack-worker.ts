/**
 * The fake Slack Web API (test/support/fake-slack.ts) in its own worker thread. In production
 * Slack's servers answer views.publish and users.info; here the fake's parsing and answering must
 * not take event-loop time from the apps being measured, so it gets a thread of its own.
 *
 * Messages: 'counts' → { counts } (calls so far, by method); the ready message is { apiUrl }.
 */
import { parentPort } from 'node:worker_threads';
import { startFakeSlack } from '../test/support/fake-slack.js';

const slack = await startFakeSlack();
const counts: Record<string, number> = {};

// The fake keeps every call with its arguments (tests assert on them). Thousands of views.publish
// payloads would grow memory for nothing here, so fold them into counts as they arrive.
const fold = () => {
  for (const call of slack.calls) counts[call.method] = (counts[call.method] ?? 0) + 1;
  slack.calls.length = 0;
};
setInterval(fold, 200).unref();

parentPort?.on('message', (message: unknown) => {
  if (message === 'counts') {
    fold();
    parentPort?.postMessage({ counts: { ...counts } });
  }
});
parentPort?.postMessage({ apiUrl: slack.apiUrl });
