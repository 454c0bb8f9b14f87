// What a valid brand and message guide is: the one definition behind the brand modal.
import { createHash } from "node:crypto";
import { z } from "zod";
import { optionalText, optionalWebUrl, splitList } from "../../lib/input.js";
import { fieldErrors } from "../form-errors.js";

// A list is typed into one input (at most 3000 characters): 20 messages of 140 and 50 words of 40 fit.
export const BRAND_LIMITS = { positioning: 300, tone: 1000, keyMessages: 20, keyMessage: 140, words: 50, word: 40 } as const;

const lines = (separators: RegExp, what: string, count: number, each: number) =>
  z
    .string()
    .nullish()
    .transform((text) => splitList(text, separators))
    .pipe(z.array(z.string().max(each, `Each ${what} can be at most ${each} characters.`)).max(count, `List at most ${count} ${what}s.`));

const schema = z.object({
  positioning: optionalText(BRAND_LIMITS.positioning, "The positioning line"),
  tone: optionalText(BRAND_LIMITS.tone, "The tone of voice"),
  keyMessages: lines(/\n/, "key message", BRAND_LIMITS.keyMessages, BRAND_LIMITS.keyMessage),
  wordsToAvoid: lines(/[\n,;]/, "word to avoid", BRAND_LIMITS.words, BRAND_LIMITS.word),
  logoUrl: optionalWebUrl(),
  templatesUrl: optionalWebUrl(),
});

export type BrandInput = z.infer<typeof schema>;
export type BrandField = keyof BrandInput;
export type ParsedBrand = { ok: true; guide: BrandInput } | { ok: false; errors: Partial<Record<BrandField, string>> };

export function parseBrandInput(raw: unknown): ParsedBrand {
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, guide: result.data };
  return { ok: false, errors: fieldErrors<BrandField>(result.error.issues) };
}

/**
 * A short stable id for a key message, used as a select option's value (at most 75 characters, while a
 * message may be longer): the campaign modal sends it back and the message is looked up again.
 */
export function keyMessageId(message: string): string {
  return createHash("sha256").update(message).digest("hex").slice(0, 16);
}
