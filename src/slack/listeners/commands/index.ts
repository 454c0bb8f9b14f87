import type { App } from "@slack/bolt";
import { Commands } from "../../ids.js";
import type { ListenerDeps } from "../../listener-deps.js";
import { batonCommand } from "./baton.js";
import { campaignCommand } from "./campaign.js";
import { funnelCommand } from "./funnel.js";
import { leadCommand } from "./lead.js";

export function registerCommands(app: App, deps: ListenerDeps): void {
  app.command(Commands.baton, batonCommand(deps));
  app.command(Commands.lead, leadCommand(deps));
  app.command(Commands.campaign, campaignCommand(deps));
  app.command(Commands.funnel, funnelCommand(deps));
}
