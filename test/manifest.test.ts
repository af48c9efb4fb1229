/**
 * Keeps manifest.yml and the code in step: the commands, scopes, events and URLs Slack is told
 * about must be the ones the listeners use, and every id in src/slack/ids.ts must be routed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ACTIONS, COMMANDS, VIEWS } from '../src/slack/ids.js';

/** The parts of a Slack app manifest this test reads. */
interface Manifest {
  display_information?: { name?: string; description?: string; long_description?: string };
  features?: {
    bot_user?: { display_name?: string };
    slash_commands?: { command?: string; url?: string; description?: string; usage_hint?: string }[];
  };
  oauth_config?: { scopes?: { bot?: string[] } };
  settings?: {
    event_subscriptions?: { request_url?: string; bot_events?: string[] };
    interactivity?: { is_enabled?: boolean; request_url?: string };
    socket_mode_enabled?: boolean;
  };
}

/**
 * The bot scopes each Slack Web API method needs, for public and private channels alike. The test reads
 * which methods the code calls, so a new call without its scope here fails, and so does a scope in the
 * manifest that no call, event or command needs: a workspace admin approving the install sees only
 * what the code uses.
 */
const METHOD_SCOPES: Record<string, string[]> = {
  'auth.test': [],
  'chat.postMessage': ['chat:write'],
  'chat.update': ['chat:write'],
  'chat.getPermalink': [],
  'views.open': [],
  'views.update': [],
  'views.push': [],
  'views.publish': [],
  'users.info': ['users:read'],
  'usergroups.list': ['usergroups:read'],
  'usergroups.users.list': ['usergroups:read'],
  'conversations.info': ['channels:read', 'groups:read'],
  'conversations.replies': ['channels:history', 'groups:history'],
  'files.uploadV2': ['files:write'],
  'conversations.open': ['im:write'],
};

/** The bot scopes the events the app subscribes to need. */
const EVENT_SCOPES: Record<string, string[]> = {
  app_home_opened: [],
  subteam_members_changed: ['usergroups:read'],
  subteam_updated: ['usergroups:read'],
  reaction_added: ['reactions:read'],
  user_change: ['users:read'],
};

/** Every Web API method called anywhere in src/, read from the source (`client.chat.postMessage(`, split lines too). */
function calledMethods(): string[] {
  const methods = new Set<string>();
  const call = /\.(auth|chat|views|users|usergroups|conversations|files|reactions|apps)\s*\.\s*(\w+)(?:\s*\.\s*(\w+))?\s*\(/g;
  for (const file of sourceFiles(new URL('../src/', import.meta.url))) {
    const source = withoutComments(readFileSync(file, 'utf8'));
    for (const match of source.matchAll(call)) methods.add([match[1], match[2], match[3]].filter(Boolean).join('.'));
    // The Web API client's own name for files.uploadV2.
    if (/\.filesUploadV2\s*\(/.test(source)) methods.add('files.uploadV2');
  }
  return [...methods].sort();
}

function sourceFiles(folder: URL): URL[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(new URL(`${entry.name}/`, folder)) : entry.name.endsWith('.ts') ? [new URL(entry.name, folder)] : [],
  );
}

/** The one path the HTTP receiver in src/slack/app.ts answers commands, interactivity and events on. */
const REQUEST_PATH = '/slack/events';

const manifest = parse(readFileSync(new URL('../manifest.yml', import.meta.url), 'utf8')) as Manifest;
const listenersSource = withoutComments(readFileSync(new URL('../src/slack/listeners.ts', import.meta.url), 'utf8'));

function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
}

