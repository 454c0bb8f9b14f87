// Names that web forms and spreadsheets use for a lead's fields, mapped to ours. Matching ignores case, spaces,
// underscores and dashes ("Company Size", "company_size" and "companySize" are one column).

/** A field of a lead as it arrives from outside Slack; `campaign` is a campaign's name or tracking code. */
export type LeadColumn =
  | "email"
  | "name"
  | "firstName"
  | "lastName"
  | "company"
  | "phone"
  | "title"
  | "industry"
  | "companySize"
  | "region"
  | "notes"
  | "campaign"
  | "utmSource"
  | "utmMedium"
  | "utmCampaign";

const ALIASES: Record<LeadColumn, string[]> = {
  email: ["email", "emailaddress", "mail", "workemail"],
  name: ["name", "fullname", "contactname", "leadname"],
  firstName: ["firstname", "givenname"],
  lastName: ["lastname", "surname", "familyname"],
  company: ["company", "companyname", "organization", "organisation", "account"],
  phone: ["phone", "phonenumber", "telephone", "tel", "mobile"],
  title: ["title", "jobtitle", "role", "position"],
  industry: ["industry", "sector"],
  companySize: ["companysize", "size", "employees", "headcount"],
  region: ["region", "territory"],
  notes: ["notes", "note", "comments", "comment", "message"],
  campaign: ["campaign", "campaigncode", "campaignname", "trackingcode"],
  utmSource: ["utmsource"],
  utmMedium: ["utmmedium"],
  utmCampaign: ["utmcampaign"],
};

const BY_KEY = new Map<string, LeadColumn>(
  Object.entries(ALIASES).flatMap(([column, names]) => names.map((name) => [name, column as LeadColumn] as const)),
);

export const headerKey = (header: string): string => header.toLowerCase().replace(/[^a-z0-9]/g, "");

export function leadColumnFor(header: string): LeadColumn | undefined {
  return BY_KEY.get(headerKey(header));
}

const OTHER_COLUMNS = [
  "email",
  "company",
  "phone",
  "title",
  "industry",
  "companySize",
  "region",
  "notes",
  "campaign",
  "utmSource",
  "utmMedium",
  "utmCampaign",
] as const;

/**
 * The raw input for `parseLeadInput` from named values: first and last names join when there is no full name,
 * empty strings count as absent. `campaign` stays as given; callers resolve it (code only, or name or code), and
 * utm_campaign stands in for it when it is absent.
 */
export function rawLeadFrom(values: Partial<Record<LeadColumn, string>>): Record<string, string> & { campaign?: string } {
  const raw: Record<string, string> = {};
  const name = values.name?.trim() || [values.firstName?.trim(), values.lastName?.trim()].filter(Boolean).join(" ");
  if (name) raw.name = name;
  for (const column of OTHER_COLUMNS) {
    const value = values[column];
    if (value !== undefined && value.trim() !== "") raw[column] = value;
  }
  if (!raw.campaign && raw.utmCampaign) raw.campaign = raw.utmCampaign;
  return raw;
}

// What a spreadsheet reads as a formula (OWASP's list: = + - @ tab CR), also after leading whitespace, and the
// full-width forms (＝ ＋ － ＠) that some spreadsheets take for the ASCII ones.
const FORMULA_START = /^[\t\r]|^\s*[=+\-@\uff1d\uff0b\uff0d\uff20]/;
/** A whole phone number: a leading +, then only digits, spaces and ( ) - . (at least five digits). */
const PHONE_NUMBER = /^\+[\d ().-]+$/;
const MIN_PHONE_DIGITS = 5;

const isPhoneNumber = (value: string): boolean => PHONE_NUMBER.test(value) && (value.match(/\d/g)?.length ?? 0) >= MIN_PHONE_DIGITS;

/**
 * True when a spreadsheet could run the cell. A value that already starts with an apostrophe followed by such a
 * cell counts too, so that it gets a second apostrophe and `fromSpreadsheet` can tell the two apart.
 */
function needsGuard(value: string): boolean {
  if (value.startsWith("'")) return needsGuard(value.slice(1));
  return FORMULA_START.test(value) && !isPhoneNumber(value);
}

/**
 * Keeps a spreadsheet from running a cell as a formula (CSV injection) by prefixing an apostrophe, as OWASP
 * advises; whole phone numbers such as +1 415 555 0100 are left as they are.
 */
export function spreadsheetSafe(value: string): string {
  return needsGuard(value) ? `'${value}` : value;
}

/** Undoes `spreadsheetSafe` (and nothing else), so an exported file imports again unchanged. */
export function fromSpreadsheet(value: string): string {
  return value.startsWith("'") && needsGuard(value.slice(1)) ? value.slice(1) : value;
}
