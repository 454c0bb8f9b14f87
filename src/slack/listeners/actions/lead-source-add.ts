import { leadSourceForm } from "../../blocks/lead-source-form.js";
import type { ListenerDeps } from "../../listener-deps.js";
import { campaignPicks } from "../../settings/lead-sources.js";
import type { ButtonArgs } from "./types.js";

/** "Add a source" in /baton settings → Lead sources: the form on top of the list (admins only). */
export function leadSourceAddAction(deps: ListenerDeps) {
  return async ({ ack, body, client, context }: ButtonArgs) => {
    await ack();
    await deps.services.roles.requireAdmin(context.teamId, body.user.id, "add a lead source");
    const view = leadSourceForm({}, await campaignPicks(deps, context.teamId), body.view?.id);
    await client.views.push({ trigger_id: body.trigger_id, view });
  };
}
