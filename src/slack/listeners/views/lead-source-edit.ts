import { metadataOf, selectedOf, textOf, type ViewValues } from "../../forms.js";
import type { ListenerDeps } from "../../listener-deps.js";
import { refreshLeadSources } from "../../settings/lead-sources.js";
import { runSubmission } from "./submission.js";
import type { SubmitArgs } from "./types.js";

/** Saving a source's field mapping, default campaign (and a provider's new secret, when given). */
export function leadSourceEditSubmission(deps: ListenerDeps) {
  return async ({ ack, body, client, context, view }: SubmitArgs) => {
    const values = view.state.values as ViewValues;
    const meta = metadataOf<{ sourceId: string; listViewId: string }>(view.private_metadata);
    const outcome = await runSubmission(ack, "fieldMap", () =>
      deps.services.leadSources.change(context.teamId, body.user.id, meta.sourceId ?? "", {
        provider: "",
        name: undefined,
        fieldMap: textOf(values, "fieldMap"),
        defaultCampaignId: selectedOf(values, "defaultCampaignId"),
        secret: textOf(values, "secret"),
      }),
    );
    if (!outcome.ok) return;
    await ack();
    await refreshLeadSources(client, deps, context.teamId, meta.listViewId, ":white_check_mark: Source saved.");
  };
}
