import type { App } from "@slack/bolt";
import type { ListenerDeps } from "../../context.js";

export function registerEvents(_app: App, _deps: ListenerDeps): void {}
