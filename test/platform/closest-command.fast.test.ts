// The closest valid command for a typo: what "Did you mean …?" replies suggest.
import { describe, expect, it } from "vitest";
import { closestTo, editDistance } from "../../src/lib/closest.js";

describe("the closest command to a typo", () => {
  it("counts inserted, deleted and replaced letters", () => {
    expect(editDistance("setings", "settings")).toBe(1);
    expect(editDistance("sla", "icp")).toBe(3);
    expect(editDistance("", "away")).toBe(4);
    expect(editDistance("export", "export")).toBe(0);
  });

  it("suggests a near word and nothing for a far one", () => {
    const commands = ["help", "settings", "icp", "brand", "sla", "away", "back"];
    expect(closestTo("setings", commands)).toBe("settings");
    expect(closestTo("SETTNGS", commands)).toBe("settings");
    expect(closestTo("brnd", commands)).toBe("brand");
    expect(closestTo("frobnicate", commands)).toBeUndefined();
    expect(closestTo("", commands)).toBeUndefined();
  });
});
