/**
 * The listener routes hand Bolt one listener per kind, matching exactly the ids routed (every listener's
 * own behaviour is tested over signed HTTP requests elsewhere). Here: the pattern Bolt receives matches
 * those ids and nothing else, and the one Bolt listener runs the listener of the id that arrived.
 */
import type { App } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { ListenerRoutes } from '../../src/slack/routes.js';

type Registered = { kind: string; pattern: RegExp; listener: (args: unknown) => Promise<void> };

/** Records what the routes register with Bolt. */
function recordingApp(): { app: App; registered: Registered[] } {
  const registered: Registered[] = [];
  const register = (kind: string) => (pattern: RegExp, listener: Registered['listener']) => void registered.push({ kind, pattern, listener });
  const app = { command: register('command'), action: register('action'), view: register('view'), event: register('event') } as unknown as App;
  return { app, registered };
}

describe('listener routes', () => {
  it('register one Bolt listener per kind whose pattern matches exactly the routed ids', () => {
    const routes = new ListenerRoutes();
    const noop = async () => {};
    routes.command('/log-knock', noop);
    routes.command('/log-action', noop);
    routes.action('a.b', noop);
    routes.view('settings', noop);
    routes.event('app_home_opened', noop);
    const { app, registered } = recordingApp();
    routes.install(app);

    expect(registered.map((r) => r.kind)).toEqual(['command', 'action', 'view', 'event']);
    const pattern = (kind: string) => registered.find((r) => r.kind === kind)!.pattern;
    expect(['/log-knock', '/log-action'].map((id) => pattern('command').test(id))).toEqual([true, true]);
    expect(['/log-knockx', 'x/log-knock', '/log', ''].map((id) => pattern('command').test(id))).toEqual([false, false, false, false]);
    // A dot in an id is a dot, not "any character".
    expect([pattern('action').test('a.b'), pattern('action').test('axb')]).toEqual([true, false]);
    expect([pattern('view').test('settings'), pattern('view').test('settings2')]).toEqual([true, false]);
    expect([pattern('event').test('app_home_opened'), pattern('event').test('app_home')]).toEqual([true, false]);
  });

  it('run the listener of the id that arrived, and only that one', async () => {
    const routes = new ListenerRoutes();
    const ran: string[] = [];
    routes.command('/log-knock', async () => void ran.push('log-knock'));
    routes.command('/log-action', async () => void ran.push('log-action'));
    const { app, registered } = recordingApp();
    routes.install(app);

    await registered[0]!.listener({ command: { command: '/log-action' } });
    expect(ran).toEqual(['log-action']);
  });

  it('refuse an id routed twice, rather than running two listeners for it', () => {
    const routes = new ListenerRoutes();
    routes.action('undo_action', async () => {});
    expect(() => routes.action('undo_action', async () => {})).toThrow('undo_action is routed twice');
  });
});
