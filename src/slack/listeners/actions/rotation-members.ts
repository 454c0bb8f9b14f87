import { rotationSettingsModal } from "../../blocks/rotation-settings.js";
import { readForm } from "../../forms.js";
import type { ListenerDeps } from "../../listener-deps.js";
import { readRotationForm } from "../../settings/rotation-form.js";
import type { AnyBlockActionArgs } from "./types.js";

/** The Rotation modal's reps changed: re-render it with a weight and cap row per rep, keeping what was typed. */
export function rotationMembersAction(deps: ListenerDeps) {
  return async ({ ack, body, client, context }: AnyBlockActionArgs) => {
    await ack();
    if (!body.view) return;
    const stored = await deps.services.rotation.settings(context.teamId);
    const away = new Set(stored.members.filter((m) => m.away).map((m) => m.userId));
    const form = readRotationForm(readForm(body.view.state.values), away);
    await client.views.update({ view_id: body.view.id, hash: body.view.hash, view: rotationSettingsModal(form) });
  };
}
