// Every action listener under one Bolt listener, every view listener under another, and likewise the commands and
// the events, each finding its own by id. Bolt runs each incoming request through the middleware chain of every
// listener registered (dozens here: an Accept click walked about 70 chains, each a copy of the request's arguments
// and a few promises, to find the one that matched). The routes match as Bolt's constraints do, for the
// constraints Baton uses (an action id, or an action id and a block id; a view's callback id, on submission; a
// command's name; an event's type); any other constraint is left to Bolt.
import { type App, MultipleListenerError } from "@slack/bolt";

type Listener = (args: never) => Promise<void> | void;
type Registrar = (constraints: unknown, ...listeners: Listener[]) => unknown;

interface ActionRoute {
  actionId: string;
  blockId?: string;
  listener: Listener;
}

interface ViewRoute {
  callbackId: string;
  listener: Listener;
}

interface NamedRoute {
  name: string;
  listener: Listener;
}

interface RoutedArgs {
  payload?: { action_id?: unknown; block_id?: unknown };
  body?: { type?: string; view?: { callback_id?: unknown } };
  command?: { command?: unknown };
  event?: { type?: unknown };
}

/** Any command name, any event type: the one Bolt listener under which the routes are found. */
const EVERY_NAME = /^/;

/** The app, with `action`, `view`, `command` and `event` registrations routed (see the header); the rest as Bolt's. */
export function routedListeners(app: App): App {
  const actions: ActionRoute[] = [];
  const views: ViewRoute[] = [];
  let actionsRouted = false;
  let viewsRouted = false;
  const registerAction = (app.action as unknown as Registrar).bind(app);
  const registerView = (app.view as unknown as Registrar).bind(app);

  const action = (constraints: unknown, ...listeners: Listener[]) => {
    const route = actionRouteOf(constraints);
    const [listener, ...more] = listeners;
    if (!route || !listener || more.length > 0) return registerAction(constraints, ...listeners);
    actions.push({ ...route, listener });
    if (!actionsRouted) {
      actionsRouted = true;
      registerAction({}, async (args: RoutedArgs) => {
        const payload = args.payload;
        const matched = actions.filter(
          (r) => payload?.action_id === r.actionId && (r.blockId === undefined || payload?.block_id === r.blockId),
        );
        await runAll(matched, args);
      });
    }
    return undefined;
  };

  const view = (constraints: unknown, ...listeners: Listener[]) => {
    const [listener, ...more] = listeners;
    if (typeof constraints !== "string" || !listener || more.length > 0) return registerView(constraints, ...listeners);
    views.push({ callbackId: constraints, listener });
    if (!viewsRouted) {
      viewsRouted = true;
      // Every view_submission and view_closed; a route given by its callback id alone is for submissions.
      registerView({}, async (args: RoutedArgs) => {
        if (args.body?.type !== "view_submission") return;
        const callbackId = args.body.view?.callback_id;
        await runAll(
          views.filter((r) => r.callbackId === callbackId),
          args,
        );
      });
    }
    return undefined;
  };

  const command = byName((app.command as unknown as Registrar).bind(app), (args) => args.command?.command);
  // Bolt refuses "message.*" event names at registration; passed on to it, they still are.
  const event = byName(
    (app.event as unknown as Registrar).bind(app),
    (args) => args.event?.type,
    (name) => name.startsWith("message."),
  );

  return new Proxy(app, {
    get(target, property, receiver) {
      if (property === "action") return action;
      if (property === "view") return view;
      if (property === "command") return command;
      if (property === "event") return event;
      return Reflect.get(target, property, receiver);
    },
  });
}

/**
 * Registrations by a name (a command's, an event type's): routed when the name is a string, under one Bolt listener
 * matching every name; anything else (a RegExp, several listeners, a name Bolt refuses) registered as Bolt does.
 */
function byName(register: Registrar, nameOf: (args: RoutedArgs) => unknown, leftToBolt: (name: string) => boolean = () => false) {
  const routes: NamedRoute[] = [];
  return (constraints: unknown, ...listeners: Listener[]) => {
    const [listener, ...more] = listeners;
    if (typeof constraints !== "string" || leftToBolt(constraints) || !listener || more.length > 0) {
      return register(constraints, ...listeners);
    }
    routes.push({ name: constraints, listener });
    if (routes.length === 1) {
      register(EVERY_NAME, async (args: RoutedArgs) => {
        const name = nameOf(args);
        await runAll(
          routes.filter((r) => r.name === name),
          args,
        );
      });
    }
    return undefined;
  };
}

/** `"id"` or `{ action_id: "id", block_id?: "id" }`: a route; anything else (a RegExp, a type, a callback id) is Bolt's. */
function actionRouteOf(constraints: unknown): Omit<ActionRoute, "listener"> | undefined {
  if (typeof constraints === "string") return { actionId: constraints };
  if (typeof constraints !== "object" || constraints === null) return undefined;
  const { action_id: actionId, block_id: blockId, ...rest } = constraints as Record<string, unknown>;
  if (Object.keys(rest).length > 0 || typeof actionId !== "string") return undefined;
  if (blockId === undefined) return { actionId };
  return typeof blockId === "string" ? { actionId, blockId } : undefined;
}

/** As Bolt runs the listeners that matched: side by side, each with its own copy of the arguments; their failures rethrown. */
async function runAll(routes: { listener: Listener }[], args: RoutedArgs): Promise<void> {
  if (routes.length === 0) return;
  const [only] = routes;
  if (routes.length === 1 && only) {
    await only.listener({ ...args } as never);
    return;
  }
  const settled = await Promise.allSettled(routes.map((route) => route.listener({ ...args } as never)));
  const failed = settled.filter((s): s is PromiseRejectedResult => s.status === "rejected").map((s) => s.reason as Error);
  const [first] = failed;
  if (failed.length === 1 && first) throw first;
  if (failed.length > 1) throw new MultipleListenerError(failed);
}
