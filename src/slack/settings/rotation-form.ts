import type { RotationForm } from "../blocks/rotation-settings.js";
import type { Form } from "../forms.js";

/** The Rotation modal's state as typed so far; `away` flags come from what is stored. */
export function readRotationForm(form: Form, awayUsers: Set<string>): RotationForm {
  const switches = form.many("switches");
  return {
    enabled: switches.includes("enabled"),
    reassignOnBreach: switches.includes("reassign"),
    rows: form.many("members").map((userId) => ({
      userId,
      weight: form.one(`weight:${userId}`) ?? "1",
      dailyCap: form.one(`cap:${userId}`) ?? "",
      away: awayUsers.has(userId),
    })),
  };
}

/** The same state as the raw input the domain validates. */
export function rotationInput(form: RotationForm) {
  return {
    enabled: form.enabled,
    reassignOnBreach: form.reassignOnBreach,
    members: form.rows.map((r) => ({ userId: r.userId, weight: r.weight, dailyCap: r.dailyCap })),
  };
}
