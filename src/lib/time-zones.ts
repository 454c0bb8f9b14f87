// The IANA time zones people pick from: the ones Node knows (Intl), UTC first, searchable by what is typed.
import { DateTime } from "luxon";

/** Shown first when nothing is typed yet: where most teams are. */
const COMMON_ZONES = [
  "UTC",
  "America/New_York",
  "America/Chicago",
  "America/Denver",
  "America/Los_Angeles",
  "America/Sao_Paulo",
  "Europe/London",
  "Europe/Paris",
  "Europe/Berlin",
  "Europe/Madrid",
  "Africa/Johannesburg",
  "Asia/Dubai",
  "Asia/Kolkata",
  "Asia/Singapore",
  "Asia/Tokyo",
  "Australia/Sydney",
];

const ALL_ZONES = ["UTC", ...Intl.supportedValuesOf("timeZone").filter((zone) => zone !== "UTC")];

/** "america/new york" for "America/New_York": case, slashes and underscores don't matter when searching. */
const searchable = (text: string) => text.toLowerCase().replace(/[_/]+/g, " ").replace(/\s+/g, " ").trim();
const INDEX = ALL_ZONES.map((zone) => ({ zone, key: searchable(zone) }));

/**
 * The zones matching what was typed (every word somewhere in the name: "york" or "new york" finds
 * America/New_York), at most `limit`; with nothing typed, the common zones first and then the rest.
 */
export function searchTimeZones(typed: string, limit: number): string[] {
  const words = searchable(typed).split(" ").filter(Boolean);
  if (words.length === 0) {
    const known = COMMON_ZONES.filter((zone) => zone === "UTC" || ALL_ZONES.includes(zone));
    return [...new Set([...known, ...ALL_ZONES])].slice(0, limit);
  }
  const matches = INDEX.filter(({ key }) => words.every((word) => key.includes(word)));
  // A city that starts with the typed text ("ber" → Berlin) before one that only contains it (Ciudad_Juarez… "ber").
  const first = words[0] ?? "";
  const starts = (key: string) => key.split(" ").some((part) => part.startsWith(first));
  return [...matches.filter((m) => starts(m.key)), ...matches.filter((m) => !starts(m.key))].slice(0, limit).map((m) => m.zone);
}

/** "Europe/Berlin (UTC+01:00)": the zone and its offset at `at`. */
export function timeZoneLabel(zone: string, at: Date): string {
  const local = DateTime.fromJSDate(at, { zone });
  if (!local.isValid) return zone;
  return `${zone.replaceAll("_", " ")} (UTC${local.toFormat("ZZ")})`;
}
