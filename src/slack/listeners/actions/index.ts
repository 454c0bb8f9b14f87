import type { App } from "@slack/bolt";
import type { ListenerDeps } from "../../context.js";
import { Actions, WebFormIds } from "../../ids.js";
import { settingsSectionAction } from "./settings-section.js";
import { webFormsRotateAction } from "./web-forms-rotate.js";

export function registerActions(app: App, deps: ListenerDeps): void {
  app.action(Actions.settingsSection, settingsSectionAction(deps) as never);
  app.action(WebFormIds.rotate, webFormsRotateAction(deps) as never);
}
