import type { App } from "@slack/bolt";
import type { ListenerDeps } from "../../context.js";
import { DigestViews } from "../../ids.js";
import { digestScheduleSubmit } from "./digest-schedule-submit.js";

export function registerViews(app: App, deps: ListenerDeps): void {
  app.view(DigestViews.editor, digestScheduleSubmit(deps) as never);
}