/** The events the code listens to: the string given to each `routes.event(...)`. */
function subscribedEvents(): { events: string[]; registrations: number } {
  const events = [...listenersSource.matchAll(/\broutes\.event\(\s*(['"`])([^'"`]+)\1/g)].map((m) => m[2] ?? '');
  const registrations = [...listenersSource.matchAll(/\broutes\.event\(/g)].length;
  return { events, registrations };
}

const REGISTRATION_KINDS = { command: 'COMMANDS', action: 'ACTIONS', view: 'VIEWS' } as const;
type Kind = keyof typeof REGISTRATION_KINDS;

/** Each `routes.command(` / `routes.action(` / `routes.view(` call with the source text of its first argument. */
function registrations(): { kind: Kind; firstArgument: string }[] {
  return [...listenersSource.matchAll(/\broutes\.(command|action|view)\(\s*(\{[^}]*\}|[^,)]+)/g)].map((m) => ({
    kind: m[1] as Kind,
    firstArgument: (m[2] ?? '').trim(),
  }));
}

/** The id-constant keys (e.g. `undoAction` of `ACTIONS.undoAction`) a kind of registration references. */
function registeredKeys(kind: Kind): Set<string> {
  const constant = REGISTRATION_KINDS[kind];
  const keys = registrations()
    .filter((r) => r.kind === kind)
    .flatMap((r) => [...r.firstArgument.matchAll(new RegExp(`\\b${constant}\\.(\\w+)`, 'g'))].map((m) => m[1] ?? ''));
  return new Set(keys);
}

describe('manifest.yml', () => {
  const slashCommands = manifest.features?.slash_commands ?? [];
  const settings = manifest.settings ?? {};

  it('lists exactly the slash commands in COMMANDS', () => {
    const inCode = Object.values(COMMANDS) as string[];
    const inManifest = slashCommands.map((c) => c.command ?? '(a slash command without `command`)');
    expect(inCode.filter((c) => !inManifest.includes(c)), 'commands in COMMANDS missing from manifest.yml').toEqual([]);
    expect(inManifest.filter((c) => !inCode.includes(c)), 'commands in manifest.yml that COMMANDS does not have').toEqual([]);
  });

  it('gives every slash command a description and a usage hint', () => {
    const incomplete = slashCommands.filter((c) => !c.description?.trim() || !c.usage_hint?.trim()).map((c) => c.command);
    expect(incomplete, 'slash commands without a description or usage_hint').toEqual([]);
  });

  it(`sends slash commands, interactivity and events to ${REQUEST_PATH}`, () => {
    const urls: [where: string, url: string | undefined][] = [
      ...slashCommands.map((c): [string, string | undefined] => [`slash command ${c.command}`, c.url]),
      ['settings.interactivity.request_url', settings.interactivity?.request_url],
      ['settings.event_subscriptions.request_url', settings.event_subscriptions?.request_url],
    ];
    // Socket Mode ignores request URLs, so a Socket Mode manifest may leave them out.
    const wrong = urls
      .filter(([, url]) => (url === undefined ? settings.socket_mode_enabled !== true : !/^https:\/\/[^/]+\/slack\/events$/.test(url)))
      .map(([where, url]) => `${where}: ${url ?? 'missing'}`);
    expect(wrong, `request URLs that are not https://<host>${REQUEST_PATH}`).toEqual([]);
  });

  it('keeps names and descriptions within Slack limits', () => {
    const info = manifest.display_information ?? {};
    const problems: string[] = [];
    const checkLength = (field: string, value: string | undefined, min: number, max: number) => {
      const length = value?.length ?? 0;
      if (length < min || length > max) problems.push(`${field} is ${length} characters; Slack allows ${min}–${max}`);
    };
    checkLength('display_information.name', info.name, 1, 35);
    checkLength('display_information.description', info.description, 1, 140);
    checkLength('display_information.long_description', info.long_description, 175, 4000);
    checkLength('features.bot_user.display_name', manifest.features?.bot_user?.display_name, 1, 80);
    expect(problems).toEqual([]);
  });

  it('knows the scope of every Web API method the code calls', () => {
    const methods = calledMethods();
    expect(methods).toContain('chat.postMessage');
    expect(methods.filter((method) => !(method in METHOD_SCOPES)), 'Web API methods called in src/ without their scopes in METHOD_SCOPES').toEqual([]);
  });

  it('requests exactly the bot scopes the calls, events and commands need', () => {
    const needed = new Set<string>([
      ...calledMethods().flatMap((method) => METHOD_SCOPES[method] ?? []),
      ...subscribedEvents().events.flatMap((event) => EVENT_SCOPES[event] ?? [`(unknown scope of ${event})`]),
      ...((manifest.features?.slash_commands ?? []).length > 0 ? ['commands'] : []),
    ]);
    const requested = manifest.oauth_config?.scopes?.bot ?? [];
    expect([...needed].filter((scope) => !requested.includes(scope)), 'bot scopes the code needs, missing from manifest.yml').toEqual([]);
    expect(requested.filter((scope) => !needed.has(scope)), 'bot scopes in manifest.yml that no call, event or command needs').toEqual([]);
  });

  it('subscribes to exactly the events src/slack/listeners.ts listens to', () => {
    const { events, registrations: count } = subscribedEvents();
    expect(count, 'routes.event(...) calls whose event name is not a string literal this test can read').toBe(events.length);
    const inManifest = settings.event_subscriptions?.bot_events ?? [];
    expect(events.filter((e) => !inManifest.includes(e)), 'events the code listens to missing from settings.event_subscriptions.bot_events').toEqual([]);
    expect(inManifest.filter((e) => !events.includes(e)), 'bot_events in manifest.yml that no routes.event(...) listens to').toEqual([]);
  });

  it('enables interactivity while the code registers actions or views', () => {
    const interactive = [...Object.values(ACTIONS), ...Object.values(VIEWS)];
    if (interactive.length > 0) {
      expect(settings.interactivity?.is_enabled, `interactivity must be enabled for ${interactive.join(', ')}`).toBe(true);
    }
  });
});

describe('listener registrations in src/slack/listeners.ts', () => {
  it('route every command, action and view by its constant in src/slack/ids.ts, never a string literal', () => {
    const found = registrations();
    expect(found.length, 'no routes.command/routes.action/routes.view calls found; has the file moved?').toBeGreaterThan(0);
    const calls = [...listenersSource.matchAll(/\broutes\.(command|action|view)\(/g)].length;
    expect(found.length, 'routes.command/action/view calls this test could not read').toBe(calls);
    const literal = found
      .filter((r) => !new RegExp(`\\b${REGISTRATION_KINDS[r.kind]}\\.\\w+`).test(r.firstArgument))
      .map((r) => `routes.${r.kind}(${r.firstArgument}, ...) should use ${REGISTRATION_KINDS[r.kind]}.<name>`);
    expect(literal).toEqual([]);
  });

  it('register a listener for every command, action_id and callback_id in src/slack/ids.ts', () => {
    const unrouted = [
      ...Object.keys(COMMANDS).filter((key) => !registeredKeys('command').has(key)).map((key) => `COMMANDS.${key}`),
      ...Object.keys(ACTIONS).filter((key) => !registeredKeys('action').has(key)).map((key) => `ACTIONS.${key}`),
      ...Object.keys(VIEWS).filter((key) => !registeredKeys('view').has(key)).map((key) => `VIEWS.${key}`),
    ];
    expect(unrouted, 'ids without an routes.command/routes.action/routes.view listener').toEqual([]);
  });
});
