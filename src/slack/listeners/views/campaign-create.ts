import type { SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import { campaignLoggedView } from "../../blocks/campaign-saved.js";
import type { ListenerDeps, WithContext } from "../../listener-deps.js";
import { campaignInput } from "./campaign-input.js";
import { readFormState } from "./form-state.js";
import { runSubmission } from "./submission.js";

/**
 * Logging a campaign: validated and saved before the ack (inline errors keep the modal open), then the modal
 * shows the tracking code while the campaign is announced in the sales channel, and then how that went.
 */
export function campaignCreateView(deps: ListenerDeps) {
  return async ({ ack, body, view, client, context }: WithContext<SlackViewMiddlewareArgs<ViewSubmitAction>>) => {
    const input = campaignInput(readFormState(view.state.values));
    const saved = await runSubmission(ack, "name", () => deps.services.campaigns.create(context.teamId, body.user.id, input));
    if (!saved.ok) return;
    const campaign = saved.value;
    await ack({ response_action: "update", view: campaignLoggedView(campaign) });
    const outcome = await deps.services.campaigns.announceLaunch(context.teamId, campaign.id);
    await client.views.update({ view_id: view.id, view: campaignLoggedView(campaign, outcome) }).catch(() => undefined);
  };
}
