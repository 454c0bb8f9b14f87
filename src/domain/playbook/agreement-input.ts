// What a valid sales-marketing agreement is: the one definition behind the agreement modal.
import { z } from "zod";
import { blankToUndefined } from "../../lib/input.js";
import { fieldErrors } from "../form-errors.js";

export const AGREEMENT_DEFAULTS = { mqlMonthlyTarget: 100, responseSlaMinutes: 240, acceptanceRateTarget: 0.7 } as const;
export const AGREEMENT_LIMITS = { mqlMonthlyTarget: 100_000, minResponseHours: 0.25, maxResponseHours: 120 } as const;

const number = (required: string) =>
  z.preprocess(
    (value) => {
      const present = blankToUndefined(value);
      return typeof present === "string" ? Number(present.trim()) : present;
    },
    z.number({ error: (issue) => (issue.input === undefined ? required : "Write a number, for example 4 or 1.5.") }),
  );

const schema = z.object({
  mqlMonthlyTarget: number("How many MQLs a month does marketing commit to?").pipe(
    z
      .number()
      .int("A whole number of MQLs, please.")
      .min(1, "The monthly MQL target has to be at least 1.")
      .max(
        AGREEMENT_LIMITS.mqlMonthlyTarget,
        `The monthly MQL target can be at most ${AGREEMENT_LIMITS.mqlMonthlyTarget.toLocaleString("en-US")}.`,
      ),
  ),
  responseHours: number("Within how many working hours does sales respond to a handoff?").pipe(
    z
      .number()
      .min(AGREEMENT_LIMITS.minResponseHours, "The response time has to be at least a quarter of an hour (0.25).")
      .max(AGREEMENT_LIMITS.maxResponseHours, `The response time can be at most ${AGREEMENT_LIMITS.maxResponseHours} working hours.`),
  ),
  acceptanceRatePercent: number("What share of MQLs should sales accept (in percent)?").pipe(
    z
      .number()
      .min(1, "The target acceptance rate is a percentage from 1 to 100.")
      .max(100, "The target acceptance rate is a percentage from 1 to 100."),
  ),
});

export interface AgreementTerms {
  mqlMonthlyTarget: number;
  /** Working minutes sales has to accept or reject a handoff. */
  responseSlaMinutes: number;
  /** 0..1 */
  acceptanceRateTarget: number;
}

export type AgreementField = keyof z.input<typeof schema>;
export type ParsedAgreement = { ok: true; terms: AgreementTerms } | { ok: false; errors: Partial<Record<AgreementField, string>> };

export function parseAgreementInput(raw: unknown): ParsedAgreement {
  const result = schema.safeParse(raw);
  if (!result.success) return { ok: false, errors: fieldErrors<AgreementField>(result.error.issues) };
  const { mqlMonthlyTarget, responseHours, acceptanceRatePercent } = result.data;
  return {
    ok: true,
    terms: {
      mqlMonthlyTarget,
      responseSlaMinutes: Math.round(responseHours * 60),
      // Percent with at most one decimal, kept exact as a fraction: 72.5 -> 0.725.
      acceptanceRateTarget: Math.round(acceptanceRatePercent * 10) / 1000,
    },
  };
}
