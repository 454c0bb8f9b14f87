// What a Slack message says about a lead: the emails, phone numbers and company names in its text, so the lead
// form opens filled in (every value stays editable; nothing here is saved without the person's submit).
import { LIMITS } from "./lead-input.js";

export interface MessageLeadDetails {
  emails: string[];
  phones: string[];
  companies: string[];
}

// Bounded, and starting only where a run of address characters starts, so no text makes matching slow.
const EMAIL = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,6}\.[A-Za-z]{2,24}(?![A-Za-z])/g;
/** Details come first in a message; reading only its start keeps the work small whatever was pasted. */
const READ_CHARS = 4000;
// A phone: an optional +country code, then digits in groups separated by spaces, dots, dashes or (area).
const PHONE = /(?<![\w.+-])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,5}\)[\s.-]?)?\d{2,5}(?:[\s.-]\d{2,5}){1,4}(?![\w-])/g;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const SUFFIX =
  "Inc|Inc\\.|LLC|Ltd|Ltd\\.|Limited|GmbH|AG|SA|SAS|S\\.A\\.|BV|B\\.V\\.|NV|Corp|Corp\\.|Corporation|Co\\.|PLC|Pty|Oy|AB|SRL|KK";
const NAME_WORD = "[A-Z][\\w&'-]*";
const WITH_SUFFIX = new RegExp(`\\b((?:${NAME_WORD}\\s+){0,3}${NAME_WORD},?\\s+(?:${SUFFIX}))(?=[\\s,.;:!?)]|$)`, "g");
const LABELLED = /\b(?:company|organi[sz]ation|employer)\s*[:=-]\s*([^\n,;]+)/gi;
// Only "from" and "at": "of" and "for" are followed by departments and products ("Head of Sales") as often.
const PREPOSITION = new RegExp(`\\b(?:from|at)\\s+((?:${NAME_WORD})(?:\\s+${NAME_WORD}){0,2})`, "g");
/** Capitalised words that follow "from" or "at" and are not company names. */
const wordsOf = (text: string) => new Set(text.trim().split(/\s+/));
const NOT_COMPANIES = wordsOf(`
  I Me My We Our Us You Your The This That Slack Hi Hello Thanks Home Work Today Tomorrow Yesterday
  Monday Tuesday Wednesday Thursday Friday Saturday Sunday
  January February March April May June July August September October November December`);
/** Email providers anyone can use: their domain names no company. */
const FREE_MAIL = wordsOf(`
  gmail googlemail yahoo ymail hotmail outlook live msn icloud me mac aol proton protonmail gmx mail yandex zoho
  fastmail hey qq 163 web orange free btinternet`);

/** Slack's message markup as the text a person reads: links as their label, mailto/tel as the address. */
export function plainMessageText(text: string): string {
  return text
    .replace(/<mailto:([^|>]+)(?:\|[^>]*)?>/g, "$1")
    .replace(/<tel:([^|>]+)\|([^>]*)>/g, "$2")
    .replace(/<tel:([^|>]+)>/g, "$1")
    .replace(/<[@#!][^>]*>/g, " ")
    .replace(/<[^|>]+\|([^>]*)>/g, "$1")
    .replace(/<([^>]*)>/g, "$1")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

const unique = (values: string[]) => [...new Map(values.map((v) => [v.toLowerCase(), v])).values()];

function phonesIn(text: string): string[] {
  const found = [...text.matchAll(PHONE)].map((m) => m[0].trim());
  return found.filter((phone) => {
    const digits = phone.replace(/\D/g, "").length;
    return digits >= 7 && digits <= 15 && phone.length <= LIMITS.phone && !ISO_DATE.test(phone);
  });
}

/** Without the sentence's punctuation after it, keeping the dot of "Inc." and the like. */
function cleanCompany(name: string): string {
  const trimmed = name.trim().replace(/[\s,;:!?]+$/, "");
  return /\b(?:Inc|Co|Corp|Ltd)\.$/.test(trimmed) ? trimmed : trimmed.replace(/\.+$/, "");
}

function companiesIn(text: string): string[] {
  const labelled = [...text.matchAll(LABELLED)].map((m) => m[1] ?? "");
  const suffixed = [...text.matchAll(WITH_SUFFIX)].map((m) => (m[1] ?? "").replace(/^(?:from|at|with|of|for)\s+/i, ""));
  const after = [...text.matchAll(PREPOSITION)]
    .map((m) => (m[1] ?? "").replace(/['’]s$/, ""))
    .filter((name) => !NOT_COMPANIES.has(name.split(/\s+/)[0] ?? ""));
  return [...labelled, ...suffixed, ...after].map(cleanCompany).filter((name) => name.length > 1 && name.length <= LIMITS.company);
}

/** "jane@acme-robotics.io" → "Acme Robotics"; nothing for free mail providers. */
export function companyFromEmail(email: string): string | undefined {
  const domain = email.split("@")[1]?.toLowerCase() ?? "";
  const labels = domain.split(".");
  const name = labels.length >= 3 && /^(co|com|org|net|ac)$/.test(labels.at(-2) ?? "") ? labels.at(-3) : labels.at(-2);
  if (!name || FREE_MAIL.has(name)) return undefined;
  return name
    .split(/[-_]/)
    .filter(Boolean)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(" ");
}

/**
 * Every email and phone number in a message's text, first seen first, and the company names: labelled ones, then
 * with a legal suffix, after "from" or "at", and last from work emails' domains. No repeats.
 */
export function leadDetailsFromText(raw: string): MessageLeadDetails {
  const text = plainMessageText(raw.slice(0, READ_CHARS));
  const emails = unique([...text.matchAll(EMAIL)].map((m) => m[0]).filter((email) => email.length <= LIMITS.email));
  const withoutEmails = text.replace(EMAIL, " ");
  const phones = unique(phonesIn(withoutEmails));
  const named = unique(companiesIn(withoutEmails));
  const fromEmails = emails.map(companyFromEmail).filter((name): name is string => Boolean(name));
  return { emails, phones, companies: unique([...named, ...fromEmails]) };
}
