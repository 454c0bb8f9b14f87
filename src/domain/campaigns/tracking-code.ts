// Tracking codes: what a web form sends (`campaign_code`) to attribute a lead to a campaign.

const MAX_LENGTH = 32;

/** A short, URL-safe slug of the campaign's name: "Spring Launch – Berlin!" -> "spring-launch-berlin". */
export function trackingSlug(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "") // accents: "Café" -> "Cafe"
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, MAX_LENGTH - 4) // room for a "-999" suffix
    .replace(/-+$/, "");
  return slug === "" ? "campaign" : slug;
}

/**
 * The first of `slug`, `slug-2`, `slug-3`, ... not in `taken`. A free code can still be taken by a concurrent
 * insert: the (teamId, trackingCode) unique index decides, and the caller asks again.
 */
export function nextFreeCode(slug: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(slug)) return slug;
  for (let n = 2; ; n++) {
    const code = `${slug}-${n}`;
    if (!used.has(code)) return code;
  }
}
