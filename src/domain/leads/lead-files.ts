import type { Readable, Writable } from "node:stream";
import type { Db } from "../../db/client.js";
import { hasOnceMarkerSince, setOnceMarker, takeOnceMarker } from "../../db/once.js";
import type { Provider } from "../../db/target.js";
import type { Clock } from "../../lib/clock.js";
import type { Metrics } from "../../lib/metrics.js";
import { type ExportRequest, exportLeadsCsv, parseExportRequest } from "./csv-export.js";
import { type CsvImportResult, importLeadsCsv } from "./csv-import.js";

/** How long after `/lead import` a shared CSV file is taken as the answer. */
export const IMPORT_REQUEST_MINUTES = 30;

const requestKey = (teamId: string, userId: string) => `import-request:${teamId}:${userId}`;

/** Leads in and out of spreadsheets: `/lead import` (a CSV shared afterwards) and `/lead export`. */
export class LeadFiles {
  constructor(private readonly deps: { db: Db; provider: Provider; clock: Clock; metrics: Metrics }) {}

  /** Remembers that this person asked to import, so the next CSV they share is read (and no other file). */
  requestImport(teamId: string, userId: string): Promise<void> {
    return setOnceMarker(this.deps.db, requestKey(teamId, userId), teamId, this.deps.clock.now());
  }

  hasImportRequest(teamId: string, userId: string): Promise<boolean> {
    return hasOnceMarkerSince(this.deps.db, requestKey(teamId, userId), this.requestsSince());
  }

  /** True for exactly one caller (one replica, one delivery) when the person has a recent import request. */
  takeImportRequest(teamId: string, userId: string): Promise<boolean> {
    return takeOnceMarker(this.deps.db, requestKey(teamId, userId), this.requestsSince());
  }

  private requestsSince(): Date {
    return new Date(this.deps.clock.now().getTime() - IMPORT_REQUEST_MINUTES * 60_000);
  }

  importCsv(job: { teamId: string; actorId: string; csv: Readable; rejectedOut: Writable }): Promise<CsvImportResult> {
    return importLeadsCsv(this.deps, job);
  }

  parseExport(teamId: string, text: string): Promise<ExportRequest> {
    return parseExportRequest(this.deps.db, teamId, text);
  }

  exportCsv(teamId: string, request: ExportRequest, out: Writable): Promise<number> {
    return exportLeadsCsv(this.deps.db, teamId, request, out);
  }
}
