// The sales-marketing agreement: the terms both teams are measured against, and an admin's edit of them.
import type { Tx } from "../../db/client.js";
import { type Agreement, findAgreement, insertAgreement, updateAgreementIfUnchanged } from "../../db/playbook.js";
import { versionToken } from "../../lib/version.js";
import { invalidInput } from "../form-errors.js";
import { AGREEMENT_DEFAULTS, type AgreementTerms, parseAgreementInput } from "./agreement-input.js";
import { agreementChangeSummary } from "./change-summary.js";
import type { PlaybookDeps } from "./deps.js";
import type { PlaybookEdit, SavedChange } from "./recorded-change.js";
import { type PlaybookDocument, saveDocument } from "./save-document.js";

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

const AGREEMENT: PlaybookDocument<Agreement, AgreementTerms, AgreementTerms> = {
  kind: "agreement",
  conflictField: "mqlMonthlyTarget",
  find: findAgreement,
  read: termsOf,
  summary: agreementChangeSummary,
  columns: (terms) => terms,
  insert: insertAgreement,
  updateIfUnchanged: updateAgreementIfUnchanged,
};

/** Saves the terms if they are still the `version` the admin opened ("" for the defaults). */
export async function saveAgreement(deps: PlaybookDeps, { teamId, actorId, raw, version }: PlaybookEdit): Promise<SavedChange> {
  await deps.roles.requireAdmin(teamId, actorId, "change the sales-marketing agreement");
  const parsed = parseAgreementInput(raw);
  if (!parsed.ok) throw invalidInput(parsed.errors);
  return saveDocument(deps, AGREEMENT, { teamId, actorId, after: parsed.terms, version });
}
