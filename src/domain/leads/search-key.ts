/** Text as `/lead find` compares it: Unicode-normalised and lower-cased the same way on every database. */
export function normaliseForSearch(text: string): string {
  return text.normalize("NFKC").toLowerCase().trim();
}

/** The lead's searchable text: name, email and company, one per line so a query cannot match across two. */
export function searchKeyOf(lead: { name?: string | null; email?: string | null; company?: string | null }): string {
  return [lead.name, lead.email, lead.company]
    .filter((part): part is string => Boolean(part))
    .map(normaliseForSearch)
    .join("\n");
}
