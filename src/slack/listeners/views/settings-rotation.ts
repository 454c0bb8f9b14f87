import { readForm } from "../../forms.js";
import type { ListenerDeps } from "../../listener-deps.js";
import { refreshSettingsHome } from "../../settings/refresh-home.js";
import { readRotationForm, rotationInput } from "../../settings/rotation-form.js";
import { runSubmission } from "./submission.js";
import type { SubmitArgs } from "./types.js";

/** Saving "Rotation": per-rep weight and cap errors show on that rep's row. */
export function rotationSettingsSubmission(deps: ListenerDeps) {
  return async ({ ack, body, client, context, view }: SubmitArgs) => {
    const form = readRotationForm(readForm(view.state.values), new Set());
    await runSubmission(ack, {
      fallbackBlock: "members",
      save: () => deps.services.rotation.save(context.teamId, body.user.id, rotationInput(form)),
      afterAck: () => refreshSettingsHome({ client, teamId: context.teamId, userId: body.user.id, deps }, view.previous_view_id),
    });
  };
}
