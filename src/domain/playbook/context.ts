import type { Db } from "../../db/client.js";
import type { PlaybookChange } from "../../db/playbook.js";
import type { Clock } from "../../lib/clock.js";
import type { Logger } from "../../lib/logger.js";
import type { Roles } from "../people/roles.js";
import type { PlaybookAnnouncer } from "../ports.js";

/** What the playbook's use cases need. */
export interface PlaybookDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  roles: Roles;
  announcer: PlaybookAnnouncer;
}

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
