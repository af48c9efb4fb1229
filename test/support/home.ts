/**
 * Driving the Home tab over signed HTTP, as the staff Home tests of shifts and trainings do: open it (and
 * read what was published), press one of its buttons, and read the modal a button opened.
 */
import { expect } from 'vitest';
import type { TestApp } from './harness.js';
import { blockAction } from './payloads.js';
import { STAFF } from './shifts.js';
import { appHomeOpenedEvent, eventBody, eventHeaders } from './slack-request.js';

/** Opens `userId`'s Home tab and returns the view published for it. */
export async function openHome(t: TestApp, userId: string): Promise<string> {
  t.slack.reset();
  const body = eventBody(appHomeOpenedEvent(userId));
  expect((await t.post(body, eventHeaders(body))).status).toBe(200);
  const [published] = await t.slack.waitFor('views.publish');
  return String(published?.args.view);
}

/** Presses a button on the Home tab (by default as staff) and waits for what it does. */
export async function pressOnHome(t: TestApp, actionId: string, value: string, userId = STAFF): Promise<void> {
  t.slack.reset();
  await t.interact(blockAction({ actionId, value, userId, view: { id: 'V0HOME', hash: 'h0', callbackId: '', privateMetadata: '', type: 'home' } }));
  await t.settle();
}

/** What the modal opened by a Home button finally shows (opened, then filled in). */
export function openedModal(t: TestApp): string {
  const updates = t.slack.callsTo('views.update');
  return String(updates[updates.length - 1]?.args.view ?? t.slack.callsTo('views.open')[0]?.args.view);
}
