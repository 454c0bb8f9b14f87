import type { App } from "@slack/bolt";
import { Shortcuts } from "../../ids.js";
import type { ListenerDeps } from "../../listener-deps.js";
import { logLeadShortcut } from "./log-lead.js";
import { logMessageAsLead } from "./log-message-as-lead.js";

export function registerShortcuts(app: App, deps: ListenerDeps): void {
  app.shortcut({ type: "message_action", callback_id: Shortcuts.logMessageAsLead }, logMessageAsLead(deps));
  app.shortcut({ type: "shortcut", callback_id: Shortcuts.logLead }, logLeadShortcut(deps));
}
