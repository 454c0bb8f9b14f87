// Bulk writes for CSV import: per batch, one transaction of set-based statements (insert the new leads, fill the
// existing ones, insert their LeadEvents and what each row sent for a lead that existed), each fed one JSON
// parameter. Prisma's createMany runs at
// about a row per millisecond here; this keeps 100,000 rows to seconds. The SQL differs by provider (json_each
// on SQLite, json_to_recordset on PostgreSQL): both variants live side by side below and both are tested.
import type { Db } from "./client.js";
import { type LeadFields, reattributeEvents } from "./leads.js";
import { newId } from "./raw-rows.js";
import type { Provider } from "./target.js";

export interface NewLeadRow {
  emailKey: string;
  fields: LeadFields & { searchKey: string };
}

/** What an import compares against: the lead's id, owner and stage, and the fields an import may change. */
export type ExistingLead = { id: string; emailKey: string; ownerId: string | null; stage: string } & Record<Field, string | null>;

export interface LeadUpdate {
  lead: ExistingLead;
  changes: Partial<LeadFields> & { searchKey?: string };
}

/** What a row sent for a lead that existed (recorded on its history with a "submitted" event). */
export interface LeadSubmissionRow {
  leadId: string;
  fields: Record<string, unknown>;
}

export interface BatchWrite {
  teamId: string;
  actorId: string;
  source: string;
  /** How the history names the submissions, e.g. "a CSV import". */
  label: string;
  at: Date;
  create: NewLeadRow[];
  update: LeadUpdate[];
  submissions: LeadSubmissionRow[];
}

export async function findLeadsByEmailKeys(db: Db, provider: Provider, teamId: string, emailKeys: string[]): Promise<ExistingLead[]> {
  if (emailKeys.length === 0) return [];
  const columns = ["id", "emailKey", "ownerId", "stage", ...FIELDS].map(q).join(", ");
  const sql =
    provider === "postgresql"
      ? `SELECT ${columns} FROM "Lead" WHERE "teamId" = $1 AND "emailKey" IN (SELECT json_array_elements_text($2::json))`
      : `SELECT ${columns} FROM "Lead" WHERE "teamId" = ? AND "emailKey" IN (SELECT value FROM json_each(?))`;
  return db.$queryRawUnsafe<ExistingLead[]>(sql, teamId, JSON.stringify(emailKeys));
}

/** The lead fields an import writes; all text. */
const FIELDS = [
  "email",
  "name",
  "company",
  "phone",
  "title",
  "industry",
  "companySize",
  "region",
  "notes",
  "campaignId",
  "fitGrade",
  "fitSegmentId",
  "searchKey",
  "unmatchedCampaignCode",
  "utmSource",
  "utmMedium",
  "utmCampaign",
] as const;
type Field = (typeof FIELDS)[number];

const q = (name: string) => `"${name}"`;

/** Writes one batch in a transaction. Throws a unique violation if another writer created one of the emails meanwhile. */
export async function writeLeadBatch(db: Db, provider: Provider, batch: BatchWrite): Promise<void> {
  const { teamId, actorId, source, at } = batch;
  const created = batch.create.map((row) => ({ id: newId(), emailKey: row.emailKey, ...pick(row.fields) }));
  const updated = batch.update.map(({ lead, changes }) => ({ id: lead.id, ...pick(changes) }));
  const current = new Map(batch.update.map(({ lead, changes }) => [lead.id, { ...lead, ...changes }]));
  const events = [
    ...created.map((lead) => ({
      id: newId(),
      leadId: lead.id,
      type: "created",
      toStage: "new",
      reason: null,
      campaignId: lead.campaignId,
      fitGrade: lead.fitGrade,
    })),
    ...batch.submissions.map(({ leadId }) => ({
      id: newId(),
      leadId,
      type: "submitted",
      toStage: null,
      reason: batch.label,
      campaignId: current.get(leadId)?.campaignId ?? null,
      fitGrade: current.get(leadId)?.fitGrade ?? null,
    })),
  ];
  const submissions = batch.submissions.map((row) => ({ id: newId(), leadId: row.leadId, fields: JSON.stringify(row.fields) }));
  const moved = (value: string | null | undefined, was: string | null) => value !== null && value !== undefined && value !== was;
  const reattributed = batch.update
    .filter(({ lead, changes }) => moved(changes.campaignId, lead.campaignId) || moved(changes.fitGrade, lead.fitGrade))
    .map(({ lead }) => lead.id);
  const sql = provider === "postgresql" ? postgresSql : sqliteSql;
  await db.$transaction(
    async (tx) => {
      if (created.length > 0) await tx.$executeRawUnsafe(sql.insertLeads, JSON.stringify(created), teamId, source, actorId, at);
      if (updated.length > 0) await tx.$executeRawUnsafe(sql.updateLeads, JSON.stringify(updated), teamId, at);
      if (events.length > 0) await tx.$executeRawUnsafe(sql.insertEvents, JSON.stringify(events), teamId, actorId, at);
      await reattributeEvents(tx, teamId, reattributed);
      if (submissions.length > 0) await tx.$executeRawUnsafe(sql.insertSubmissions, JSON.stringify(submissions), teamId, source, at);
    },
    { maxWait: 10_000, timeout: 60_000 },
  );
}

