// A change to the playbook as it is recorded (and shown, and announced).
import type { Tx } from "../../db/client.js";
import { insertPlaybookChange, type NewPlaybookChange, type PlaybookChange } from "../../db/playbook.js";
import { EffectKinds } from "../outbox/effects.js";
import { enqueueTeamAnnouncement, type WrittenAnnouncement } from "./announce.js";

export type PlaybookKind = "icp" | "brand" | "agreement";

/** A recorded playbook change: who, when, what (a summary), and the values before and after. */
export interface RecordedChange {
  id: string;
  kind: PlaybookKind;
  actorId: string;
  summary: string;
  at: Date;
}

export const toRecordedChange = (row: PlaybookChange): RecordedChange => ({
  id: row.id,
  kind: row.kind as PlaybookKind,
  actorId: row.actorId,
  summary: row.summary,
  at: row.at,
});

/**
 * The result of saving a playbook form: the change recorded with its announcement (for the saver to deliver), or
 * null when nothing actually changed.
 */
export type SavedChange = { change: null } | { change: RecordedChange; announcement: WrittenAnnouncement };

/** An admin's save of a playbook form: the modal's values, and the version it opened. */
export interface PlaybookEdit {
  teamId: string;
  actorId: string;
  raw: unknown;
  /** The document's version when the modal opened ("" when there was none yet). */
  version: string;
}

/** Records a playbook change with its announcement in both team channels, in the change's transaction. */
export async function recordPlaybookChange(
  tx: Tx,
  change: NewPlaybookChange,
  lease: Date,
): Promise<{ change: RecordedChange; announcement: WrittenAnnouncement }> {
  const recorded = await insertPlaybookChange(tx, change);
  const announcement = await enqueueTeamAnnouncement(
    tx,
    { teamId: change.teamId, kind: EffectKinds.playbookChanged, subjectId: recorded.id, channels: ["sales", "marketing"] },
    recorded.at,
    lease,
    { change: recorded },
  );
  return { change: toRecordedChange(recorded), announcement };
}
