import { replyOnError } from "../../errors.js";
import type { ListenerDeps } from "../../listener-deps.js";
import { openCampaignForm } from "../open-campaign-form.js";
import type { Subcommand } from "./subcommands.js";

/** `/campaign`: the modal to log a campaign. */
export function campaignNewSubcommand(deps: ListenerDeps): Subcommand {
  return async ({ ack, client, body, context, respond }) => {
    await ack();
    await replyOnError(respond, () =>
      openCampaignForm(deps, client, { teamId: context.teamId, userId: body.user_id, triggerId: body.trigger_id }),
    );
  };
}
