import { readForm } from "../../forms.js";
import type { ListenerDeps } from "../../listener-deps.js";
import { refreshSettingsHome } from "../../settings/refresh-home.js";
import { runSubmission } from "./submission.js";
import type { SubmitArgs } from "./types.js";

/** Saving "Channels and people": validated by the domain, errors shown on the setting they concern. */
export function channelsSettingsSubmission(deps: ListenerDeps) {
  return async ({ ack, body, client, context, view }: SubmitArgs) => {
    const form = readForm(view.state.values);
    const raw = {
      salesChannelId: form.one("salesChannelId") ?? null,
      marketingChannelId: form.one("marketingChannelId") ?? null,
      salesUserGroupId: form.one("salesUserGroupId") ?? null,
      salesUserIds: form.many("salesUserIds"),
      adminUserIds: form.many("adminUserIds"),
      timezone: form.one("timezone") ?? "",
      currency: form.one("currency") ?? "",
      workStart: form.one("workStart"),
      workEnd: form.one("workEnd"),
      workDays: form.many("workDays"),
    };
    await runSubmission(ack, {
      fallbackBlock: "timezone",
      save: () => deps.services.channelsAndPeople.save(context.teamId, body.user.id, raw),
      afterAck: () => refreshSettingsHome({ client, teamId: context.teamId, userId: body.user.id, deps }, view.previous_view_id),
    });
  };
}
