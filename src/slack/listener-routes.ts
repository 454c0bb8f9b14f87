// Every action listener under one Bolt listener, and every view listener under another, each finding its own by
// id. Bolt runs each incoming request through the middleware chain of every listener registered (dozens here: an
// Accept click walked about 70 chains, each a copy of the request's arguments and a few promises, to find the one
// that matched). The routes match as Bolt's constraints do, for the constraints Baton uses (an action id, or an
// action id and a block id; a view's callback id, on submission); any other constraint is left to Bolt.
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

interface RoutedArgs {
  payload?: { action_id?: unknown; block_id?: unknown };
  body?: { type?: string; view?: { callback_id?: unknown } };
}

/** The app, with `action` and `view` registrations routed (see the header); the rest as Bolt registers them. */
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

  return new Proxy(app, {
    get(target, property, receiver) {
      if (property === "action") return action;
      if (property === "view") return view;
      return Reflect.get(target, property, receiver);
    },
  });
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
