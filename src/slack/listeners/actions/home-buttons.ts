// The App Home's own buttons: Log a lead and Log a campaign (the same modals as /lead and /campaign), and Settings.
import { todayIn } from "../../../domain/campaigns/details.js";
import { campaignFormView } from "../../blocks/campaign-form.js";
import { leadModal } from "../../blocks/lead-modal.js";
import { answerOnError, clickOrigin } from "../../errors.js";
import type { ListenerDeps } from "../../listener-deps.js";
import { openSettingsHome } from "../../settings/open-settings-home.js";
import type { ButtonArgs } from "./types.js";

export function homeLogLeadAction(_deps: ListenerDeps) {
  return async (args: ButtonArgs) => {
    await args.ack();
    await answerOnError(clickOrigin(args), async () => {
      await args.client.views.open({ trigger_id: args.body.trigger_id, view: leadModal({ email: null }, {}) });
    });
  };
}

export function homeLogCampaignAction(deps: ListenerDeps) {
  return async (args: ButtonArgs) => {
    const { ack, body, client, context } = args;
    await ack();
    await answerOnError(clickOrigin(args), async () => {
      const [options, workspace] = await Promise.all([
        deps.services.campaigns.formOptions(context.teamId),
        deps.services.workspaces.get(context.teamId),
      ]);
      const today = todayIn(workspace.timezone, deps.clock.now());
      await client.views.open({
        trigger_id: body.trigger_id,
        view: campaignFormView({ options: { ...options, today }, userId: body.user.id }),
      });
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
