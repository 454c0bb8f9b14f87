// A change to the playbook as it is recorded (and shown, and announced).
import type { PlaybookChange } from "../../db/playbook.js";

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

/** The result of saving a playbook form: the change recorded, or null when nothing actually changed. */
export interface SavedChange {
  change: RecordedChange | null;
}

/** An admin's save of a playbook form: the modal's values, and the version it opened. */
export interface PlaybookEdit {
  teamId: string;
  actorId: string;
  raw: unknown;
  /** The document's version when the modal opened ("" when there was none yet). */
  version: string;
}
