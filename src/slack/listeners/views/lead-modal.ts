import { parseLeadInput } from "../../../domain/leads/lead-input.js";
import { isAppError } from "../../../lib/errors.js";
import { summaryFieldsOf } from "../../blocks/lead-card.js";
import type { LeadModalMetadata } from "../../blocks/lead-modal.js";
import { leadSavedMessage } from "../../blocks/lead-saved.js";
import { messageFor, viewErrorsFor } from "../../errors.js";
import { metadataOf, selectedOf, textOf, type ViewValues } from "../../forms.js";
import type { ListenerDeps } from "../../listener-deps.js";
import { tellPerson } from "../../tell.js";
import type { SubmitArgs } from "./types.js";

const TEXT_FIELDS = ["email", "name", "company", "phone", "title", "industry", "region", "notes"] as const;
const SELECT_FIELDS = ["campaignId", "fitGrade", "companySize"] as const;

/** The lead form's values as raw input for parseLeadInput (block ids are the field names). */
export function leadFormInput(values: ViewValues): Record<string, string | undefined> {
  const raw: Record<string, string | undefined> = {};
  for (const field of TEXT_FIELDS) raw[field] = textOf(values, field);
  for (const field of SELECT_FIELDS) raw[field] = selectedOf(values, field);
  return raw;
}

/**
 * Saving the lead modal: validated field by field (errors shown inline, nothing stored), then saved, creating the
 * lead or updating the one with that email; the person gets a confirmation with what's next.
 */
export function leadModalSubmission(deps: ListenerDeps) {
  return async ({ ack, body, client, context, view }: SubmitArgs) => {
    const parsed = parseLeadInput(leadFormInput(view.state.values as ViewValues));
    if (!parsed.ok) {
      await ack({ response_action: "errors", errors: parsed.errors as Record<string, string> });
      return;
    }
    const metadata = metadataOf<LeadModalMetadata>(view.private_metadata);
    const options = metadata.leadId ? { leadId: metadata.leadId, replace: true } : {};
    let saved: Awaited<ReturnType<typeof deps.services.leads.save>>;
    try {
      saved = await deps.services.leads.save(context.teamId, parsed.lead, body.user.id, options);
    } catch (error) {
      await ack({ response_action: "errors", errors: viewErrorsFor(error) ?? { email: messageFor(error) } });
      if (viewErrorsFor(error) === undefined && !isAppError(error)) throw error;
      return;
    }
    await ack();
    const { lead, created, changed } = saved;
    const campaignName = await deps.services.leads.campaignName(context.teamId, lead.campaignId);
    const message = leadSavedMessage({ id: lead.id, stage: lead.stage, fields: summaryFieldsOf(lead), campaignName, created, changed });
    await tellPerson(client, body.user.id, metadata.channelId, message);
  };
}
