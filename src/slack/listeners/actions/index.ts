import type { App } from "@slack/bolt";
import type { ListenerDeps } from "../../context.js";
import { Actions, LeadActions } from "../../ids.js";
import { acceptHandoffAction } from "./handoff-accept.js";
import { assignHandoffAction } from "./handoff-assign.js";
import { rejectHandoffAction } from "./handoff-reject.js";
import { availabilityAction } from "./home-availability.js";
import { campaignOptions } from "./lead-campaign-options.js";
import { editLeadAction } from "./lead-edit.js";
import { handOffAction } from "./lead-hand-off.js";
import { dealModalAction, toOpportunityAction } from "./lead-move.js";
import { openLeadAction } from "./lead-open.js";
import { rotationMembersAction } from "./rotation-members.js";
import { settingsSectionAction } from "./settings-section.js";

export function registerActions(app: App, deps: ListenerDeps): void {
  app.action(Actions.settingsSection, settingsSectionAction(deps) as never);
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
