import { findRotationMember, replaceRotationMembers, rotationMembers, setAway, setRotationSwitches } from "../../db/rotation.js";
import { findWorkspace } from "../../db/workspaces.js";
import { AppError } from "../../lib/errors.js";
import type { LeadDeps } from "../leads/deps.js";
import { parseRotationSettings } from "./rotation-settings.js";

export interface RotationMemberView {
  userId: string;
  weight: number;
  dailyCap: number | null;
  away: boolean;
}

export interface RotationView {
  enabled: boolean;
  reassignOnBreach: boolean;
  members: RotationMemberView[];
}

/** The rep rotation's settings (admins) and each rep's away flag (the rep). */
export class Rotation {
  constructor(private readonly deps: Pick<LeadDeps, "db" | "roles">) {}

  async settings(teamId: string): Promise<RotationView> {
    const [workspace, members] = await Promise.all([findWorkspace(this.deps.db, teamId), rotationMembers(this.deps.db, teamId)]);
    return {
      enabled: workspace?.rotationEnabled ?? false,
      reassignOnBreach: workspace?.reassignOnBreach ?? false,
      members: members.map((m) => ({ userId: m.userId, weight: m.weight, dailyCap: m.dailyCap, away: m.away })),
    };
  }

  /** Saves the settings from raw form values; throws AppError("invalid_input") with per-field messages. */
  async save(teamId: string, actorId: string, raw: unknown): Promise<void> {
    await this.deps.roles.requireAdmin(teamId, actorId, "change the rotation");
    const parsed = parseRotationSettings(raw);
    if (!parsed.ok) throw new AppError("invalid_input", "Some rotation settings need fixing.", parsed.errors);
    const { members, ...switches } = parsed.settings;
    const guests: string[] = [];
    for (const m of members) if (await this.deps.roles.isGuest(teamId, m.userId)) guests.push(m.userId);
    if (guests.length > 0) {
      const who = guests.map((id) => `<@${id}>`).join(", ");
      throw new AppError("invalid_input", "Guests cannot be in the rotation.", {
        members: `${who} ${guests.length === 1 ? "is a guest" : "are guests"}: guests never get leads. Remove them from the rotation.`,
      });
    }
    await this.deps.db.$transaction(async (tx) => {
      await setRotationSwitches(tx, teamId, switches);
      await replaceRotationMembers(tx, teamId, members);
    });
  }

  /** `/baton away` and `/baton back`: false when the person is not in the rotation. */
  setAway(teamId: string, userId: string, away: boolean): Promise<boolean> {
    return setAway(this.deps.db, teamId, userId, away);
  }

  async status(teamId: string, userId: string): Promise<{ member: boolean; away: boolean; enabled: boolean }> {
    const [member, workspace] = await Promise.all([findRotationMember(this.deps.db, teamId, userId), findWorkspace(this.deps.db, teamId)]);
    return { member: member !== null, away: member?.away ?? false, enabled: workspace?.rotationEnabled ?? false };
  }
}
