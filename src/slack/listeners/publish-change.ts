import type { WebClient } from "@slack/web-api";
import type { RecordedChange } from "../../domain/playbook/recorded-change.js";
import { playbookSavedView } from "../blocks/playbook-common.js";
import type { ListenerDeps } from "../listener-deps.js";

/**
 * After a playbook change is recorded (and the modal acked): announces it in both team channels, regrades every
 * lead for an ICP change, and shows the admin how both went in the modal they are looking at.
 */
export async function publishChange(
  deps: ListenerDeps,
  client: WebClient,
  teamId: string,
  viewId: string,
  change: RecordedChange,
): Promise<void> {
  const outcome = await deps.services.playbook.announceChange(teamId, change.id);
  const regraded = change.kind === "icp" ? await deps.services.playbook.applyIcpChange(teamId, change.id) : undefined;
  await client.views.update({ view_id: viewId, view: playbookSavedView(change, outcome, regraded) }).catch(() => undefined);
}
