import { plural } from "../blocks/format.js";
import { rotationSettingsModal } from "../blocks/rotation-settings.js";
import type { SettingsSection } from "./section.js";

/** "Rotation": who gets new handoffs, with weights and daily caps; on/off; reassignment after a breach. */
export const rotationSection: SettingsSection = {
  key: "rotation",
  title: "Rotation",
  async summary({ deps, teamId }) {
    const s = await deps.services.rotation.settings(teamId);
    if (!s.enabled) return `Off · ${plural(s.members.length, "rep")} listed`;
    const away = s.members.filter((m) => m.away).length;
    return `On · ${plural(s.members.length, "rep")}${away > 0 ? `, ${away} away` : ""} · reassign on breach: ${s.reassignOnBreach ? "yes" : "no"}`;
  },
  async open({ client, deps, teamId, triggerId }) {
    const s = await deps.services.rotation.settings(teamId);
    const rows = s.members.map((m) => ({
      userId: m.userId,
      weight: String(m.weight),
      dailyCap: m.dailyCap === null ? "" : String(m.dailyCap),
      away: m.away,
    }));
    await client.views.push({
      trigger_id: triggerId,
      view: rotationSettingsModal({ enabled: s.enabled, reassignOnBreach: s.reassignOnBreach, rows }),
    });
  },
};
