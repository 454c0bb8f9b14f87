// The brand and message guide: reading it, and saving an admin's edit (recorded in the same transaction).
import type { Tx } from "../../db/client.js";
import { isUniqueViolation } from "../../db/errors.js";
import { type BrandGuide, findBrandGuide, insertBrandGuide, insertPlaybookChange, updateBrandGuideIfUnchanged } from "../../db/playbook.js";
import { nextVersion, versionToken } from "../../lib/version.js";
import { editConflict, invalidInput } from "../form-errors.js";
import { type BrandInput, keyMessageId, parseBrandInput } from "./brand-input.js";
import { brandChangeSummary } from "./change-summary.js";
import { type PlaybookDeps, type SavedChange, toRecordedChange } from "./context.js";
import { stringList } from "./icp-input.js";

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

/** Saves the guide if it is still the `version` the admin opened ("" for none yet). */
export async function saveBrandGuide(
  deps: PlaybookDeps,
  teamId: string,
  actorId: string,
  raw: unknown,
  version: string,
): Promise<SavedChange> {
  await deps.roles.requireAdmin(teamId, actorId, "change the brand guide");
  const parsed = parseBrandInput(raw);
  if (!parsed.ok) throw invalidInput(parsed.errors);
  const after = parsed.guide;
  const at = deps.clock.now();
  try {
    return await deps.db.$transaction(async (tx) => {
      const row = await findBrandGuide(tx, teamId);
      if (versionToken(row?.updatedAt) !== version) throw editConflict("positioning");
      const before = toInput(row);
      const summary = brandChangeSummary(before, after);
      if (summary === "") return { change: null };
      const data = {
        positioning: after.positioning ?? null,
        tone: after.tone ?? null,
        keyMessages: after.keyMessages,
        wordsToAvoid: after.wordsToAvoid,
        logoUrl: after.logoUrl ?? null,
        templatesUrl: after.templatesUrl ?? null,
        updatedById: actorId,
        updatedAt: nextVersion(at, row?.updatedAt),
      };
      if (!row) await insertBrandGuide(tx, teamId, data);
      else if ((await updateBrandGuideIfUnchanged(tx, teamId, row.updatedAt, data)) === 0) throw editConflict("positioning");
      const change = await insertPlaybookChange(tx, { teamId, kind: "brand", actorId, summary, before, after, at });
      return { change: toRecordedChange(change) };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw editConflict("positioning"); // another admin created the guide first
    throw error;
  }
}
