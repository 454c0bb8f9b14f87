import type { Readable, Writable } from "node:stream";
import { hasOnceMarkerSince, setOnceMarker, takeOnceMarker } from "../../db/once.js";
import type { LeadFileDeps } from "./deps.js";
import { type ExportRequest, exportLeadsCsv, parseExportRequest } from "./export-leads-csv.js";
import { type CsvImportResult, importLeadsCsv } from "./import-leads-csv.js";

/** How long after `/lead import` a shared CSV file is taken as the answer. */
export const IMPORT_REQUEST_MINUTES = 30;

const requestKey = (teamId: string, userId: string) => `import-request:${teamId}:${userId}`;

/** Leads in and out of spreadsheets: `/lead import` (a CSV shared afterwards) and `/lead export`. */
export class LeadFiles {
  constructor(private readonly deps: LeadFileDeps) {}

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
    return parseExportRequest(this.deps, teamId, text);
  }

  exportCsv(teamId: string, request: ExportRequest, out: Writable): Promise<number> {
    return exportLeadsCsv(this.deps, { teamId, request, out });
  }
}
