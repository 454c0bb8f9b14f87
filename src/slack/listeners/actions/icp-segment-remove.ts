import type { BlockButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { noticeModal } from "../../blocks/notices.js";
import { playbookSavedView } from "../../blocks/playbook-common.js";
import { tellOnError } from "../../errors.js";
import { PlaybookViews } from "../../ids.js";
import type { ListenerDeps, WithContext } from "../../listener-deps.js";
import { publishChange } from "../publish-change.js";

/** "Remove this segment" (confirmed) in the segment modal: admins only; recorded, announced, leads regraded. */
export function removeSegmentAction(deps: ListenerDeps) {
  return async ({ ack, action, body, client, context }: WithContext<SlackActionMiddlewareArgs<BlockButtonAction>>) => {
    await ack();
    const viewId = body.view?.id ?? "";
    const tell = (text: string) => client.views.update({ view_id: viewId, view: noticeModal(PlaybookViews.notice, "ICP segment", [text]) });
    await tellOnError(tell, async () => {
      const saved = await deps.services.playbook.removeSegment(context.teamId, body.user.id, action.value ?? "");
      await client.views.update({ view_id: viewId, view: playbookSavedView(saved.change) });
      if (saved.change) await publishChange(deps, client, context, viewId, saved);
    });
  };
}
