import type { App } from "@slack/bolt";
import type { ListenerDeps } from "../../context.js";
import { Actions, CampaignActions, DigestActions, PlaybookActions } from "../../ids.js";
import { campaignEditAction } from "./campaign-edit.js";
import { campaignEndAction } from "./campaign-end.js";
import { campaignOpenAction } from "./campaign-open.js";
import { digestEditorAction, digestRemoveAction } from "./digest-schedule-buttons.js";
import { removeSegmentAction } from "./icp-segment-remove.js";
import { addSegmentAction, editAgreementAction, editBrandAction, editSegmentAction } from "./playbook-edit.js";
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
}
