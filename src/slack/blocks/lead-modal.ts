import type { InputBlock, KnownBlock, ModalView, PlainTextOption } from "@slack/types";
import { FIT_GRADE_LABELS } from "../../domain/labels.js";
import { COMPANY_SIZES, FIT_GRADES, LIMITS } from "../../domain/leads/lead-input.js";
import { LeadActions, LeadViews } from "../ids.js";
import { Limits, plain, truncate } from "./text.js";

/** The values a lead modal starts with (an edit, or `/lead jane@acme.com`). */
export interface LeadFormValues {
  email?: string | null;
  name?: string | null;
  company?: string | null;
  phone?: string | null;
  title?: string | null;
  industry?: string | null;
  companySize?: string | null;
  region?: string | null;
  notes?: string | null;
  fitGrade?: string | null;
  campaign?: { id: string; name: string } | null;
}

/** What the modal remembers between opening and submitting. */
export interface LeadModalMetadata {
  /** Set when editing an existing lead. */
  leadId?: string;
  /** Where /lead was typed, for the confirmation. */
  channelId?: string;
}

/** Block ids equal the lead-input field names, so validation errors map straight onto blocks. */
export const LEAD_FIELD_ACTION = "value";

const option = (text: string, value: string): PlainTextOption => ({ text: plain(text, Limits.optionText), value });

function text(
  blockId: string,
  label: string,
  initial: string | null | undefined,
  maxLength: number,
  opts: { optional?: boolean; multiline?: boolean; placeholder?: string } = {},
): InputBlock {
  return {
    type: "input",
    block_id: blockId,
    optional: opts.optional ?? true,
    label: plain(label, 2000),
    element: {
      type: "plain_text_input",
      action_id: LEAD_FIELD_ACTION,
      max_length: maxLength,
      multiline: opts.multiline ?? false,
      ...(initial ? { initial_value: truncate(initial, maxLength) } : {}),
      ...(opts.placeholder ? { placeholder: plain(opts.placeholder, Limits.placeholder) } : {}),
    },
  };
}

function select(blockId: string, label: string, options: PlainTextOption[], initial: string | null | undefined): InputBlock {
  const initialOption = options.find((o) => o.value === initial);
  return {
    type: "input",
    block_id: blockId,
    optional: true,
    label: plain(label, 2000),
    element: {
      type: "static_select",
      action_id: LEAD_FIELD_ACTION,
      placeholder: plain("Choose…"),
      options,
      ...(initialOption ? { initial_option: initialOption } : {}),
    },
  };
}

/** The /lead modal, to log a new lead or edit one. */
export function leadModal(values: LeadFormValues, metadata: LeadModalMetadata): ModalView {
  const editing = Boolean(metadata.leadId);
  const blocks: KnownBlock[] = [
    text("name", "Name", values.name, LIMITS.name, { placeholder: "Jane Doe" }),
    text("email", "Email", values.email, LIMITS.email, { optional: false, placeholder: "jane@acme.com" }),
    text("company", "Company", values.company, LIMITS.company),
    text("phone", "Phone", values.phone, LIMITS.phone, { placeholder: "+1 415 555 0100" }),
    text("title", "Job title", values.title, LIMITS.title),
    {
      type: "input",
      block_id: "campaignId",
      optional: true,
      label: plain("Source campaign"),
      hint: plain("Type to search this workspace's campaigns; active ones come first."),
      element: {
        type: "external_select",
        action_id: LeadActions.campaign,
        min_query_length: 0,
        placeholder: plain("Search campaigns…"),
        ...(values.campaign ? { initial_option: option(values.campaign.name, values.campaign.id) } : {}),
      },
    },
    select(
      "fitGrade",
      "Fit",
      FIT_GRADES.map((g) => option(`${g} · ${FIT_GRADE_LABELS[g]}`, g)),
      values.fitGrade,
    ),
    text("industry", "Industry", values.industry, LIMITS.industry, { placeholder: "Software" }),
    select(
      "companySize",
      "Company size (employees)",
      COMPANY_SIZES.map((s) => option(s, s)),
      values.companySize,
    ),
    text("region", "Region", values.region, LIMITS.region, { placeholder: "EMEA" }),
    text("notes", "Notes", values.notes, LIMITS.notes, { multiline: true }),
  ];
  return {
    type: "modal",
    callback_id: LeadViews.lead,
    private_metadata: JSON.stringify(metadata),
    title: plain(editing ? "Edit lead" : "Log a lead", Limits.modalTitle),
    submit: plain("Save", Limits.modalTitle),
    close: plain("Cancel", Limits.modalTitle),
    blocks,
  };
}
