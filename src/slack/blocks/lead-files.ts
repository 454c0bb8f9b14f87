import type { KnownBlock } from "@slack/types";
import { STAGE_LABELS } from "../../domain/labels.js";
import type { ExportRequest } from "../../domain/leads/export-leads-csv.js";
import type { CsvImportResult } from "../../domain/leads/import-leads-csv.js";
import { IMPORT_REQUEST_MINUTES } from "../../domain/leads/lead-files.js";
import { isStage } from "../../domain/leads/stages.js";
import type { ExportNotice } from "../../domain/ports.js";
import { plural } from "./format.js";
import type { Message } from "./message.js";
import { escapeMrkdwn, mrkdwn, truncate } from "./text.js";

const COLUMNS =
  "*email* (required), name (or first name and last name), company, phone, title, campaign (its name or tracking code), and optionally industry, company size, region, notes";

export function importInstructions(): Message {
  const text = `Share a CSV file of leads in a direct message with me (or in a channel I'm in) within ${IMPORT_REQUEST_MINUTES} minutes and I'll import it.`;
  return {
    text,
    blocks: [
      { type: "section", text: mrkdwn(`:page_facing_up: ${text}`) },
      {
        type: "section",
        text: mrkdwn(
          `The first row names the columns: ${COLUMNS}. Rows are matched by email: an existing lead is updated (empty cells keep what's stored). I'll reply with counts and a file of any rows I couldn't import, with the reason for each.`,
        ),
      },
    ],
  };
}

export function importStarted(fileName: string): Message {
  return {
    text: `Importing ${escapeMrkdwn(truncate(fileName, 200))}…`,
    blocks: [{ type: "section", text: mrkdwn(`:hourglass_flowing_sand: Importing *${escapeMrkdwn(truncate(fileName, 200))}*…`) }],
  };
}

export function notACsv(fileName: string): Message {
  const text = `${escapeMrkdwn(truncate(fileName, 200))} isn't a CSV file. Export your spreadsheet as CSV (File → Download → CSV) and share that; your import request is still open.`;
  return { text, blocks: [{ type: "section", text: mrkdwn(`:warning: ${text}`) }] };
}

export function tooLarge(fileName: string, maxMb: number): Message {
  return warning(
    `${truncate(fileName, 200)} is larger than ${maxMb} MB, so nothing was imported. Split it into smaller files and run /lead import for each.`,
  );
}

/** A Google Drive, Dropbox or other link shared as a file: Baton reads only files kept in Slack. */
export function externalFile(fileName: string): Message {
  return warning(
    `${truncate(fileName, 200)} is a link to a file outside Slack, which I don't open. Download it as CSV and share the file itself; your import request is still open.`,
  );
}

/** Slack pointed the download somewhere other than its own file host: Baton does not go there with its token. */
export function notInSlack(fileName: string): Message {
  return warning(
    `${truncate(fileName, 200)} isn't stored in Slack's own file storage, so I didn't download it and nothing was imported. Upload the CSV file itself to Slack and run /lead import again.`,
  );
}

export function unreadable(fileName: string): Message {
  return warning(
    `I couldn't download ${truncate(fileName, 200)} from Slack, so nothing was imported. Run /lead import and share it again.`,
  );
}

/** A warning whose text (the fallback too) is escaped: it names a file, and file names are typed by people. */
function warning(text: string): Message {
  const safe = escapeMrkdwn(text);
  return { text: safe, blocks: [{ type: "section", text: mrkdwn(`:warning: ${safe}`) }] };
}

/** The outcome of an import, in counts; the rejected rows follow as a file when there are any. */
export function importSummary(fileName: string, result: CsvImportResult): Message {
  const imported = result.created + result.updated + result.unchanged;
  const counts = `${result.created} new, ${result.updated} updated, ${result.unchanged} unchanged, ${result.rejected} rejected`;
  const lines: string[] = [];
  if (result.problem) lines.push(`:warning: ${escapeMrkdwn(truncate(result.problem, 1500))}`);
  if (result.interrupted) {
    lines.push(
      ":warning: Baton lost its database part-way. The rows counted below were saved; share the file again to finish (rows are matched by email, so nothing is doubled).",
    );
  }
  lines.push(
    `${imported > 0 || result.rejected > 0 ? ":white_check_mark:" : ":information_source:"} *${escapeMrkdwn(truncate(fileName, 200))}*: ${counts}.`,
  );
  if (result.rejected > 0)
    lines.push("The rejected rows are in the file below, with the reason for each: fix them and share that file again.");
  if (result.ignoredColumns.length > 0) {
    lines.push(`Columns I don't know were left out: ${escapeMrkdwn(truncate(result.ignoredColumns.join(", "), 500))}.`);
  }
  const blocks: KnownBlock[] = [{ type: "section", text: mrkdwn(lines.join("\n")) }];
  return { text: `Import of ${escapeMrkdwn(truncate(fileName, 200))}: ${counts}.`, blocks };
}

export function describeExport(request: ExportRequest): string {
  const parts = [
    request.stage ? `stage ${STAGE_LABELS[request.stage]}` : "all stages",
    request.campaign ? `campaign ${request.campaign.name}` : "all campaigns",
  ];
  return parts.join(", ");
}

export function exportFileName(request: ExportRequest, isoDate: string): string {
  const slug = [request.stage, request.campaign?.name]
    .filter(Boolean)
    .join("-")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 60);
  return `leads${slug ? `-${slug}` : ""}-${isoDate}.csv`;
}

/** The DM each Baton admin gets when someone exports leads. */
export function exportTakenNotice(notice: ExportNotice): Message {
  const what = describeExport({
    ...(notice.stage && isStage(notice.stage) ? { stage: notice.stage } : {}),
    ...(notice.campaignName ? { campaign: { id: "", name: notice.campaignName } } : {}),
  });
  const text = `<@${notice.userId}> exported ${plural(notice.rowCount, "lead")} (${escapeMrkdwn(what)}) from Baton.`;
  return {
    text,
    blocks: [
      { type: "section", text: mrkdwn(`:outbox_tray: ${text}`) },
      { type: "context", elements: [mrkdwn("Every export is recorded. Who may export is set in /baton settings → Customer data.")] },
    ],
  };
}
