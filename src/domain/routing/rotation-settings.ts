import { z } from "zod";
import { fieldErrors } from "../form-errors.js";

export const MAX_ROTATION_MEMBERS = 30;

const userId = z.string().regex(/^[UW][A-Z0-9]{2,}$/, "Pick people from the list.");
const optionalInt = (schema: z.ZodNumber) =>
  z.preprocess((v) => (v === null || v === undefined || (typeof v === "string" && v.trim() === "") ? null : Number(v)), schema.nullable());

const memberSchema = z.object({
  userId,
  weight: optionalInt(
    z
      .number({ message: "A weight is a whole number from 1 to 10." })
      .int("A weight is a whole number from 1 to 10.")
      .min(1, "A weight is at least 1.")
      .max(10, "A weight is at most 10."),
  ).transform((v) => v ?? 1),
  dailyCap: optionalInt(
    z
      .number({ message: "A daily cap is a whole number from 1 to 100." })
      .int("A daily cap is a whole number.")
      .min(1, "A daily cap is at least 1 (leave it empty for no cap).")
      .max(100, "A daily cap is at most 100."),
  ),
});

export const rotationSettingsSchema = z
  .object({
    enabled: z.boolean(),
    reassignOnBreach: z.boolean(),
    members: z.array(memberSchema).max(MAX_ROTATION_MEMBERS, `A rotation can have at most ${MAX_ROTATION_MEMBERS} reps.`),
  })
  .refine((s) => !s.enabled || s.members.length > 0, { message: "Add at least one rep, or switch the rotation off.", path: ["members"] });

export type RotationSettingsInput = z.infer<typeof rotationSettingsSchema>;

/**
 * Validates the Rotation settings. Errors are keyed `members`, `switches`, or `weight:<userId>` / `cap:<userId>` for
 * one rep's row.
 */
export function parseRotationSettings(
  raw: unknown,
): { ok: true; settings: RotationSettingsInput } | { ok: false; errors: Record<string, string> } {
  const result = rotationSettingsSchema.safeParse(raw);
  if (result.success) return { ok: true, settings: result.data };
  const members = (raw as { members?: { userId?: string }[] })?.members ?? [];
  const errors = fieldErrors<string>(result.error.issues, ({ path: [head, index, field] }) => {
    if (head !== "members") return "switches";
    if (typeof index !== "number" || (field !== "weight" && field !== "dailyCap")) return "members";
    return `${field === "weight" ? "weight" : "cap"}:${members[index]?.userId ?? ""}`;
  });
  return { ok: false, errors };
}
