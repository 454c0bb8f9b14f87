import type { App } from "@slack/bolt";
import type { ListenerDeps } from "../../context.js";
import { Commands } from "../../ids.js";
import { batonCommand } from "./baton.js";
import { leadCommand } from "./lead.js";

export function registerCommands(app: App, deps: ListenerDeps): void {
  app.command(Commands.baton, batonCommand(deps));
  app.command(Commands.lead, leadCommand(deps));
}
