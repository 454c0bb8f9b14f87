import { answerOnError, clickOrigin } from "../../errors.js";
import { publishHome } from "../../home/publish-home.js";
import type { ListenerDeps } from "../../listener-deps.js";
import type { ButtonArgs } from "./types.js";

/** The App Home's away / back toggle (value: "away" or "back"). */
export function availabilityAction(deps: ListenerDeps) {
  return async (args: ButtonArgs) => {
    const { ack, action, body, client, context } = args;
    await ack();
    await answerOnError(clickOrigin(args), async () => {
      await deps.services.rotation.setAway(context.teamId, body.user.id, action.value === "away");
      await publishHome(deps, client, context.teamId, body.user.id);
    });
  };
}
