import type { App } from "@slack/bolt";
import { CampaignViews, DigestViews, LeadSourceIds, LeadViews, OrgWorkspaceIds, PlaybookViews } from "../../ids.js";
import type { ListenerDeps } from "../../listener-deps.js";
import { campaignCreateView } from "./campaign-create.js";
import { campaignEditView } from "./campaign-edit.js";
import { digestScheduleSubmit } from "./digest-schedule-submit.js";
import { rejectSubmission } from "./handoff-reject.js";
import { dealSubmission } from "./lead-deal.js";
import { forgetSubmission } from "./lead-forget.js";
import { leadModalSubmission } from "./lead-modal.js";
import { leadSourceAddSubmission } from "./lead-source-add.js";
import { leadSourceEditSubmission } from "./lead-source-edit.js";
import { agreementFormView, brandGuideFormView, segmentFormView } from "./playbook-forms.js";
import { channelsSettingsSubmission } from "./settings-channels.js";
import { customerDataSubmission } from "./settings-customer-data.js";
import { orgWorkspacesSubmission } from "./settings-org-workspaces.js";
import { rotationSettingsSubmission } from "./settings-rotation.js";

export function registerViews(app: App, deps: ListenerDeps): void {
  app.view(CampaignViews.create, campaignCreateView(deps));
  app.view(CampaignViews.edit, campaignEditView(deps));
  app.view(PlaybookViews.segment, segmentFormView(deps));
  app.view(PlaybookViews.brand, brandGuideFormView(deps));
  app.view(PlaybookViews.agreement, agreementFormView(deps));
  app.view(DigestViews.editor, digestScheduleSubmit(deps));
  app.view(LeadViews.lead, leadModalSubmission(deps));
  app.view(LeadViews.reject, rejectSubmission(deps));
  app.view(LeadViews.won, dealSubmission(deps, "won"));
  app.view(LeadViews.lost, dealSubmission(deps, "lost"));
  app.view(LeadViews.forget, forgetSubmission(deps));
  app.view(LeadViews.channelsAndPeople, channelsSettingsSubmission(deps));
  app.view(LeadViews.customerData, customerDataSubmission(deps));
  app.view(LeadViews.rotation, rotationSettingsSubmission(deps));
  app.view(OrgWorkspaceIds.view, orgWorkspacesSubmission(deps));
  app.view(LeadSourceIds.addView, leadSourceAddSubmission(deps));
  app.view(LeadSourceIds.editView, leadSourceEditSubmission(deps));
}
