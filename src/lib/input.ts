// Small zod building blocks for form input, shared by the modals' schemas.
import { z } from "zod";

/** Slack sends null for an empty input and people type spaces: both mean "nothing". */
export const blankToUndefined = (value: unknown) =>
  value === null || (typeof value === "string" && value.trim() === "") ? undefined : value;

/** An optional line of text, trimmed, at most `max` characters. */
export const optionalText = (max: number, what: string) =>
  z.preprocess(blankToUndefined, z.string().trim().max(max, `${what} can be at most ${max} characters.`).optional());

/** An optional http(s) link. */
export const optionalWebUrl = (max = 2000) =>
  z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .max(max, `A link can be at most ${max} characters.`)
      .pipe(
        z.url({
          protocol: /^https?$/,
          message: "That isn't a web link: it should start with https:// (for example https://drive.google.com/...).",
        }),
      )
      .optional(),
  );

/**
 * Text a person typed as a list, one item per line or separated by commas (`separators`): trimmed, blanks and
 * repeats (ignoring case) dropped.
 */
export function splitList(text: string | null | undefined, separators: RegExp = /[\n,;]/): string[] {
  const seen = new Set<string>();
  const items: string[] = [];
  for (const raw of (text ?? "").split(separators)) {
    const item = raw.trim().replace(/\s+/g, " ");
    if (item === "" || seen.has(item.toLowerCase())) continue;
    seen.add(item.toLowerCase());
    items.push(item);
  }
  return items;
}
