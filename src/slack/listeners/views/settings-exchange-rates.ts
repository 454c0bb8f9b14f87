import type { ListenerDeps } from "../../listener-deps.js";
import { refreshSettingsHome } from "../../settings/refresh-home.js";
import { runSubmission } from "./submission.js";
import type { SubmitArgs } from "./types.js";

const RATE_BLOCK = /^rate_([A-Z]{3})$/;

/** Saving "Exchange rates": every rate in the form at once; a rate that is not a positive number is shown inline. */
export function exchangeRatesSubmission(deps: ListenerDeps) {
  return async ({ ack, body, client, context, view }: SubmitArgs) => {
    const typed: Record<string, string> = {};
    for (const [blockId, elements] of Object.entries(view.state.values)) {
      const currency = RATE_BLOCK.exec(blockId)?.[1];
      if (currency) typed[currency] = Object.values(elements)[0]?.value ?? "";
    }
    const first = Object.keys(typed)[0];
    await runSubmission(ack, {
      fallbackBlock: first ? `rate_${first}` : "rates",
      save: () => deps.services.exchangeRates.save(context.teamId, body.user.id, typed),
      afterAck: () => refreshSettingsHome({ client, teamId: context.teamId, userId: body.user.id, deps }, view.previous_view_id),
    });
  };
}
