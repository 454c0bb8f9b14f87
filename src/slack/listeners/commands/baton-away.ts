import { replyOnError } from "../../errors.js";
import { refreshHome } from "../../home/publish-home.js";
import type { ListenerDeps } from "../../listener-deps.js";
import type { Subcommand } from "./subcommands.js";

const NOT_IN_ROTATION =
  "You are not in the lead rotation, so there is nothing to change. A Baton admin adds reps in /baton settings → Rotation.";

/** `/baton away` and `/baton back`: take yourself out of the lead rotation, and back in. */
export function availabilitySubcommand(deps: ListenerDeps, away: boolean): Subcommand {
  return async ({ ack, body, client, context, respond }) => {
    await ack();
    await replyOnError(respond, async () => {
      const member = await deps.services.rotation.setAway(context.teamId, body.user_id, away);
      const text = !member
        ? NOT_IN_ROTATION
        : away
          ? ":palm_tree: You are marked away: the rotation won't send you new leads until you say `/baton back`."
          : ":large_green_circle: Welcome back: the rotation sends you new leads again during your working hours.";
      await respond({ response_type: "ephemeral", text });
      if (member) await refreshHome(deps, client, context.teamId, body.user_id);
    });
  };
}
