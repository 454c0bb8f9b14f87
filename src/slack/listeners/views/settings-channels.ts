import { isAppError } from "../../../lib/errors.js";
import { messageFor, viewErrorsFor } from "../../errors.js";
import { checkedOf, conversationOf, selectedOf, textOf, timeOf, usersOf, type ViewValues } from "../../forms.js";
import type { ListenerDeps } from "../../listener-deps.js";
import { refreshSettingsHome } from "../../settings/refresh-home.js";
import type { SubmitArgs } from "./types.js";

/** Saving "Channels and people": validated by the domain, errors shown on the setting they concern. */
export function channelsSettingsSubmission(deps: ListenerDeps) {
  return async ({ ack, body, client, context, view }: SubmitArgs) => {
    const v = view.state.values as ViewValues;
    const raw = {
      salesChannelId: conversationOf(v, "salesChannelId"),
      marketingChannelId: conversationOf(v, "marketingChannelId"),
      salesUserGroupId: selectedOf(v, "salesUserGroupId") ?? null,
      salesUserIds: usersOf(v, "salesUserIds"),
      adminUserIds: usersOf(v, "adminUserIds"),
      timezone: textOf(v, "timezone") ?? "",
      currency: textOf(v, "currency") ?? "",
      workStart: timeOf(v, "workStart"),
      workEnd: timeOf(v, "workEnd"),
      workDays: checkedOf(v, "workDays"),
    };
    try {
      await deps.services.channelsAndPeople.save(context.teamId, body.user.id, raw);
    } catch (error) {
      await ack({ response_action: "errors", errors: viewErrorsFor(error) ?? { timezone: messageFor(error) } });
      if (!isAppError(error)) throw error;
      return;
    }
    await ack();
    await refreshSettingsHome({ client, teamId: context.teamId, userId: body.user.id, deps }, view.previous_view_id);
  };
}
