import type { KnownBlock, ModalView } from "@slack/types";
import { MAPPABLE } from "../../domain/intake/field-map.js";
import { LeadSourceIds } from "../ids.js";
import { option, selectInput, textInput } from "./inputs.js";
import { PROVIDER_CHOICES, providerLabel } from "./lead-source-steps.js";
import { Limits, mrkdwn, plain } from "./text.js";

export interface SourceFormValues {
  /** Set when editing: the provider and name are fixed then. */
  sourceId?: string;
  provider?: string;
  name?: string;
  fieldMap?: string;
  defaultCampaignId?: string | null;
}

const MAP_HINT = `One line per form field: "form field = lead field". Lead fields: ${MAPPABLE.join(", ")}. Fields named like a lead field (Email, Company, utm_campaign) need no line.`;

/** Adding a source (provider, name, optional provider secret) or editing its mapping and default campaign. */
export function leadSourceForm(
  values: SourceFormValues,
  campaigns: { id: string; name: string }[],
  listViewId: string | undefined,
): ModalView {
  const editing = values.sourceId !== undefined;
  const blocks: KnownBlock[] = [];
  if (editing) {
    blocks.push({ type: "section", text: mrkdwn(`*${values.name ?? ""}* · ${providerLabel(values.provider ?? "")}`) });
  } else {
    blocks.push(
      selectInput("provider", {
        label: "Tool that sends the leads",
        options: PROVIDER_CHOICES.map((p) => option(p.id, p.label)),
        initial: values.provider,
      }),
      textInput("name", { label: "Name", initial: values.name, max: 60, placeholder: "Demo request form" }),
    );
  }
  blocks.push(
    textInput("secret", {
      label: "Secret from the provider",
      optional: true,
      max: 200,
      hint: "Webflow and HubSpot sign with their own secret (the client secret of the app): paste it here. For the other tools leave this empty and Baton makes one.",
    }),
    textInput("fieldMap", { label: "Field mapping", optional: true, multiline: true, max: 3000, initial: values.fieldMap, hint: MAP_HINT }),
  );
  if (campaigns.length > 0) {
    blocks.push(
      selectInput("defaultCampaignId", {
        label: "Default campaign",
        optional: true,
        hint: "For leads that name no campaign (no utm_campaign or campaign field).",
        options: campaigns.slice(0, Limits.selectOptions).map((c) => option(c.id, c.name)),
        initial: values.defaultCampaignId ?? undefined,
      }),
    );
  }
  return {
    type: "modal",
    callback_id: editing ? LeadSourceIds.editView : LeadSourceIds.addView,
    private_metadata: JSON.stringify({ sourceId: values.sourceId, listViewId }),
    title: plain(editing ? "Edit lead source" : "Add a lead source", Limits.modalTitle),
    submit: plain(editing ? "Save" : "Add"),
    close: plain("Cancel"),
    blocks,
  };
}
