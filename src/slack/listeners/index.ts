import type { App } from "@slack/bolt";
import type { ListenerDeps } from "../context.js";
import { registerCommands } from "./commands/index.js";

/** The one place every command, action, view and event listener is registered. */
export function registerListeners(app: App, deps: ListenerDeps): void {
  registerCommands(app, deps);
}
