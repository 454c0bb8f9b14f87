// CSV export: the matching leads, read a page at a time and streamed out, so any number of leads fits in memory.
import { once } from "node:events";
import type { Writable } from "node:stream";
import { finished } from "node:stream/promises";
import { stringify } from "csv-stringify";
import { campaignRefs, type LeadFilter, leadsPage } from "../../db/lead-pages.js";
import { AppError } from "../../lib/errors.js";
import { amountText } from "../../lib/money.js";
import { STAGE_LABELS } from "../labels.js";
import type { LeadFileDeps } from "./deps.js";
import { spreadsheetSafe } from "./lead-columns.js";
import { isStage, STAGES, type Stage } from "./stages.js";

const PAGE_SIZE = 1000;

/** Columns named so that an exported file imports again as it is. */
const HEADER = ["email", "name", "company", "phone", "title", "industry", "company size", "region", "notes", "campaign"];
/** The deal value as won, in its own currency (never converted: the file holds each amount as it was). */
const EXTRA = ["stage", "fit", "deal value", "deal currency", "source", "owner", "created at", "updated at", "id"];

/** "12500.50" in the deal's currency's minor units; a deal saved without a currency reads in cents. */
function dealValue(minor: number | null, currency: string | null): string {
  if (minor === null) return "";
  return currency ? amountText(minor, currency) : (minor / 100).toFixed(2);
}

export interface ExportRequest {
  stage?: Stage;
  campaign?: { id: string; name: string };
}

/**
 * Reads `/lead export [stage] [campaign]`: an optional stage first (by name, e.g. "mql" or "won"), then a campaign's
 * name or tracking code. Unknown campaigns are refused with a message rather than exporting everything.
 */
export async function parseExportRequest(deps: Pick<LeadFileDeps, "db">, teamId: string, text: string): Promise<ExportRequest> {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const request: ExportRequest = {};
  const first = words[0]?.toLowerCase();
  if (first === "all") words.shift();
  else if (first && isStage(first)) {
    request.stage = first;
    words.shift();
  }
  const campaignText = words.join(" ").trim();
  if (campaignText) {
    const key = campaignText.toLowerCase();
    const match = (await campaignRefs(deps.db, teamId)).find((c) => c.nameKey === key || c.trackingCode?.toLowerCase() === key);
    if (!match) {
      const stages = STAGES.map((s) => STAGE_LABELS[s].toLowerCase()).join(", ");
      throw new AppError(
        "not_found",
        `I couldn't find a campaign called "${campaignText}". Use \`/lead export [stage] [campaign]\`, where stage is one of ${stages}.`,
      );
    }
    request.campaign = { id: match.id, name: match.name };
  }
  return request;
}

export interface CsvExport {
  teamId: string;
  request: ExportRequest;
  out: Writable;
}

/** Writes the matching leads as CSV to `out` and returns how many there were. */
export async function exportLeadsCsv(deps: Pick<LeadFileDeps, "db">, { teamId, request, out }: CsvExport): Promise<number> {
  const filter: LeadFilter = {
    ...(request.stage ? { stage: request.stage } : {}),
    ...(request.campaign ? { campaignId: request.campaign.id } : {}),
  };
  const csv = stringify();
  csv.pipe(out);
  csv.write([...HEADER, ...EXTRA]);
  let count = 0;
  let afterId: string | undefined;
  try {
    for (;;) {
      const page = await leadsPage(deps.db, teamId, filter, afterId, PAGE_SIZE);
      for (const lead of page) {
        const row = [
          lead.email,
          lead.name,
          lead.company,
          lead.phone,
          lead.title,
          lead.industry,
          lead.companySize,
          lead.region,
          lead.notes,
          lead.campaign?.name,
          lead.stage,
          lead.fitGrade,
          dealValue(lead.dealValueCents, lead.dealCurrency),
          lead.dealValueCents === null ? "" : lead.dealCurrency,
          lead.source,
          lead.ownerId,
          lead.createdAt.toISOString(),
          lead.updatedAt.toISOString(),
          lead.id,
        ].map((value) => spreadsheetSafe(value ?? ""));
        if (!csv.write(row)) await once(csv, "drain");
      }
      count += page.length;
      if (page.length < PAGE_SIZE) break;
      afterId = page[page.length - 1]?.id;
    }
  } finally {
    csv.end();
    await finished(out);
  }
  return count;
}
