import { fieldMapText } from "../../../domain/intake/field-map.js";
import { leadSourceForm } from "../../blocks/lead-source-form.js";
import type { ListenerDeps } from "../../listener-deps.js";
import { campaignPicks } from "../../settings/lead-sources.js";
import type { ButtonArgs } from "./types.js";

/** "Edit mapping" on a source: its field mapping and default campaign (admins only). */
export function leadSourceEditAction(deps: ListenerDeps) {
  return async ({ ack, action, body, client, context }: ButtonArgs) => {
    await ack();
    await deps.services.roles.requireAdmin(context.teamId, body.user.id, "change a lead source");
    const source = await deps.services.leadSources.get(context.teamId, action.value ?? "");
    const values = {
      sourceId: source.id,
      provider: source.provider,
      name: source.name,
      fieldMap: fieldMapText(source.fieldMap),
      defaultCampaignId: source.defaultCampaignId,
    };
    await client.views.push({
      trigger_id: body.trigger_id,
      view: leadSourceForm(values, await campaignPicks(deps, context.teamId), body.view?.id),
    });
  };
}
