// The brand and message guide: reading it, and saving an admin's edit (recorded in the same transaction).
import type { Tx } from "../../db/client.js";
import { type BrandGuide, type BrandGuideData, findBrandGuide, insertBrandGuide, updateBrandGuideIfUnchanged } from "../../db/playbook.js";
import { versionToken } from "../../lib/version.js";
import { invalidInput } from "../form-errors.js";
import { type BrandInput, keyMessageId, parseBrandInput } from "./brand-input.js";
import { brandChangeSummary } from "./change-summary.js";
import type { PlaybookDeps } from "./deps.js";
import { stringList } from "./icp-input.js";
import type { PlaybookEdit, SavedChange } from "./recorded-change.js";
import { type PlaybookDocument, saveDocument } from "./save-document.js";

export interface BrandGuideView extends BrandInput {
  /** Each key message with the id a select option carries. */
  keyMessageOptions: { id: string; text: string }[];
  updatedById: string | null;
  updatedAt: Date | null;
  /** "" while the workspace has no guide yet. */
  version: string;
}

const EMPTY: BrandInput = { keyMessages: [], wordsToAvoid: [] };

function toInput(row: BrandGuide | null): BrandInput {
  if (!row) return EMPTY;
  return {
    ...(row.positioning ? { positioning: row.positioning } : {}),
    ...(row.tone ? { tone: row.tone } : {}),
    keyMessages: stringList(row.keyMessages),
    wordsToAvoid: stringList(row.wordsToAvoid),
    ...(row.logoUrl ? { logoUrl: row.logoUrl } : {}),
    ...(row.templatesUrl ? { templatesUrl: row.templatesUrl } : {}),
  };
}

export async function brandGuideOf(db: Tx, teamId: string): Promise<BrandGuideView> {
  const row = await findBrandGuide(db, teamId);
  const guide = toInput(row);
  return {
    ...guide,
    keyMessageOptions: guide.keyMessages.map((text) => ({ id: keyMessageId(text), text })),
    updatedById: row?.updatedById ?? null,
    updatedAt: row?.updatedAt ?? null,
    version: versionToken(row?.updatedAt),
  };
}

const BRAND_GUIDE: PlaybookDocument<BrandGuide, BrandInput, Omit<BrandGuideData, "updatedById">> = {
  kind: "brand",
  conflictField: "positioning",
  find: findBrandGuide,
  read: toInput,
  summary: brandChangeSummary,
  columns: (guide) => ({
    positioning: guide.positioning ?? null,
    tone: guide.tone ?? null,
    keyMessages: guide.keyMessages,
    wordsToAvoid: guide.wordsToAvoid,
    logoUrl: guide.logoUrl ?? null,
    templatesUrl: guide.templatesUrl ?? null,
  }),
  insert: insertBrandGuide,
  updateIfUnchanged: updateBrandGuideIfUnchanged,
};

/** Saves the guide if it is still the `version` the admin opened ("" for none yet). */
export async function saveBrandGuide(deps: PlaybookDeps, { teamId, actorId, raw, version }: PlaybookEdit): Promise<SavedChange> {
  await deps.roles.requireAdmin(teamId, actorId, "change the brand guide");
  const parsed = parseBrandInput(raw);
  if (!parsed.ok) throw invalidInput(parsed.errors);
  return saveDocument(deps, BRAND_GUIDE, { teamId, actorId, after: parsed.guide, version });
}
