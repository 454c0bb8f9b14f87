// CSV import: a streaming parse (csv-parse), every row validated with parseLeadInput, valid rows saved in batches,
// rejected rows written to a CSV of their own with the reason. Memory stays bounded by the batch size.
import { once } from "node:events";
import type { Readable, Writable } from "node:stream";
import { finished } from "node:stream/promises";
import { CsvError, parse } from "csv-parse";
import { stringify } from "csv-stringify";
import { type CampaignRef, campaignRefs } from "../../db/lead-pages.js";
import { codeAliases, codeKey } from "../../db/tracking-codes.js";
import { isUnavailableError } from "../../lib/errors.js";
import type { LeadFileDeps } from "./deps.js";
import { fromSpreadsheet, type LeadColumn, leadColumnFor, rawLeadFrom, spreadsheetSafe } from "./lead-columns.js";
import { LIMITS, parseLeadInput } from "./lead-input.js";
import { type BulkCounts, type BulkLead, saveLeadsInBulk } from "./save-leads-in-bulk.js";

export interface CsvImportResult extends BulkCounts {
  rejected: number;
  /** Headers that match no lead field (their values are not imported). */
  ignoredColumns: string[];
  /** A problem with the whole file (no email column, broken CSV); rows before it may have been imported. */
  problem?: string;
  /** The database became unreachable part-way: rows counted above were saved, the rest were not. */
  interrupted?: boolean;
}

export const IMPORT_BATCH_SIZE = 1000;
const MAX_RECORD_BYTES = 64 * 1024;

export interface CsvImport {
  teamId: string;
  actorId: string;
  csv: Readable;
  /** Where the rejected rows go, as CSV with a reason column. */
  rejectedOut: Writable;
  batchSize?: number;
}

export async function importLeadsCsv(
  deps: Pick<LeadFileDeps, "db" | "provider" | "clock" | "metrics">,
  job: CsvImport,
): Promise<CsvImportResult> {
  const result: CsvImportResult = { created: 0, updated: 0, unchanged: 0, rejected: 0, ignoredColumns: [] };
  const campaigns = campaignMatcher(await campaignRefs(deps.db, job.teamId), await codeAliases(deps.db, job.teamId));
  const rejected = stringify();
  rejected.pipe(job.rejectedOut);
  const parser = job.csv.pipe(
    parse({
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      max_record_size: MAX_RECORD_BYTES,
      info: true,
    }),
  );
  let columns: (LeadColumn | undefined)[] | undefined;
  let headers: string[] = [];
  let batch: BulkLead[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const counts = await saveLeadsInBulk(deps, { teamId: job.teamId, actorId: job.actorId, source: "csv", leads: batch });
    result.created += counts.created;
    result.updated += counts.updated;
    result.unchanged += counts.unchanged;
    deps.metrics.csvImportRows.inc({ outcome: "created" }, counts.created);
    deps.metrics.csvImportRows.inc({ outcome: "updated" }, counts.updated);
    deps.metrics.csvImportRows.inc({ outcome: "unchanged" }, counts.unchanged);
    batch = [];
  };
  const reject = async (line: number, values: string[], reason: string) => {
    if (result.rejected === 0) rejected.write(["line", ...headers, "reason"]);
    result.rejected += 1;
    deps.metrics.csvImportRows.inc({ outcome: "rejected" });
    if (!rejected.write([line, ...values, reason].map((v) => spreadsheetSafe(String(v))))) await once(rejected, "drain");
  };
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (!columns) {
        headers = record.map((h) => h.trim());
        columns = headers.map(leadColumnFor);
        result.ignoredColumns = headers.filter((h, i) => h !== "" && !columns?.[i]);
        if (!columns.includes("email")) {
          result.problem = `The first row must name the columns, and one of them must be "email" (found: ${headers.join(", ") || "nothing"}).`;
          parser.destroy();
          break;
        }
        continue;
      }
      const row = rowToLead(record, columns, campaigns);
      if (!row.ok) await reject(info.lines, record, row.reason);
      else {
        batch.push(row.lead);
        if (batch.length >= (job.batchSize ?? IMPORT_BATCH_SIZE)) await flush();
      }
    }
    await flush();
    if (!columns && !result.problem) result.problem = "The file is empty.";
  } catch (error) {
    if (isUnavailableError(error)) result.interrupted = true;
    else if (error instanceof CsvError) result.problem = `The file is not valid CSV near line ${error.lines ?? "?"}: ${error.message}`;
    else throw error;
  } finally {
    rejected.end();
    // The rejected-rows file is a by-product: its stream failing must not replace the import's own result or error.
    await finished(job.rejectedOut).catch(() => undefined);
  }
  return result;
}

type RowResult = { ok: true; lead: BulkLead } | { ok: false; reason: string };

function rowToLead(record: string[], columns: (LeadColumn | undefined)[], campaigns: (ref: string) => string | undefined): RowResult {
  const named: Partial<Record<LeadColumn, string>> = {};
  columns.forEach((column, i) => {
    const value = record[i];
    if (column && value !== undefined && value.trim() !== "") named[column] = fromSpreadsheet(value);
  });
  const { campaign, ...raw } = rawLeadFrom(named);
  const parsed = parseLeadInput(raw);
  const reasons = parsed.ok ? [] : Object.values(parsed.errors);
  if (!parsed.ok) return { ok: false, reason: reasons.join(" ") };
  const campaignId = campaign ? campaigns(campaign) : undefined;
  // An unknown campaign is kept on the lead for an admin to map (/baton settings → Lead sources), not refused.
  const unmatchedCode = campaign && !campaignId ? codeKey(campaign).slice(0, LIMITS.utm) : null;
  return { ok: true, lead: { input: parsed.lead, campaignId: campaignId ?? null, unmatchedCode } };
}

/** Finds a campaign by its name (any case and spacing), its tracking code, or a code an admin mapped to it. */
function campaignMatcher(refs: CampaignRef[], aliases: Map<string, string>): (ref: string) => string | undefined {
  const byName = new Map(refs.map((c) => [c.nameKey, c.id]));
  const byCode = new Map([
    ...aliases,
    ...refs.filter((c) => c.trackingCode).map((c) => [(c.trackingCode ?? "").toLowerCase(), c.id] as const),
  ]);
  return (ref) => {
    const key = ref.trim().toLowerCase();
    return byCode.get(key) ?? byName.get(key) ?? byName.get(key.replace(/\s+/g, " "));
  };
}
