import type { App } from "@slack/bolt";
import type { ListenerDeps } from "../../context.js";
import { CampaignViews } from "../../ids.js";
import { campaignCreateView } from "./campaign-create.js";
import { campaignEditView } from "./campaign-edit.js";

export function registerViews(app: App, deps: ListenerDeps): void {
  app.view(CampaignViews.create, campaignCreateView(deps) as never);
  app.view(CampaignViews.edit, campaignEditView(deps) as never);
}
