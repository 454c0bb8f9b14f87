import type { App } from "@slack/bolt";
import type { ListenerDeps } from "../../context.js";

export function registerViews(_app: App, _deps: ListenerDeps): void {}
