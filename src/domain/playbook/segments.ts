// Adding, changing and removing ICP segments; every change is recorded in the same transaction.
import { isUniqueViolation } from "../../db/errors.js";
import {
  deleteSegment,
  type IcpSegment,
  insertPlaybookChange,
  insertSegment,
  listSegments,
  updateSegmentIfUnchanged,
} from "../../db/playbook.js";
import { AppError } from "../../lib/errors.js";
import { nextVersion, versionToken } from "../../lib/version.js";
import { editConflict, invalidInput } from "../form-errors.js";
import { COMPANY_SIZES } from "../leads/lead-input.js";
import { segmentChangeSummary } from "./change-summary.js";
import { type PlaybookDeps, type SavedChange, toRecordedChange } from "./context.js";
import { parseSegmentInput, SEGMENT_LIMITS, type SegmentInput, stringList } from "./icp-input.js";

export interface Segment extends SegmentInput {
  id: string;
  /** The segment's updatedAt as the edit modal carries it. */
  version: string;
}

export const toSegmentInput = (row: IcpSegment): SegmentInput => ({
  name: row.name,
  industries: stringList(row.industries),
  companySizes: COMPANY_SIZES.filter((size) => stringList(row.companySizes).includes(size)),
  regions: stringList(row.regions),
  titles: stringList(row.titles),
});

export const toSegment = (row: IcpSegment): Segment => ({ id: row.id, version: versionToken(row.updatedAt), ...toSegmentInput(row) });

const nameTaken = (name: string) =>
  new AppError("invalid_input", "That name is taken.", { name: `There's already a segment called “${name}”. Pick another name.` });

/** Adds a segment (no `segmentId`) or changes one, if it still has the `version` the admin saw. */
export async function saveSegment(
  deps: PlaybookDeps,
  teamId: string,
  actorId: string,
  raw: unknown,
  target: { segmentId?: string | undefined; version?: string | undefined },
): Promise<SavedChange & { segmentId: string }> {
  await deps.roles.requireAdmin(teamId, actorId, "change the ideal customer profile");
  const parsed = parseSegmentInput(raw);
  if (!parsed.ok) throw invalidInput(parsed.errors);
  const after = parsed.segment;
  const at = deps.clock.now();
  try {
    return await deps.db.$transaction(async (tx) => {
      const all = await listSegments(tx, teamId);
      const before = target.segmentId ? all.find((s) => s.id === target.segmentId) : undefined;
      if (target.segmentId && !before)
        throw new AppError("not_found", "That segment was removed meanwhile.", { name: "That segment was removed meanwhile." });
      if (before && versionToken(before.updatedAt) !== target.version) throw editConflict("name");
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
      const change = await insertPlaybookChange(tx, {
        teamId,
        kind: "icp",
        actorId,
        summary,
        before: previous && { id: segmentId, ...previous },
        after: { id: segmentId, ...after },
        at,
      });
      return { change: toRecordedChange(change), segmentId };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(after.name); // a concurrent add with the same name
    throw error;
  }
}

/** Removes a segment. Campaigns that targeted it keep running without a segment. */
export async function removeSegment(deps: PlaybookDeps, teamId: string, actorId: string, segmentId: string): Promise<SavedChange> {
  await deps.roles.requireAdmin(teamId, actorId, "change the ideal customer profile");
  const at = deps.clock.now();
  return deps.db.$transaction(async (tx) => {
    const before = (await listSegments(tx, teamId)).find((s) => s.id === segmentId);
    if (!before || (await deleteSegment(tx, teamId, segmentId)) === 0) {
      throw new AppError("not_found", "That segment isn't in this workspace's profile (anymore).");
    }
    const previous = toSegmentInput(before);
    const change = await insertPlaybookChange(tx, {
      teamId,
      kind: "icp",
      actorId,
      summary: segmentChangeSummary(previous, null),
      before: { id: segmentId, ...previous },
      after: null,
      at,
    });
    return { change: toRecordedChange(change) };
  });
}
