// Saving a playbook document kept as one row per workspace (the brand guide, the agreement): the admin's edit wins
// only if the row is still the version they opened, and the change is recorded in the same transaction.

import type { Tx } from "../../db/client.js";
import { isUniqueViolation } from "../../db/errors.js";
import { nextVersion, versionToken } from "../../lib/version.js";
import { editConflict } from "../form-errors.js";
import type { PlaybookDeps } from "./deps.js";
import { type PlaybookKind, recordPlaybookChange, type SavedChange } from "./recorded-change.js";

export interface PlaybookDocument<Row extends { updatedAt: Date }, Doc, Data> {
  kind: PlaybookKind;
  /** The form field an edit conflict is shown on. */
  conflictField: string;
  find(tx: Tx, teamId: string): Promise<Row | null>;
  /** The document a row holds (its defaults when there is no row yet). */
  read(row: Row | null): Doc;
  /** What changed, in words; "" when nothing did. */
  summary(before: Doc, after: Doc): string;
  /** The columns to store for a document. */
  columns(doc: Doc): Data;
  /** Throws a unique violation when someone else created the row first. */
  insert(tx: Tx, teamId: string, data: Data & { updatedById: string; updatedAt: Date }): Promise<unknown>;
  /** Rows updated: 0 when the row is no longer at `version`. */
  updateIfUnchanged(tx: Tx, teamId: string, version: Date, data: Data & { updatedById: string; updatedAt: Date }): Promise<number>;
}

/** Saves `after` if the document is still the `version` the admin opened ("" for none yet). */
export async function saveDocument<Row extends { updatedAt: Date }, Doc, Data>(
  deps: PlaybookDeps,
  document: PlaybookDocument<Row, Doc, Data>,
  change: { teamId: string; actorId: string; after: Doc; version: string },
): Promise<SavedChange> {
  const { teamId, actorId, after, version } = change;
  const conflict = () => editConflict(document.conflictField);
  const at = deps.clock.now();
  const lease = deps.outbox.leaseFrom(at);
  try {
    return await deps.db.$transaction(async (tx) => {
      const row = await document.find(tx, teamId);
      if (versionToken(row?.updatedAt) !== version) throw conflict();
      const before = document.read(row);
      const summary = document.summary(before, after);
      if (summary === "") return { change: null };
      const data = { ...document.columns(after), updatedById: actorId, updatedAt: nextVersion(at, row?.updatedAt) };
      if (!row) await document.insert(tx, teamId, data);
      else if ((await document.updateIfUnchanged(tx, teamId, row.updatedAt, data)) === 0) throw conflict();
      return recordPlaybookChange(tx, { teamId, kind: document.kind, actorId, summary, before, after, at }, lease);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(); // another admin created it first
    throw error;
  }
}
