// One vocabulary across every surface Baton builds, scanned on the gallery's realistic fixtures: "→" only for the
// funnel's flow (and a setting's before → after, or a menu path), changes as "+6 vs last week" or "no change", trends as lists, one plural form, one duration style.
import { describe, expect, it } from "vitest";
import { SURFACES } from "../gallery/surfaces/index.js";
import { textsOf } from "../helpers/block-kit.js";

const FORBIDDEN: [string, RegExp][] = [
  ["an arrow for a change", /[↑↓]/],
  ["an arrow for no change", /\d\s+→\s*$/m],
  // A chain of values ("0 → 1 → 2 → 5"); one "before → after" in an announcement reads right and stays.
  ["an arrow trend", /([$€£]?[\d–—][^\s→]*\s*→\s*){2,}[$€£]?[\d–—<]/],
  ['"(s)" for a plural', /\w\(s\)/],
  ['the other duration style ("1h 20m")', /\b\d+[hdm]\b(?!\w)/],
  ["a comparison said twice in one change", /vs (last \w+|the \w+ before) · [+-]/],
  ["a singular count with a plural noun", /(^|[^\d.,])1 (leads|SQLs|MQLs|handoffs|reps|campaigns|deals|breaches)\b/],
];

// The fit table reads along the funnel ("2 new → 2 SQL → 2 won"): the flow, which is what → is for.
const FUNNEL_FLOW = /\d+ new → \d+ SQL → \d+ won/g;

describe("one vocabulary", () => {
  it("no surface uses a forbidden form", () => {
    const problems: string[] = [];
    for (const surface of SURFACES) {
      const built = surface.render() as { text?: string; blocks?: unknown[] };
      for (const text of [...textsOf(built.blocks ?? []), built.text ?? ""]) {
        const plain = text.replace(FUNNEL_FLOW, "");
        for (const [what, pattern] of FORBIDDEN) if (pattern.test(plain)) problems.push(`${surface.id}: ${what}: ${text.slice(0, 120)}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
