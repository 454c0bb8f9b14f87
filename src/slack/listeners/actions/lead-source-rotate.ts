import { PROVIDERS } from "../../../domain/intake/providers/index.js";
import { setupSteps } from "../../blocks/lead-source-steps.js";
import { sourceSecretView } from "../../blocks/lead-sources.js";
import type { ListenerDeps } from "../../listener-deps.js";
import { sourceUrl } from "../../settings/lead-sources.js";
import type { ButtonArgs } from "./types.js";

/** "New secret" on a source (after a confirm): the old one stops working at once; the new one is shown once. */
export function leadSourceRotateAction(deps: ListenerDeps) {
  return async ({ ack, action, body, client, context }: ButtonArgs) => {
    await ack();
    const source = await deps.services.leadSources.get(context.teamId, action.value ?? "");
    if (PROVIDERS[source.provider].secretMadeBy === "provider") {
      const steps = `${PROVIDERS[source.provider].label} makes this secret: change it there, then paste it in *Edit mapping* → *Secret from the provider*.`;
      await client.views.push({
        trigger_id: body.trigger_id,
        view: sourceSecretView({ name: source.name, url: sourceUrl(deps, source.id), secret: null, steps }),
      });
      return;
    }
    const secret = await deps.services.leadSources.rotate(context.teamId, body.user.id, source.id);
    context.log.info({ provider: source.provider }, "lead source secret rotated");
    const url = sourceUrl(deps, source.id);
    await client.views.push({
      trigger_id: body.trigger_id,
      view: sourceSecretView({ name: source.name, url, secret, steps: setupSteps(source.provider, url), rotated: true }),
    });
  };
}
