import type { App } from "@slack/bolt";
import type { ListenerDeps } from "../../context.js";
import { CampaignViews, DigestViews, PlaybookViews } from "../../ids.js";
import { campaignCreateView } from "./campaign-create.js";
import { campaignEditView } from "./campaign-edit.js";
import { digestScheduleSubmit } from "./digest-schedule-submit.js";
import { agreementFormView, brandGuideFormView, segmentFormView } from "./playbook-forms.js";

export function registerViews(app: App, deps: ListenerDeps): void {
  app.view(CampaignViews.create, campaignCreateView(deps) as never);
  app.view(CampaignViews.edit, campaignEditView(deps) as never);
  app.view(PlaybookViews.segment, segmentFormView(deps) as never);
  app.view(PlaybookViews.brand, brandGuideFormView(deps) as never);
  app.view(PlaybookViews.agreement, agreementFormView(deps) as never);
  app.view(DigestViews.editor, digestScheduleSubmit(deps) as never);
}
