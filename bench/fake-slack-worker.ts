/**
 * The fake Slack Web API (test/support/fake-slack.ts) in a process of its own. In production
 * Slack's servers answer views.publish and users.info; here the fake's parsing and answering must
 * not take event-loop time from the apps being measured, so it gets a process of its own.
 *
 * Messages: 'counts' → { counts } (calls so far, by method); the ready message is { apiUrl }.
 */
import { serveParent } from './ipc.js';
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

serveParent({ apiUrl: slack.apiUrl }, async (message: unknown) => {
  if (message !== 'counts') throw new Error(`unknown request ${String(message)}`);
  fold();
  return { counts: { ...counts } };
});
