// What a valid ICP segment is: the one definition behind the segment modal.
import { z } from "zod";
import { splitList } from "../../lib/input.js";
import { fieldErrors } from "../form-errors.js";
import { COMPANY_SIZES, LIMITS } from "../leads/lead-input.js";

export const SEGMENT_LIMITS = { name: 60, entries: 20, segments: 20 } as const;

const list = (what: string, each: number) =>
  z
    .string()
    .nullish()
    .transform((text) => splitList(text))
    .pipe(
      z
        .array(z.string().max(each, `Each ${what} can be at most ${each} characters.`))
        .max(SEGMENT_LIMITS.entries, `List at most ${SEGMENT_LIMITS.entries} ${what}s.`),
    );

const schema = z
  .object({
    name: z
      .string({ message: "Give the segment a name." })
      .trim()
      .min(1, "Give the segment a name.")
      .max(SEGMENT_LIMITS.name, `A segment name can be at most ${SEGMENT_LIMITS.name} characters.`),
    industries: list("industry", LIMITS.industry),
    companySizes: z
      .array(z.enum(COMPANY_SIZES, { message: `Company sizes are ${COMPANY_SIZES.join(", ")}.` }))
      .nullish()
      .transform((sizes) => COMPANY_SIZES.filter((size) => sizes?.includes(size))),
    regions: list("region", LIMITS.region),
    titles: list("job title", LIMITS.title),
  })
  .refine((s) => s.industries.length + s.companySizes.length + s.regions.length + s.titles.length > 0, {
    path: ["industries"],
    message: "A segment needs at least one criterion: an industry, a company size, a region or a job title.",
  });

export type SegmentInput = z.infer<typeof schema>;
export type SegmentField = keyof SegmentInput;
export type ParsedSegment = { ok: true; segment: SegmentInput } | { ok: false; errors: Partial<Record<SegmentField, string>> };

export function parseSegmentInput(raw: unknown): ParsedSegment {
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, segment: result.data };
  return { ok: false, errors: fieldErrors<SegmentField>(result.error.issues) };
}

/** Json columns are nullable: null (or anything not a list of strings) reads as an empty list. */
export function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}
