import { invalidInput } from "../../../domain/form-errors.js";
import { parseLeadInput } from "../../../domain/leads/lead-input.js";
import { summaryFieldsOf } from "../../blocks/lead-card.js";
import type { LeadModalMetadata } from "../../blocks/lead-modal.js";
import { leadSavedMessage } from "../../blocks/lead-saved.js";
import { type Form, metadataOf, readForm } from "../../forms.js";
import type { ListenerDeps } from "../../listener-deps.js";
import { tellPerson } from "../../tell.js";
import { runSubmission } from "./submission.js";
import type { SubmitArgs } from "./types.js";

const FIELDS = ["email", "name", "company", "phone", "title", "industry", "region", "notes", "campaignId", "fitGrade", "companySize"];

/** The lead form's values as raw input for parseLeadInput (block ids are the field names). */
function leadFormInput(form: Form): Record<string, string | undefined> {
  return Object.fromEntries(FIELDS.map((field) => [field, form.one(field)]));
}

/**
 * Saving the lead modal: validated field by field (errors shown inline, nothing stored), then saved, creating the
 * lead or updating the one with that email; the person gets a confirmation with what's next.
 */
export function leadModalSubmission(deps: ListenerDeps) {
  return async ({ ack, body, client, context, view }: SubmitArgs) => {
    const metadata = metadataOf<LeadModalMetadata>(view.private_metadata);
    await runSubmission(ack, {
      fallbackBlock: "email",
      save: async () => {
        const parsed = parseLeadInput(leadFormInput(readForm(view.state.values)));
        if (!parsed.ok) throw invalidInput(parsed.errors);
        const link = metadata.fromMessage?.permalink ? { messageLink: metadata.fromMessage.permalink } : {};
        const options = metadata.leadId ? { leadId: metadata.leadId, replace: true, ...link } : link;
        return deps.services.leads.save(context.teamId, parsed.lead, body.user.id, options);
      },
      afterAck: async ({ lead, created, changed }) => {
        const campaignName = await deps.services.leads.campaignName(context.teamId, lead.campaignId);
        const message = leadSavedMessage({ id: lead.id, stage: lead.stage, fields: summaryFieldsOf(lead), campaignName, created, changed });
        const thread = metadata.fromMessage;
        await tellPerson(client, body.user.id, thread?.channelId ?? metadata.channelId, message, thread?.threadTs);
      },
    });
  };
}
