import type { WebClient } from "@slack/web-api";
import type { WrittenAnnouncement } from "../../domain/playbook/announce.js";
import type { RecordedChange } from "../../domain/playbook/recorded-change.js";
import { playbookSavedView } from "../blocks/playbook-common.js";
import type { BatonContext, ListenerDeps } from "../listener-deps.js";

/**
 * After a playbook change is recorded (and the modal acked): announces it in both team channels, regrades every
 * lead for an ICP change, and shows the admin how both went in the modal they are looking at.
 */
export async function publishChange(
  deps: ListenerDeps,
  client: WebClient,
  context: BatonContext,
  viewId: string,
  { change, announcement }: { change: RecordedChange; announcement: WrittenAnnouncement },
): Promise<void> {
  const outcome = await deps.services.playbook.announceChange(announcement);
  const regraded = change.kind === "icp" ? await deps.services.playbook.applyIcpChange(context.teamId, change.id) : undefined;
  await client.views.update({ view_id: viewId, view: playbookSavedView(change, outcome, regraded) }).catch((error: unknown) => {
    // The change is recorded and announced either way; the admin may have closed the modal.
    context.log.warn({ err: error, changeId: change.id }, "could not show how the playbook change was announced");
  });
}
