import type { App } from "@slack/bolt";
import type { ListenerDeps } from "../../context.js";
import { Actions, DigestActions } from "../../ids.js";
import { digestEditorAction, digestRemoveAction } from "./digest-schedule-buttons.js";
import { settingsSectionAction } from "./settings-section.js";

export function registerActions(app: App, deps: ListenerDeps): void {
  app.action(Actions.settingsSection, settingsSectionAction(deps) as never);
  app.action(DigestActions.add, digestEditorAction(deps, "add") as never);
  app.action(DigestActions.edit, digestEditorAction(deps, "edit") as never);
  app.action(DigestActions.remove, digestRemoveAction(deps) as never);
}
