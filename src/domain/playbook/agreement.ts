// The sales-marketing agreement: the terms both teams are measured against, and an admin's edit of them.
import type { Tx } from "../../db/client.js";
import { isUniqueViolation } from "../../db/errors.js";
import { type Agreement, findAgreement, insertAgreement, insertPlaybookChange, updateAgreementIfUnchanged } from "../../db/playbook.js";
import { nextVersion, versionToken } from "../../lib/version.js";
import { editConflict, invalidInput } from "../form-errors.js";
import { AGREEMENT_DEFAULTS, type AgreementTerms, parseAgreementInput } from "./agreement-input.js";
import { agreementChangeSummary } from "./change-summary.js";
import { type PlaybookDeps, type SavedChange, toRecordedChange } from "./context.js";

export interface AgreementView extends AgreementTerms {
  /** False while the workspace runs on the defaults. */
  agreed: boolean;
  updatedById: string | null;
  updatedAt: Date | null;
  version: string;
}

const termsOf = (row: Agreement | null): AgreementTerms =>
  row
    ? { mqlMonthlyTarget: row.mqlMonthlyTarget, responseSlaMinutes: row.responseSlaMinutes, acceptanceRateTarget: row.acceptanceRateTarget }
    : { ...AGREEMENT_DEFAULTS };

/** The workspace's agreement, or the defaults (100 MQLs a month, 240 working minutes, 70%) when none is set. */
export async function agreementOf(db: Tx, teamId: string): Promise<AgreementView> {
  const row = await findAgreement(db, teamId);
  return {
    ...termsOf(row),
    agreed: row !== null,
    updatedById: row?.updatedById ?? null,
    updatedAt: row?.updatedAt ?? null,
    version: versionToken(row?.updatedAt),
  };
}

/** Saves the terms if they are still the `version` the admin opened ("" for the defaults). */
export async function saveAgreement(
  deps: PlaybookDeps,
  teamId: string,
  actorId: string,
  raw: unknown,
  version: string,
): Promise<SavedChange> {
  await deps.roles.requireAdmin(teamId, actorId, "change the sales-marketing agreement");
  const parsed = parseAgreementInput(raw);
  if (!parsed.ok) throw invalidInput(parsed.errors);
  const after = parsed.terms;
  const at = deps.clock.now();
  try {
    return await deps.db.$transaction(async (tx) => {
      const row = await findAgreement(tx, teamId);
      if (versionToken(row?.updatedAt) !== version) throw editConflict("mqlMonthlyTarget");
      const before = termsOf(row);
      const summary = agreementChangeSummary(before, after);
      if (summary === "") return { change: null };
      const data = { ...after, updatedById: actorId, updatedAt: nextVersion(at, row?.updatedAt) };
      if (!row) await insertAgreement(tx, teamId, data);
      else if ((await updateAgreementIfUnchanged(tx, teamId, row.updatedAt, data)) === 0) throw editConflict("mqlMonthlyTarget");
      const change = await insertPlaybookChange(tx, { teamId, kind: "agreement", actorId, summary, before, after, at });
      return { change: toRecordedChange(change) };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw editConflict("mqlMonthlyTarget");
    throw error;
  }
}
