import type { KnownBlock, ModalView } from "@slack/types";
import type { OrgWorkspaceList } from "../../domain/workspaces/org-workspaces.js";
import { OrgWorkspaceIds } from "../ids.js";
import { multiSelectInput, option } from "./inputs.js";
import { Limits, mrkdwn, plain, truncate } from "./text.js";

const ABOUT =
  "Baton is installed for your whole Slack org. It works only in the workspaces chosen here; each keeps its own leads, channels and settings. People elsewhere in the org are told it isn't enabled for them. Only org admins and owners can change this.";

/** One line for the settings home: how many of the org's workspaces Baton serves. */
export function orgWorkspacesSummary(list: OrgWorkspaceList): string {
  const served = list.workspaces.filter((w) => w.served).length;
  if (!list.chosen && served === list.workspaces.length) {
    return `Every workspace the org added Baton to (${list.workspaces.length}) · none chosen yet`;
  }
  return `${served} of ${list.workspaces.length} workspaces of the org`;
}

/** The "Workspaces" settings modal: which of the org's workspaces Baton serves. */
export function orgWorkspacesModal(list: OrgWorkspaceList): ModalView {
  const blocks: KnownBlock[] = [{ type: "section", text: mrkdwn(ABOUT) }];
  if (list.workspaces.length === 0) {
    blocks.push({
      type: "section",
      text: mrkdwn("Slack lists no workspaces for Baton yet. An org admin adds it to workspaces in Slack's org settings first."),
    });
  } else {
    blocks.push(
      multiSelectInput("workspaces", {
        label: "Workspaces Baton serves",
        options: list.workspaces.map((w) => option(w.id, truncate(w.name, 70))),
        initial: list.workspaces.filter((w) => w.served).map((w) => w.id),
        placeholder: "Choose workspaces…",
        hint: "Workspaces Slack's org admins added Baton to.",
      }),
    );
  }
  return {
    type: "modal",
    callback_id: OrgWorkspaceIds.view,
    title: plain("Workspaces", Limits.modalTitle),
    ...(list.workspaces.length > 0 ? { submit: plain("Save") } : {}),
    close: plain("Back"),
    blocks,
  };
}
