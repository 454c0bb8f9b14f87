import type { ListenerDeps } from "../../listener-deps.js";
import { changeFromList, refreshLeadSources } from "../../settings/lead-sources.js";
import type { ButtonArgs } from "./types.js";

/** "Remove" on a source (after a confirm): its address stops taking leads; the leads it sent stay. */
export function leadSourceRemoveAction(deps: ListenerDeps) {
  return async ({ ack, action, body, client, context }: ButtonArgs) => {
    await ack();
    await changeFromList(client, deps, context.teamId, body.view?.id, async () => {
      await deps.services.leadSources.remove(context.teamId, body.user.id, action.value ?? "");
      await refreshLeadSources(client, deps, context.teamId, body.view?.id, ":wastebasket: Source removed.");
    });
  };
}
