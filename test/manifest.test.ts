/**
 * Keeps manifest.yml and the code in step: the commands, scopes, events and URLs Slack is told
 * about must be the ones the listeners use, and every id in src/slack/ids.ts must be routed.
 */
import { readFileSync } from 'node:fs';
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
 * Every bot scope Groundwork may ask for, and why. Add a scope here only together with the code
 * that needs it; a workspace admin reads this list when approving the install.
 */
const BOT_SCOPES: Record<string, string> = {
  commands: 'slash commands (COMMANDS in src/slack/ids.ts)',
  'chat:write': 'chat.postMessage to a user id, the DM fallback in src/slack/send-privately.ts',
  'users:read': "users.info for each person's time zone and workspace admin/owner flags in src/team/slack-profiles.ts",
  'usergroups:read': 'usergroups.list (settings modal) and usergroups.users.list (src/team/usergroup-cache.ts) for the staff and leader groups; the subteam_* events',
  'channels:read': 'conversations.info on a public channel chosen in settings, to check the app can post there (src/team/channel-check.ts)',
  'groups:read': 'conversations.info on a private channel chosen in settings (src/team/channel-check.ts)',
  'reactions:read': 'the reaction_added event that nominates a story (src/digest/listeners/story-reaction.ts)',
  'channels:history': "conversations.replies for a nominated message's text in a public channel, once its author allowed it (src/digest/listeners/story-decision.ts)",
  'groups:history': "conversations.replies for a nominated message's text in a private channel (src/digest/listeners/story-decision.ts)",
  'files:write': "files.uploadV2 for the digest's chart (src/digest/post-digest.ts)",
};

/** The one path the HTTP receiver in src/slack/app.ts answers commands, interactivity and events on. */
const REQUEST_PATH = '/slack/events';

const manifest = parse(readFileSync(new URL('../manifest.yml', import.meta.url), 'utf8')) as Manifest;
const listenersSource = withoutComments(readFileSync(new URL('../src/slack/listeners.ts', import.meta.url), 'utf8'));

function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
}

/** The events the code listens to: the string given to each `app.event(...)`. */
function subscribedEvents(): { events: string[]; registrations: number } {
  const events = [...listenersSource.matchAll(/\bapp\.event\(\s*(['"`])([^'"`]+)\1/g)].map((m) => m[2] ?? '');
  const registrations = [...listenersSource.matchAll(/\bapp\.event\(/g)].length;
  return { events, registrations };
}

const REGISTRATION_KINDS = { command: 'COMMANDS', action: 'ACTIONS', view: 'VIEWS' } as const;
type Kind = keyof typeof REGISTRATION_KINDS;

/** Each `app.command(` / `app.action(` / `app.view(` call with the source text of its first argument. */
function registrations(): { kind: Kind; firstArgument: string }[] {
  return [...listenersSource.matchAll(/\bapp\.(command|action|view)\(\s*(\{[^}]*\}|[^,)]+)/g)].map((m) => ({
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

  it('requests only bot scopes on the allow-list', () => {
    const requested = manifest.oauth_config?.scopes?.bot ?? [];
    const unexplained = requested.filter((scope) => !(scope in BOT_SCOPES));
    expect(unexplained, 'bot scopes in manifest.yml missing from BOT_SCOPES in this test (add them with the reason they are needed)').toEqual([]);
  });

  it('requests every bot scope the allow-list says the code needs', () => {
    const requested = manifest.oauth_config?.scopes?.bot ?? [];
    const missing = Object.entries(BOT_SCOPES)
      .filter(([scope]) => !requested.includes(scope))
      .map(([scope, reason]) => `${scope} (${reason})`);
    expect(missing, 'bot scopes missing from manifest.yml').toEqual([]);
  });

  it('subscribes to exactly the events src/slack/listeners.ts listens to', () => {
    const { events, registrations: count } = subscribedEvents();
    expect(count, 'app.event(...) calls whose event name is not a string literal this test can read').toBe(events.length);
    const inManifest = settings.event_subscriptions?.bot_events ?? [];
    expect(events.filter((e) => !inManifest.includes(e)), 'events the code listens to missing from settings.event_subscriptions.bot_events').toEqual([]);
    expect(inManifest.filter((e) => !events.includes(e)), 'bot_events in manifest.yml that no app.event(...) listens to').toEqual([]);
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
    expect(found.length, 'no app.command/app.action/app.view calls found; has the file moved?').toBeGreaterThan(0);
    const calls = [...listenersSource.matchAll(/\bapp\.(command|action|view)\(/g)].length;
    expect(found.length, 'app.command/action/view calls this test could not read').toBe(calls);
    const literal = found
      .filter((r) => !new RegExp(`\\b${REGISTRATION_KINDS[r.kind]}\\.\\w+`).test(r.firstArgument))
      .map((r) => `app.${r.kind}(${r.firstArgument}, ...) should use ${REGISTRATION_KINDS[r.kind]}.<name>`);
    expect(literal).toEqual([]);
  });

  it('register a listener for every command, action_id and callback_id in src/slack/ids.ts', () => {
    const unrouted = [
      ...Object.keys(COMMANDS).filter((key) => !registeredKeys('command').has(key)).map((key) => `COMMANDS.${key}`),
      ...Object.keys(ACTIONS).filter((key) => !registeredKeys('action').has(key)).map((key) => `ACTIONS.${key}`),
      ...Object.keys(VIEWS).filter((key) => !registeredKeys('view').has(key)).map((key) => `VIEWS.${key}`),
    ];
    expect(unrouted, 'ids without an app.command/app.action/app.view listener').toEqual([]);
  });
});
