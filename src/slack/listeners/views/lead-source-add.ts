import { PROVIDERS } from "../../../domain/intake/providers/index.js";
import { setupSteps } from "../../blocks/lead-source-steps.js";
import { sourceSecretView } from "../../blocks/lead-sources.js";
import { metadataOf, readForm } from "../../forms.js";
import type { ListenerDeps } from "../../listener-deps.js";
import { refreshLeadSources, sourceUrl } from "../../settings/lead-sources.js";
import { runSubmission } from "./submission.js";
import type { SubmitArgs } from "./types.js";

/** Adding a lead source: problems under their fields; then its address and secret, shown once. */
export function leadSourceAddSubmission(deps: ListenerDeps) {
  return async ({ ack, body, client, context, view }: SubmitArgs) => {
    const form = readForm(view.state.values);
    await runSubmission(ack, {
      fallbackBlock: "name",
      save: () =>
        deps.services.leadSources.add(context.teamId, body.user.id, {
          provider: form.one("provider") ?? "",
          name: form.one("name"),
          fieldMap: form.one("fieldMap"),
          defaultCampaignId: form.one("defaultCampaignId"),
          secret: form.one("secret"),
        }),
      confirmation: ({ source, secret }) => {
        const url = sourceUrl(deps, source.id);
        const shown = PROVIDERS[source.provider].secretMadeBy === "baton" ? secret : null;
        return sourceSecretView({ name: source.name, url, secret: shown, steps: setupSteps(source.provider, url) });
      },
      afterAck: async ({ source }) => {
        context.log.info({ provider: source.provider }, "lead source added");
        await refreshLeadSources(client, deps, context.teamId, metadataOf<{ listViewId: string }>(view.private_metadata).listViewId);
      },
    });
  };
}
