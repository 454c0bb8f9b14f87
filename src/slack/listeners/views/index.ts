import type { App } from "@slack/bolt";
import { CampaignViews, DigestViews, LeadSourceIds, LeadViews, PlaybookViews } from "../../ids.js";
import type { ListenerDeps } from "../../listener-deps.js";
import { claimAnswered } from "../../once-per-interaction.js";
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
import { rotationSettingsSubmission } from "./settings-rotation.js";
import type { SubmitArgs } from "./types.js";

export function registerViews(app: App, deps: ListenerDeps): void {
  // Every submission's ack tells its claim against replays whether the form was accepted.
  const view = (callbackId: string, listener: (args: SubmitArgs) => Promise<void>) => app.view(callbackId, claimAnswered(listener));
  view(CampaignViews.create, campaignCreateView(deps));
  view(CampaignViews.edit, campaignEditView(deps));
  view(PlaybookViews.segment, segmentFormView(deps));
  view(PlaybookViews.brand, brandGuideFormView(deps));
  view(PlaybookViews.agreement, agreementFormView(deps));
  view(DigestViews.editor, digestScheduleSubmit(deps));
  view(LeadViews.lead, leadModalSubmission(deps));
  view(LeadViews.reject, rejectSubmission(deps));
  view(LeadViews.won, dealSubmission(deps, "won"));
  view(LeadViews.lost, dealSubmission(deps, "lost"));
  view(LeadViews.forget, forgetSubmission(deps));
  view(LeadViews.channelsAndPeople, channelsSettingsSubmission(deps));
  view(LeadViews.rotation, rotationSettingsSubmission(deps));
  view(LeadSourceIds.addView, leadSourceAddSubmission(deps));
  view(LeadSourceIds.editView, leadSourceEditSubmission(deps));
}
