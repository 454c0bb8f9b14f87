import type { App } from "@slack/bolt";
import type { ListenerDeps } from "../listener-deps.js";
import { routedListeners } from "../listener-routes.js";
import { claimsGate } from "../once-per-interaction.js";
import { registerActions } from "./actions/index.js";
import { registerCommands } from "./commands/index.js";
import { registerEvents } from "./events/index.js";
import { registerFunctions } from "./functions/index.js";
import { registerShortcuts } from "./shortcuts/index.js";
import { registerViews } from "./views/index.js";

/** The one place every command, shortcut, action, view, event and Workflow Builder step listener is registered (each ack tied to its claim). */
export function registerListeners(boltApp: App, deps: ListenerDeps): void {
  // Actions and views found by id under one Bolt listener each (listener-routes.ts), each ack tied to its claim.
  const app = claimsGate(routedListeners(boltApp));
  registerCommands(app, deps);
  registerShortcuts(app, deps);
  registerActions(app, deps);
  registerViews(app, deps);
  registerEvents(app, deps);
  registerFunctions(app, deps);
}
