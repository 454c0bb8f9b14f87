import type { KnownBlock, ModalView, PlainTextOption } from "@slack/types";
import { FIT_GRADE_LABELS } from "../../domain/labels.js";
import { COMPANY_SIZES, FIT_GRADES, LIMITS } from "../../domain/leads/lead-input.js";
import { LeadActions, LeadViews } from "../ids.js";
import { externalSelectInput, option, selectInput, textInput } from "./inputs.js";
import { Limits, mrkdwn, plain } from "./text.js";

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
  /** Opened by "Log as lead" on a message: the lead is linked to it and the confirmation goes in its thread. */
  fromMessage?: { channelId: string; threadTs: string; permalink?: string };
}

const text = (
  field: string,
  label: string,
  initial: string | null | undefined,
  max: number,
  more: { optional?: boolean; multiline?: boolean; placeholder?: string } = {},
) => textInput(field, { label, initial, max, ...more, optional: more.optional ?? true });

const select = (field: string, label: string, options: PlainTextOption[], initial: string | null | undefined) =>
  selectInput(field, { label, options, initial, optional: true, placeholder: "Choose…" });

/** Whether the workspace has an ICP: then the fit is graded from it and the form doesn't ask for one. */
export interface LeadFitSource {
  gradedByIcp: boolean;
}

/** The hand-picked Fit while there is no ICP; with one, a line saying the grade comes from it. */
function fitBlock(values: LeadFormValues, fit: LeadFitSource): KnownBlock {
  if (!fit.gradedByIcp) {
    return select(
      "fitGrade",
      "Fit",
      FIT_GRADES.map((grade) => option(grade, `${grade} · ${FIT_GRADE_LABELS[grade]}`)),
      values.fitGrade,
    );
  }
  const grade = FIT_GRADES.find((g) => g === values.fitGrade);
  const now = grade ? ` Now *${grade} · ${FIT_GRADE_LABELS[grade]}*.` : "";
  const text = `*Fit* is graded from the ideal customer profile (\`/baton icp\`), by industry, company size, region and job title.${now}`;
  return { type: "context", block_id: "fit_from_icp", elements: [mrkdwn(text)] };
}

/** The /lead modal, to log a new lead or edit one. */
export function leadModal(values: LeadFormValues, metadata: LeadModalMetadata, fit: LeadFitSource): ModalView {
  const editing = Boolean(metadata.leadId);
  const blocks: KnownBlock[] = [
    text("name", "Name", values.name, LIMITS.name, { placeholder: "Jane Doe" }),
    text("email", "Email", values.email, LIMITS.email, { optional: false, placeholder: "jane@acme.com" }),
    text("company", "Company", values.company, LIMITS.company),
    text("phone", "Phone", values.phone, LIMITS.phone, { placeholder: "+1 415 555 0100" }),
    text("title", "Job title", values.title, LIMITS.title),
    externalSelectInput("campaignId", {
      label: "Source campaign",
      optional: true,
      hint: "Type to search this workspace's campaigns; active ones come first.",
      actionId: LeadActions.campaign,
      placeholder: "Search campaigns…",
      initial: values.campaign ? option(values.campaign.id, values.campaign.name) : undefined,
    }),
    fitBlock(values, fit),
    text("industry", "Industry", values.industry, LIMITS.industry, { placeholder: "Software" }),
    select(
      "companySize",
      "Company size (employees)",
      COMPANY_SIZES.map((size) => option(size, size)),
      values.companySize,
    ),
    text("region", "Region", values.region, LIMITS.region, { placeholder: "EMEA" }),
    text("notes", "Notes", values.notes, LIMITS.notes, { multiline: true }),
  ];
  const link = metadata.fromMessage?.permalink;
  if (metadata.fromMessage) {
    const message = link ? `<${link}|the message>` : "the message";
    const note = `Filled in from ${message}; check each field. Saving links the lead to it.`;
    blocks.unshift({ type: "context", block_id: "lead_from_message", elements: [mrkdwn(note)] });
  }
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
