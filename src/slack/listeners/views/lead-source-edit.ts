import { metadataOf, readForm } from "../../forms.js";
import type { ListenerDeps } from "../../listener-deps.js";
import { refreshLeadSources } from "../../settings/lead-sources.js";
import { runSubmission } from "./submission.js";
import type { SubmitArgs } from "./types.js";

/** Saving a source's field mapping, default campaign (and a provider's new secret, when given). */
export function leadSourceEditSubmission(deps: ListenerDeps) {
  return async ({ ack, body, client, context, view }: SubmitArgs) => {
    const form = readForm(view.state.values);
    const meta = metadataOf<{ sourceId: string; listViewId: string }>(view.private_metadata);
    await runSubmission(ack, {
      fallbackBlock: "fieldMap",
      save: () =>
        deps.services.leadSources.change(context.teamId, body.user.id, meta.sourceId ?? "", {
          provider: "",
          name: undefined,
          fieldMap: form.one("fieldMap"),
          defaultCampaignId: form.one("defaultCampaignId"),
          secret: form.one("secret"),
        }),
      afterAck: () => refreshLeadSources(client, deps, context.teamId, meta.listViewId, ":white_check_mark: Source saved."),
    });
  };
}
