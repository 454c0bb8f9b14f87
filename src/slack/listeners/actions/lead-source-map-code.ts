import type { BlockAction, SlackActionMiddlewareArgs, StaticSelectAction } from "@slack/bolt";
import { escapeMrkdwn } from "../../blocks/text.js";
import type { ListenerDeps, WithContext } from "../../listener-deps.js";
import { changeFromList, refreshLeadSources } from "../../settings/lead-sources.js";

/** A campaign picked beside an unknown tracking code: its leads move there, and later leads with it match. */
export function leadSourceMapCodeAction(deps: ListenerDeps) {
  return async ({ ack, action, body, client, context }: WithContext<SlackActionMiddlewareArgs<BlockAction<StaticSelectAction>>>) => {
    await ack();
    const code = action.block_id.replace(/^code:/, "");
    await changeFromList(client, deps, context.teamId, body.view?.id, async () => {
      const moved = await deps.services.leadSources.mapCode(context.teamId, body.user.id, code, action.selected_option.value);
      const campaign = escapeMrkdwn(action.selected_option.text.text);
      const note = `:white_check_mark: \`${escapeMrkdwn(code)}\` now means *${campaign}*: ${moved} lead${moved === 1 ? "" : "s"} moved there.`;
      await refreshLeadSources(client, deps, context.teamId, body.view?.id, note);
    });
  };
}
