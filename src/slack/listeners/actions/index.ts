import type { App } from "@slack/bolt";
import type { ListenerDeps } from "../../context.js";
import { Actions, CampaignActions, DigestActions, LeadActions, PlaybookActions } from "../../ids.js";
import { campaignEditAction } from "./campaign-edit.js";
import { campaignEndAction } from "./campaign-end.js";
import { campaignOpenAction } from "./campaign-open.js";
import { digestEditorAction, digestRemoveAction } from "./digest-schedule-buttons.js";
import { acceptHandoffAction } from "./handoff-accept.js";
import { assignHandoffAction } from "./handoff-assign.js";
import { rejectHandoffAction } from "./handoff-reject.js";
import { availabilityAction } from "./home-availability.js";
import { removeSegmentAction } from "./icp-segment-remove.js";
import { campaignOptions } from "./lead-campaign-options.js";
import { editLeadAction } from "./lead-edit.js";
import { handOffAction } from "./lead-hand-off.js";
import { dealModalAction, toOpportunityAction } from "./lead-move.js";
import { openLeadAction } from "./lead-open.js";
import { addSegmentAction, editAgreementAction, editBrandAction, editSegmentAction } from "./playbook-edit.js";
import { rotationMembersAction } from "./rotation-members.js";
import { settingsSectionAction } from "./settings-section.js";

export function registerActions(app: App, deps: ListenerDeps): void {
  app.action(Actions.settingsSection, settingsSectionAction(deps) as never);
  app.action(CampaignActions.open, campaignOpenAction(deps) as never);
  app.action(CampaignActions.edit, campaignEditAction(deps) as never);
  app.action(CampaignActions.end, campaignEndAction(deps) as never);
  app.action(PlaybookActions.addSegment, addSegmentAction(deps) as never);
  app.action(PlaybookActions.editSegment, editSegmentAction(deps) as never);
  app.action(PlaybookActions.removeSegment, removeSegmentAction(deps) as never);
  app.action(PlaybookActions.editBrand, editBrandAction(deps) as never);
  app.action(PlaybookActions.editAgreement, editAgreementAction(deps) as never);
  app.action(DigestActions.add, digestEditorAction(deps, "add") as never);
  app.action(DigestActions.edit, digestEditorAction(deps, "edit") as never);
  app.action(DigestActions.remove, digestRemoveAction(deps) as never);
  // Leads and handoffs
  app.options(LeadActions.campaign, campaignOptions(deps) as never);
  app.action(LeadActions.handOff, handOffAction(deps) as never);
  app.action(LeadActions.edit, editLeadAction(deps) as never);
  app.action(LeadActions.open, openLeadAction(deps) as never);
  app.action(LeadActions.toOpportunity, toOpportunityAction(deps) as never);
  app.action(LeadActions.toWon, dealModalAction(deps, "won") as never);
  app.action(LeadActions.toLost, dealModalAction(deps, "lost") as never);
  app.action(LeadActions.accept, acceptHandoffAction(deps) as never);
  app.action(LeadActions.reject, rejectHandoffAction(deps) as never);
  app.action(LeadActions.assign, assignHandoffAction(deps) as never);
  app.action(LeadActions.availability, availabilityAction(deps) as never);
  app.action(LeadActions.rotationMembers, rotationMembersAction(deps) as never);
}
