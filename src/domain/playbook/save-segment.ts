// Adding and changing ICP segments; every change is recorded in the same transaction.

import { isUniqueViolation } from "../../db/errors.js";
import { insertSegment, listSegments, updateSegmentIfUnchanged } from "../../db/playbook.js";
import { AppError } from "../../lib/errors.js";
import { nextVersion, versionToken } from "../../lib/version.js";
import { editConflict, invalidInput } from "../form-errors.js";
import { segmentChangeSummary } from "./change-summary.js";
import type { PlaybookDeps } from "./deps.js";
import { parseSegmentInput, SEGMENT_LIMITS } from "./icp-input.js";
import { recordPlaybookChange, type SavedChange } from "./recorded-change.js";
import { toSegmentInput } from "./segment.js";

const nameTaken = (name: string) =>
  new AppError("invalid_input", "That name is taken.", { name: `There's already a segment called “${name}”. Pick another name.` });

export interface SegmentEdit {
  teamId: string;
  actorId: string;
  raw: unknown;
  /** The segment to change; none to add one. */
  segmentId?: string | undefined;
  /** Its version when the modal opened. */
  version?: string | undefined;
}

/** Adds a segment (no `segmentId`) or changes one, if it still has the `version` the admin saw. */
export async function saveSegment(deps: PlaybookDeps, edit: SegmentEdit): Promise<SavedChange & { segmentId: string }> {
  const { teamId, actorId, raw, segmentId: targetId } = edit;
  await deps.roles.requireAdmin(teamId, actorId, "change the ideal customer profile");
  const parsed = parseSegmentInput(raw);
  if (!parsed.ok) throw invalidInput(parsed.errors);
  const after = parsed.segment;
  const at = deps.clock.now();
  const lease = deps.outbox.leaseFrom(at);
  try {
    return await deps.db.$transaction(async (tx) => {
      const all = await listSegments(tx, teamId);
      const before = targetId ? all.find((s) => s.id === targetId) : undefined;
      if (targetId && !before)
        throw new AppError("not_found", "That segment was removed meanwhile.", { name: "That segment was removed meanwhile." });
      if (before && versionToken(before.updatedAt) !== edit.version) throw editConflict("name");
      if (all.some((s) => s.id !== before?.id && s.name.toLowerCase() === after.name.toLowerCase())) throw nameTaken(after.name);
      if (!before && all.length >= SEGMENT_LIMITS.segments) {
        throw invalidInput({ name: `A profile can have at most ${SEGMENT_LIMITS.segments} segments. Change or remove one instead.` });
      }
      const previous = before ? toSegmentInput(before) : null;
      const summary = segmentChangeSummary(previous, after);
      if (before && summary === "") return { change: null, segmentId: before.id };
      let segmentId: string;
      if (before) {
        const saved = await updateSegmentIfUnchanged(tx, teamId, before.id, before.updatedAt, {
          ...after,
          updatedAt: nextVersion(at, before.updatedAt),
        });
        if (saved === 0) throw editConflict("name");
        segmentId = before.id;
      } else {
        const position = all.reduce((max, s) => Math.max(max, s.position + 1), 0);
        segmentId = (await insertSegment(tx, teamId, { ...after, position, at })).id;
      }
      const recorded = await recordPlaybookChange(
        tx,
        {
          teamId,
          kind: "icp",
          actorId,
          summary,
          before: previous && { id: segmentId, ...previous },
          after: { id: segmentId, ...after },
          at,
        },
        lease,
      );
      return { ...recorded, segmentId };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(after.name); // a concurrent add with the same name
    throw error;
  }
}
