import type { Readable, Writable } from "node:stream";
import { recordLeadExport, setLeadExportFile } from "../../db/lead-exports.js";
import { hasOnceMarkerSince, setOnceMarker, takeOnceMarker } from "../../db/once.js";
import type { LeadFileDeps } from "./deps.js";
import { type ExportRequest, exportLeadsCsv, parseExportRequest } from "./export-leads-csv.js";
import { type CsvImportResult, importLeadsCsv } from "./import-leads-csv.js";

export interface RecordedExport {
  rowCount: number;
  /** Null when nothing matched (nothing was exported, nothing recorded). */
  exportId: string | null;
}

/** How long after `/lead import` a shared CSV file is taken as the answer. */
export const IMPORT_REQUEST_MINUTES = 30;

const requestKey = (teamId: string, userId: string) => `import-request:${teamId}:${userId}`;

/** Leads in and out of spreadsheets: `/lead import` (a CSV shared afterwards) and `/lead export`. */
export class LeadFiles {
  constructor(private readonly deps: LeadFileDeps) {}

  /** Remembers that this person asked to import, so the next CSV they share is read (and no other file). */
  async requestImport(teamId: string, userId: string): Promise<void> {
    await this.deps.roles.requireMember(teamId, userId);
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

  /** Reads `/lead export …` for someone allowed to export (Baton admins and the export role), else refuses. */
  async parseExport(teamId: string, userId: string, text: string): Promise<ExportRequest> {
    await this.deps.roles.requireExport(teamId, userId);
    return parseExportRequest(this.deps, teamId, text);
  }

  /** Writes the leads, then records the export and tells the Baton admins who took how many. */
  async exportCsv(teamId: string, userId: string, request: ExportRequest, out: Writable): Promise<RecordedExport> {
    await this.deps.roles.requireExport(teamId, userId);
    const rowCount = await exportLeadsCsv(this.deps, { teamId, request, out });
    if (rowCount === 0) return { rowCount, exportId: null };
    const filter = [request.stage ?? "", request.campaign?.name ?? ""].filter(Boolean).join(" ");
    const exportId = await recordLeadExport(this.deps.db, { teamId, userId, filter, rowCount, createdAt: this.deps.clock.now() });
    const notice = { teamId, userId, stage: request.stage ?? null, campaignName: request.campaign?.name ?? null, rowCount };
    const admins = (await this.deps.roles.listedAdmins(teamId)).filter((id) => id !== userId);
    // The export is recorded whatever Slack says; a DM that fails is logged, not retried into a second file.
    await this.deps.leadExports
      .announce(admins, notice)
      .catch((error: unknown) => this.deps.logger.warn({ err: error, teamId }, "could not tell the admins about an export"));
    return { rowCount, exportId };
  }

  /** The export's file as Slack stored it: deleted when a lead is erased, as it may name that person. */
  exportSent(teamId: string, exportId: string, fileId: string): Promise<void> {
    return setLeadExportFile(this.deps.db, teamId, exportId, fileId);
  }
}
