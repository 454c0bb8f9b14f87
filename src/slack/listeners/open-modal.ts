import type { ModalView } from "@slack/types";
import type { WebClient } from "@slack/web-api";
import { noticeModal } from "../blocks/notices.js";
import { tellOnError } from "../errors.js";

/**
 * Opens a modal at once with a loading notice (the trigger id lives 3 s and permission checks may ask Slack),
 * then fills it with `build()`, or with what went wrong: an AppError's message, or an apology (rethrown so
 * app.error logs it).
 */
export async function openModal(
  client: WebClient,
  triggerId: string,
  loading: { callbackId: string; title: string },
  build: () => Promise<ModalView>,
): Promise<void> {
  const opened = await client.views.open({ trigger_id: triggerId, view: noticeModal(loading.callbackId, loading.title, ["Loading…"]) });
  const viewId = opened.view?.id ?? "";
  const tell = (text: string) => client.views.update({ view_id: viewId, view: noticeModal(loading.callbackId, loading.title, [text]) });
  await tellOnError(tell, async () => {
    await client.views.update({ view_id: viewId, view: await build() });
  });
}
