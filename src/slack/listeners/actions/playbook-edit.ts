// Edit buttons of the playbook messages: each opens its modal for Baton admins, or says who may.
import type { BlockButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { ModalView } from "@slack/types";
import { agreementModal } from "../../blocks/agreement.js";
import { brandGuideModal } from "../../blocks/brand-guide.js";
import { segmentModal } from "../../blocks/icp.js";
import { PlaybookViews } from "../../ids.js";
import type { ListenerDeps, WithContext } from "../../listener-deps.js";
import { openModal } from "../open-modal.js";

type Args = WithContext<SlackActionMiddlewareArgs<BlockButtonAction>>;

function adminModal(deps: ListenerDeps, title: string, doing: string, build: (args: Args) => Promise<ModalView>) {
  return async (args: Args) => {
    const { ack, body, client, context } = args;
    await ack();
    await openModal(client, body.trigger_id, { callbackId: PlaybookViews.notice, title }, async () => {
      await deps.services.roles.requireAdmin(context.teamId, body.user.id, doing);
      return build(args);
    });
  };
}

export const addSegmentAction = (deps: ListenerDeps) =>
  adminModal(deps, "Add ICP segment", "change the ideal customer profile", async () => segmentModal());

export const editSegmentAction = (deps: ListenerDeps) =>
  adminModal(deps, "Edit ICP segment", "change the ideal customer profile", async ({ action, context }) =>
    segmentModal(await deps.services.playbook.segment(context.teamId, action.value ?? "")),
  );

export const editBrandAction = (deps: ListenerDeps) =>
  adminModal(deps, "Brand guide", "change the brand guide", async ({ context }) =>
    brandGuideModal(await deps.services.playbook.brandGuide(context.teamId)),
  );

export const editAgreementAction = (deps: ListenerDeps) =>
  adminModal(deps, "Agreement", "change the sales-marketing agreement", async ({ context }) =>
    agreementModal(await deps.services.playbook.agreement(context.teamId)),
  );
