import { PROVIDERS } from "../../../domain/intake/providers/index.js";
import { setupSteps } from "../../blocks/lead-source-steps.js";
import { sourceSecretView } from "../../blocks/lead-sources.js";
import { metadataOf, selectedOf, textOf, type ViewValues } from "../../forms.js";
import type { ListenerDeps } from "../../listener-deps.js";
import { refreshLeadSources, sourceUrl } from "../../settings/lead-sources.js";
import { runSubmission } from "./submission.js";
import type { SubmitArgs } from "./types.js";

/** Adding a lead source: problems under their fields; then its address and secret, shown once. */
export function leadSourceAddSubmission(deps: ListenerDeps) {
  return async ({ ack, body, client, context, view }: SubmitArgs) => {
    const values = view.state.values as ViewValues;
    const outcome = await runSubmission(ack, "name", () =>
      deps.services.leadSources.add(context.teamId, body.user.id, {
        provider: selectedOf(values, "provider") ?? "",
        name: textOf(values, "name"),
        fieldMap: textOf(values, "fieldMap"),
        defaultCampaignId: selectedOf(values, "defaultCampaignId"),
        secret: textOf(values, "secret"),
      }),
    );
    if (!outcome.ok) return;
    const { source, secret } = outcome.value;
    const url = sourceUrl(deps, source.id);
    const shown = PROVIDERS[source.provider].secretMadeBy === "baton" ? secret : null;
    await ack({
      response_action: "update",
      view: sourceSecretView({ name: source.name, url, secret: shown, steps: setupSteps(source.provider, url) }),
    });
    context.log.info({ provider: source.provider }, "lead source added");
    await refreshLeadSources(client, deps, context.teamId, metadataOf<{ listViewId: string }>(view.private_metadata).listViewId);
  };
}
