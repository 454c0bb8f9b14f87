import type { ActionConstraints, App, BlockAction, BlockButtonAction, UsersSelectAction } from "@slack/bolt";
import {
  Actions,
  ANSWER_ELSEWHERE,
  ANSWER_ON_CARD,
  CampaignActions,
  DigestActions,
  HomeActions,
  LeadActions,
  LeadSourceIds,
  PickerActions,
  PlaybookActions,
  WebFormIds,
} from "../../ids.js";
import type { BatonContext, ListenerDeps } from "../../listener-deps.js";
import { campaignEditAction } from "./campaign-edit.js";
import { campaignEndAction } from "./campaign-end.js";
import { campaignFormBackAction } from "./campaign-form-back.js";
import { campaignOpenAction } from "./campaign-open.js";
import { howWeCountAction } from "./digest-how-we-count.js";
import { digestPeriodAction } from "./digest-period-change.js";
import { digestEditorAction, digestRemoveAction } from "./digest-schedule-buttons.js";
import { acceptHandoffAction } from "./handoff-accept.js";
import { acceptHereAction, assignHereAction, rejectHereAction } from "./handoff-answer-here.js";
import { assignHandoffAction } from "./handoff-assign.js";
import { rejectHandoffAction } from "./handoff-reject.js";
import { availabilityAction } from "./home-availability.js";
import { homeLogCampaignAction, homeLogLeadAction, homeSettingsAction } from "./home-buttons.js";
import { removeSegmentAction } from "./icp-segment-remove.js";
import { campaignOptions } from "./lead-campaign-options.js";
import { editLeadAction } from "./lead-edit.js";
import { handOffAction } from "./lead-hand-off.js";
import { dealModalAction, toOpportunityAction } from "./lead-move.js";
import { openLeadAction } from "./lead-open.js";
import { leadSourceAddAction } from "./lead-source-add.js";
import { leadSourceEditAction } from "./lead-source-edit.js";
import { leadSourceMapCodeAction } from "./lead-source-map-code.js";
import { leadSourceRemoveAction } from "./lead-source-remove.js";
import { leadSourceRotateAction } from "./lead-source-rotate.js";
import { addSegmentAction, editAgreementAction, editBrandAction, editSegmentAction } from "./playbook-edit.js";
import { rotationMembersAction } from "./rotation-members.js";
import { settingsSectionAction } from "./settings-section.js";
import { timeZoneOptions } from "./timezone-options.js";
import { webFormsRotateAction } from "./web-forms-rotate.js";

type Assign = BlockAction<UsersSelectAction>;

export function registerActions(app: App, deps: ListenerDeps): void {
  app.action(Actions.settingsSection, settingsSectionAction(deps));
  app.action(CampaignActions.open, campaignOpenAction(deps));
  app.action(CampaignActions.edit, campaignEditAction(deps));
  app.action(CampaignActions.end, campaignEndAction(deps));
  app.action(CampaignActions.formBack, campaignFormBackAction(deps));
  app.action(PlaybookActions.addSegment, addSegmentAction(deps));
  app.action(PlaybookActions.editSegment, editSegmentAction(deps));
  app.action(PlaybookActions.removeSegment, removeSegmentAction(deps));
  app.action(PlaybookActions.editBrand, editBrandAction(deps));
  app.action(PlaybookActions.editAgreement, editAgreementAction(deps));
  app.action(DigestActions.add, digestEditorAction(deps, "add"));
  app.action(DigestActions.period, digestPeriodAction(deps));
  app.action(DigestActions.edit, digestEditorAction(deps, "edit"));
  app.action(DigestActions.remove, digestRemoveAction(deps));
  app.action(DigestActions.howWeCount, howWeCountAction());
  // Leads and handoffs
  app.options(LeadActions.campaign, campaignOptions(deps));
  app.options(PickerActions.timezone, timeZoneOptions(deps));
  app.action(LeadActions.handOff, handOffAction(deps));
  app.action(LeadActions.edit, editLeadAction(deps));
  app.action(LeadActions.open, openLeadAction(deps));
  app.action(LeadActions.toOpportunity, toOpportunityAction(deps));
  app.action(LeadActions.toWon, dealModalAction(deps, "won"));
  app.action(LeadActions.toLost, dealModalAction(deps, "lost"));
  // The card's buttons, and the same buttons in DMs, on the App Home and on the lead card, told apart by block id.
  app.action<BlockButtonAction, ActionConstraints<BlockButtonAction>, BatonContext>(
    { action_id: LeadActions.accept, block_id: ANSWER_ON_CARD },
    acceptHandoffAction(deps),
  );
  app.action<BlockButtonAction, ActionConstraints<BlockButtonAction>, BatonContext>(
    { action_id: LeadActions.reject, block_id: ANSWER_ON_CARD },
    rejectHandoffAction(deps),
  );
  app.action<Assign, ActionConstraints<Assign>, BatonContext>(
    { action_id: LeadActions.assign, block_id: ANSWER_ON_CARD },
    assignHandoffAction(deps),
  );
  app.action<BlockButtonAction, ActionConstraints<BlockButtonAction>, BatonContext>(
    { action_id: LeadActions.accept, block_id: ANSWER_ELSEWHERE },
    acceptHereAction(deps),
  );
  app.action<BlockButtonAction, ActionConstraints<BlockButtonAction>, BatonContext>(
    { action_id: LeadActions.reject, block_id: ANSWER_ELSEWHERE },
    rejectHereAction(deps),
  );
  app.action<Assign, ActionConstraints<Assign>, BatonContext>(
    { action_id: LeadActions.assign, block_id: ANSWER_ELSEWHERE },
    assignHereAction(deps),
  );
  app.action(LeadActions.availability, availabilityAction(deps));
  app.action(HomeActions.logLead, homeLogLeadAction(deps));
  app.action(HomeActions.logCampaign, homeLogCampaignAction(deps));
  app.action(HomeActions.settings, homeSettingsAction(deps));
  app.action(LeadActions.rotationMembers, rotationMembersAction(deps));
  app.action(WebFormIds.rotate, webFormsRotateAction(deps));
  app.action(LeadSourceIds.add, leadSourceAddAction(deps));
  app.action(LeadSourceIds.edit, leadSourceEditAction(deps));
  app.action(LeadSourceIds.rotate, leadSourceRotateAction(deps));
  app.action(LeadSourceIds.remove, leadSourceRemoveAction(deps));
  app.action(LeadSourceIds.mapCode, leadSourceMapCodeAction(deps));
}
