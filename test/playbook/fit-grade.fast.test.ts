import { describe, expect, it } from "vitest";
import { type FitFields, fitOf, type SegmentCriteria } from "../../src/domain/playbook/fit.js";

const midMarket: SegmentCriteria = {
  id: "seg_mid",
  industries: ["SaaS", "Software"],
  companySizes: ["51-200", "201-1000"],
  regions: ["Europe"],
  titles: ["VP", "Head of"],
};
const banks: SegmentCriteria = { id: "seg_banks", industries: ["Banking"], companySizes: ["1001-5000", "5001+"], regions: [], titles: [] };
const icp = [midMarket, banks];

const cases: [string, FitFields, string, string | null][] = [
  // every criterion of a segment met, matching whole words ignoring case
  ["a", { industry: "B2B SaaS", companySize: "51-200", region: "Western Europe", title: "VP Marketing" }, "A", "seg_mid"],
  // 3 of 4
  ["b", { industry: "saas", companySize: "11-50", region: "Europe", title: "Head of Growth" }, "B", "seg_mid"],
  // 2 of 4
  ["c", { industry: "Software", companySize: "1-10", region: "North America", title: "Head of Sales" }, "C", "seg_mid"],
  // 1 of 4 and 0 of 2: no segment
  ["d", { industry: "Retail", companySize: "1-10", region: "Asia", title: "VP Sales" }, "D", null],
  // both criteria of the second segment
  ["e", { industry: "Banking", companySize: "5001+" }, "A", "seg_banks"],
  // nothing known about the lead
  ["f", {}, "D", null],
  // "VP" is not a word of "VPN admin": 3 of 4
  ["g", { industry: "SaaS", companySize: "201-1000", region: "Europe", title: "VPN admin" }, "B", "seg_mid"],
  // 1 of 2
  ["h", { industry: "Banking" }, "C", "seg_banks"],
  // C for both (2 of 4, 1 of 2): the segment meeting more criteria wins
  ["i", { industry: "Banking", companySize: "201-1000", region: "Europe" }, "C", "seg_mid"],
];

describe("fit grade against the ICP", () => {
  it.each(cases)("grades lead %s", (_name, lead, grade, segmentId) => {
    expect(fitOf(lead, icp)).toEqual({ grade, segmentId });
  });

  it("gives no grade without an ICP, so a hand-picked grade stands", () => {
    expect(fitOf({ industry: "SaaS" }, [])).toBeUndefined();
  });

  it("prefers the segment listed first when two fit equally well", () => {
    const twin = { ...midMarket, id: "seg_twin" };
    expect(fitOf({ industry: "SaaS", companySize: "51-200", region: "Europe", title: "VP" }, [twin, midMarket])).toEqual({
      grade: "A",
      segmentId: "seg_twin",
    });
  });

  it("grades 2 of 3 criteria as C: B needs three quarters", () => {
    const three: SegmentCriteria = { id: "seg_3", industries: ["SaaS"], companySizes: ["51-200"], regions: ["Europe"], titles: [] };
    expect(fitOf({ industry: "SaaS", companySize: "51-200", region: "Asia" }, [three])).toEqual({ grade: "C", segmentId: "seg_3" });
  });
});
