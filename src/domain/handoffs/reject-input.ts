// What a rep gives when rejecting a handoff: one of the reasons, and a note (required for Other).
import { z } from "zod";
import { REJECT_REASON_KEYS } from "./reasons.js";

const NOTE_MAX = 1000;

export const rejectInputSchema = z
  .object({
    reason: z.enum(REJECT_REASON_KEYS, { message: "Pick the reason that fits best." }),
    note: z
      .string()
      .trim()
      .max(NOTE_MAX, `A note can be at most ${NOTE_MAX} characters.`)
      .transform((v) => (v === "" ? undefined : v))
      .optional(),
  })
  .refine((input) => input.reason !== "other" || input.note, {
    message: "Say in a few words why, when the reason is Other.",
    path: ["note"],
  });

export type RejectInput = z.infer<typeof rejectInputSchema>;
