// The App Home's own buttons: Log a lead and Log a campaign (the same modals as /lead and /campaign), and Settings.
import { leadModal } from "../../blocks/lead-modal.js";
import { answerOnError, clickOrigin } from "../../errors.js";
import type { ListenerDeps } from "../../listener-deps.js";
import { openSettingsHome } from "../../settings/open-settings-home.js";
import { openCampaignForm } from "../open-campaign-form.js";
import type { ButtonArgs } from "./types.js";

export function homeLogLeadAction(deps: ListenerDeps) {
  return async (args: ButtonArgs) => {
    await args.ack();
    await answerOnError(clickOrigin(args), async () => {
      const gradedByIcp = await deps.services.playbook.hasIcp(args.context.teamId);
      await args.client.views.open({ trigger_id: args.body.trigger_id, view: leadModal({ email: null }, {}, { gradedByIcp }) });
    });
  };
}

export function homeLogCampaignAction(deps: ListenerDeps) {
  return async (args: ButtonArgs) => {
    const { ack, body, client, context } = args;
    await ack();
    await answerOnError(clickOrigin(args), async () => {
      await openCampaignForm(deps, client, { teamId: context.teamId, userId: body.user.id, triggerId: body.trigger_id });
    });
  };
}

export function homeSettingsAction(deps: ListenerDeps) {
  return async (args: ButtonArgs) => {
    await args.ack();
    await answerOnError(clickOrigin(args), () =>
      openSettingsHome(deps, args.client, args.body.trigger_id, args.context.teamId, args.body.user.id),
    );
  };
}
