/**
 * The listener routes: each command, action_id, callback_id and event type goes to its one listener,
 * looked up by id. Bolt 5.1 runs the middleware chain of every listener registered with it for every
 * request (App.processEvent maps over all of them, each chain copying the request's arguments per
 * step), so 38 listeners registered one by one cost a /log-knock more CPU than its own work. Here they
 * are registered with Bolt as one listener per kind, matching exactly the ids routed here (so Bolt
 * still checks the kind — a command, a block action, a view submission, an event — as it did), and
 * that one listener picks the route from a Map.
 */
import type {
  AllMiddlewareArgs,
  App,
  Middleware,
  SlackAction,
  SlackActionMiddlewareArgs,
  SlackCommandMiddlewareArgs,
  SlackEventMiddlewareArgs,
  SlackViewAction,
  SlackViewMiddlewareArgs,
  ViewSubmitAction,
} from '@slack/bolt';

type Listener<Args> = (args: Args & AllMiddlewareArgs) => Promise<void>;

export class ListenerRoutes {
  private readonly commands = new Map<string, Middleware<SlackCommandMiddlewareArgs>>();
  private readonly actions = new Map<string, Middleware<SlackActionMiddlewareArgs>>();
  private readonly views = new Map<string, Middleware<SlackViewMiddlewareArgs>>();
  private readonly events = new Map<string, Middleware<SlackEventMiddlewareArgs>>();

  command(name: string, listener: Listener<SlackCommandMiddlewareArgs>): void {
    add(this.commands, name, listener);
  }

  action<Action extends SlackAction>(actionId: string, listener: Listener<SlackActionMiddlewareArgs<Action>>): void {
    add(this.actions, actionId, listener as Middleware<SlackActionMiddlewareArgs>);
  }

  /** View submissions (Bolt's default for app.view). */
  view<View extends SlackViewAction = ViewSubmitAction>(callbackId: string, listener: Listener<SlackViewMiddlewareArgs<View>>): void {
    add(this.views, callbackId, listener as Middleware<SlackViewMiddlewareArgs>);
  }

  event<Type extends string>(type: Type, listener: Listener<SlackEventMiddlewareArgs<Type>>): void {
    add(this.events, type, listener as unknown as Middleware<SlackEventMiddlewareArgs>);
  }

  /** Registers the routes with Bolt: one listener per kind. */
  install(app: App): void {
    if (this.commands.size > 0) app.command(exactly(this.commands), (args) => dispatch(this.commands, args.command.command, args));
    if (this.actions.size > 0) app.action(exactly(this.actions), (args) => dispatch(this.actions, 'action_id' in args.action ? args.action.action_id : '', args));
    if (this.views.size > 0) app.view(exactly(this.views), (args) => dispatch(this.views, args.view.callback_id, args));
    if (this.events.size > 0) app.event(exactly(this.events), (args) => dispatch(this.events, args.event.type, args));
  }
}

function add<Args>(routes: Map<string, Middleware<Args>>, id: string, listener: Middleware<Args>): void {
  if (routes.has(id)) throw new Error(`${id} is routed twice`);
  routes.set(id, listener);
}

/** A pattern matching exactly the ids of `routes`, which Bolt matches as it would each id on its own. */
function exactly(routes: Map<string, unknown>): RegExp {
  const escaped = [...routes.keys()].map((id) => id.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
  return new RegExp(`^(?:${escaped.join('|')})$`);
}

function dispatch<Args>(routes: Map<string, Middleware<Args>>, id: string, args: Args & AllMiddlewareArgs): Promise<void> {
  const listener = routes.get(id);
  // Bolt matched the pattern made of these very ids, so a listener is always there.
  if (!listener) throw new Error(`no listener routed for ${id}`);
  return listener(args);
}
