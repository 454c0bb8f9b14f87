import type { RotationForm } from "../blocks/rotation-settings.js";
import { checkedOf, textOf, usersOf, type ViewValues } from "../forms.js";

/** The Rotation modal's state as typed so far; `away` flags come from what is stored. */
export function readRotationForm(values: ViewValues, awayUsers: Set<string>): RotationForm {
  const switches = checkedOf(values, "switches");
  return {
    enabled: switches.includes("enabled"),
    reassignOnBreach: switches.includes("reassign"),
    rows: usersOf(values, "members").map((userId) => ({
      userId,
      weight: textOf(values, `weight:${userId}`) ?? "1",
      dailyCap: textOf(values, `cap:${userId}`) ?? "",
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
