// Removing an ICP segment; the change is recorded in the same transaction.

import { deleteSegment, listSegments } from "../../db/playbook.js";
import { AppError } from "../../lib/errors.js";
import { segmentChangeSummary } from "./change-summary.js";
import type { PlaybookDeps } from "./deps.js";
import { recordPlaybookChange, type SavedChange } from "./recorded-change.js";
import { toSegmentInput } from "./segment.js";

/** Removes a segment. Campaigns that targeted it keep running without a segment. */
export async function removeSegment(deps: PlaybookDeps, teamId: string, actorId: string, segmentId: string): Promise<SavedChange> {
  await deps.roles.requireAdmin(teamId, actorId, "change the ideal customer profile");
  const at = deps.clock.now();
  const lease = deps.outbox.leaseFrom(at);
  return deps.db.$transaction(async (tx) => {
    const before = (await listSegments(tx, teamId)).find((s) => s.id === segmentId);
    if (!before || (await deleteSegment(tx, teamId, segmentId)) === 0) {
      throw new AppError("not_found", "That segment isn't in this workspace's profile (anymore).");
    }
    const previous = toSegmentInput(before);
    return recordPlaybookChange(
      tx,
      {
        teamId,
        kind: "icp",
        actorId,
        summary: segmentChangeSummary(previous, null),
        before: { id: segmentId, ...previous },
        after: null,
        at,
      },
      lease,
    );
  });
}
