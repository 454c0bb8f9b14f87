import { todayIn } from "../../../domain/campaigns/details.js";
import { campaignFormView } from "../../blocks/campaign-form.js";
import { replyOnError } from "../../errors.js";
import type { ListenerDeps } from "../../listener-deps.js";
import type { Subcommand } from "./subcommands.js";

/** `/campaign`: the modal to log a campaign (a few quick reads, then views.open while the trigger is fresh). */
export function campaignNewSubcommand(deps: ListenerDeps): Subcommand {
  return async ({ ack, client, body, context, respond }) => {
    await ack();
    await replyOnError(respond, async () => {
      const [options, workspace] = await Promise.all([
        deps.services.campaigns.formOptions(context.teamId),
        deps.services.workspaces.get(context.teamId),
      ]);
      const today = todayIn(workspace.timezone, deps.clock.now());
      await client.views.open({
        trigger_id: body.trigger_id,
        view: campaignFormView({ options: { ...options, today }, userId: body.user_id }),
      });
    });
  };
}