function pick(fields: Partial<LeadFields> & { searchKey?: string | null }): Record<Field, string | null> {
  return Object.fromEntries(FIELDS.map((field) => [field, (fields[field] as string | null | undefined) ?? null])) as Record<
    Field,
    string | null
  >;
}

const EVENT_COLUMNS = ["id", "leadId", "type", "toStage", "reason", "campaignId", "fitGrade"];
const SUBMISSION_COLUMNS = ["id", "leadId", "fields"];

// SQLite: rows come from json_each(:rows). The driver binds positionally, so the SQL takes its parameters in the
// same order as PostgreSQL's $1..$n through a CTE that names them once.
const params = (...names: string[]) => `WITH p AS (SELECT ${names.map((n) => `? AS ${n}`).join(", ")})`;
const sqliteSql = {
  insertLeads: `INSERT INTO "Lead" ("id", "emailKey", ${FIELDS.map(q).join(", ")}, "teamId", "source", "createdById", "createdAt", "updatedAt")
    ${params("rows", "team", "source", "actor", "at")}
    SELECT json_extract(j.value, '$.id'), json_extract(j.value, '$.emailKey'), ${FIELDS.map((f) => `json_extract(j.value, '$.${f}')`).join(", ")},
      p.team, p.source, p.actor, p.at, p.at
    FROM p, json_each(p.rows) AS j`,
  updateLeads: `${params("rows", "team", "at")}
    UPDATE "Lead" SET ${FIELDS.map((f) => `${q(f)} = COALESCE(x.${q(f)}, "Lead".${q(f)})`).join(", ")}, "updatedAt" = (SELECT at FROM p)
    FROM (SELECT json_extract(j.value, '$.id') AS "id", ${FIELDS.map((f) => `json_extract(j.value, '$.${f}') AS ${q(f)}`).join(", ")}
          FROM p, json_each(p.rows) AS j) AS x
    WHERE "Lead"."id" = x."id" AND "Lead"."teamId" = (SELECT team FROM p)`,
  insertEvents: `INSERT INTO "LeadEvent" (${EVENT_COLUMNS.map(q).join(", ")}, "teamId", "actorId", "at")
    ${params("rows", "team", "actor", "at")}
    SELECT ${EVENT_COLUMNS.map((c) => `json_extract(j.value, '$.${c}')`).join(", ")}, p.team, p.actor, p.at
    FROM p, json_each(p.rows) AS j`,
  insertSubmissions: `INSERT INTO "LeadSubmission" (${SUBMISSION_COLUMNS.map(q).join(", ")}, "teamId", "channel", "at")
    ${params("rows", "team", "channel", "at")}
    SELECT ${SUBMISSION_COLUMNS.map((c) => `json_extract(j.value, '$.${c}')`).join(", ")}, p.team, p.channel, p.at
    FROM p, json_each(p.rows) AS j`,
};

// PostgreSQL: rows come from json_to_recordset($1), typed by the column list.
const recordset = (columns: readonly string[]) => `json_to_recordset($1::json) AS x(${columns.map((c) => `${q(c)} text`).join(", ")})`;
const postgresSql = {
  insertLeads: `INSERT INTO "Lead" ("id", "emailKey", ${FIELDS.map(q).join(", ")}, "teamId", "source", "createdById", "createdAt", "updatedAt")
    SELECT x."id", x."emailKey", ${FIELDS.map((f) => `x.${q(f)}`).join(", ")}, $2, $3, $4, $5, $5
    FROM ${recordset(["id", "emailKey", ...FIELDS])}`,
  updateLeads: `UPDATE "Lead" AS l SET ${FIELDS.map((f) => `${q(f)} = COALESCE(x.${q(f)}, l.${q(f)})`).join(", ")}, "updatedAt" = $3
    FROM ${recordset(["id", ...FIELDS])}
    WHERE l."id" = x."id" AND l."teamId" = $2`,
  insertEvents: `INSERT INTO "LeadEvent" (${EVENT_COLUMNS.map(q).join(", ")}, "teamId", "actorId", "at")
    SELECT ${EVENT_COLUMNS.map((c) => `x.${q(c)}`).join(", ")}, $2, $3, $4
    FROM ${recordset(EVENT_COLUMNS)}`,
  insertSubmissions: `INSERT INTO "LeadSubmission" (${SUBMISSION_COLUMNS.map(q).join(", ")}, "teamId", "channel", "at")
    SELECT x."id", x."leadId", x."fields"::jsonb, $2, $3, $4
    FROM ${recordset(SUBMISSION_COLUMNS)}`,
};
