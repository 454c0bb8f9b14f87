import { readForm } from "../../forms.js";
import type { ListenerDeps } from "../../listener-deps.js";
import { refreshSettingsHome } from "../../settings/refresh-home.js";
import { runSubmission } from "./submission.js";
import type { SubmitArgs } from "./types.js";

/** Saving "Customer data": validated by the domain, errors shown on the setting they concern. */
export function customerDataSubmission(deps: ListenerDeps) {
  return async ({ ack, body, client, context, view }: SubmitArgs) => {
    const form = readForm(view.state.values);
    const raw = {
      marketingUserGroupId: form.one("marketingUserGroupId") ?? null,
      marketingUserIds: form.many("marketingUserIds"),
      exportUserGroupId: form.one("exportUserGroupId") ?? null,
      exportUserIds: form.many("exportUserIds"),
    };
    await runSubmission(ack, {
      fallbackBlock: "marketingUserIds",
      save: () => deps.services.customerData.save(context.teamId, body.user.id, raw),
      afterAck: () => refreshSettingsHome({ client, teamId: context.teamId, userId: body.user.id, deps }, view.previous_view_id),
    });
  };
}
