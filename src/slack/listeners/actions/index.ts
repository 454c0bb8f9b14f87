import type { App } from "@slack/bolt";
import type { ListenerDeps } from "../../context.js";
import { Actions } from "../../ids.js";
import { settingsSectionAction } from "./settings-section.js";

export function registerActions(app: App, deps: ListenerDeps): void {
  app.action(Actions.settingsSection, settingsSectionAction(deps) as never);
}
