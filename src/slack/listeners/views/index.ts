import type { App } from "@slack/bolt";
import type { ListenerDeps } from "../../context.js";
import { CampaignViews, DigestViews, LeadViews, PlaybookViews } from "../../ids.js";
import { campaignCreateView } from "./campaign-create.js";
import { campaignEditView } from "./campaign-edit.js";
import { digestScheduleSubmit } from "./digest-schedule-submit.js";
import { rejectSubmission } from "./handoff-reject.js";
import { dealSubmission } from "./lead-deal.js";
import { forgetSubmission } from "./lead-forget.js";
import { leadModalSubmission } from "./lead-modal.js";
import { agreementFormView, brandGuideFormView, segmentFormView } from "./playbook-forms.js";
import { channelsSettingsSubmission } from "./settings-channels.js";
import { rotationSettingsSubmission } from "./settings-rotation.js";

export function registerViews(app: App, deps: ListenerDeps): void {
  app.view(CampaignViews.create, campaignCreateView(deps) as never);
  app.view(CampaignViews.edit, campaignEditView(deps) as never);
  app.view(PlaybookViews.segment, segmentFormView(deps) as never);
  app.view(PlaybookViews.brand, brandGuideFormView(deps) as never);
  app.view(PlaybookViews.agreement, agreementFormView(deps) as never);
  app.view(DigestViews.editor, digestScheduleSubmit(deps) as never);
  app.view(LeadViews.lead, leadModalSubmission(deps) as never);
  app.view(LeadViews.reject, rejectSubmission(deps) as never);
  app.view(LeadViews.won, dealSubmission(deps, "won") as never);
  app.view(LeadViews.lost, dealSubmission(deps, "lost") as never);
  app.view(LeadViews.forget, forgetSubmission(deps) as never);
  app.view(LeadViews.channelsAndPeople, channelsSettingsSubmission(deps) as never);
  app.view(LeadViews.rotation, rotationSettingsSubmission(deps) as never);
}
