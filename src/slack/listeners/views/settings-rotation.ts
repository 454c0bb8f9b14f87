import { isAppError } from "../../../lib/errors.js";
import { messageFor, viewErrorsFor } from "../../errors.js";
import type { ViewValues } from "../../forms.js";
import type { ListenerDeps } from "../../listener-deps.js";
import { refreshSettingsHome } from "../../settings/refresh-home.js";
import { readRotationForm, rotationInput } from "../../settings/rotation-form.js";
import type { SubmitArgs } from "./types.js";

/** Saving "Rotation": per-rep weight and cap errors show on that rep's row. */
export function rotationSettingsSubmission(deps: ListenerDeps) {
  return async ({ ack, body, client, context, view }: SubmitArgs) => {
    const form = readRotationForm(view.state.values as ViewValues, new Set());
    try {
      await deps.services.rotation.save(context.teamId, body.user.id, rotationInput(form));
    } catch (error) {
      await ack({ response_action: "errors", errors: viewErrorsFor(error) ?? { members: messageFor(error) } });
      if (!isAppError(error)) throw error;
      return;
    }
    await ack();
    await refreshSettingsHome({ client, teamId: context.teamId, userId: body.user.id, deps }, view.previous_view_id);
  };
}
