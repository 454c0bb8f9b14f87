// `/baton help`: one screen, by role, naming the commands each kind of person uses.
import { describe, expect, it } from "vitest";
import { helpMessage } from "../../src/slack/blocks/help.js";

describe("/baton help", () => {
  it("groups the commands by who uses them, in a handful of short lines", () => {
    const { blocks } = helpMessage();
    const text = JSON.stringify(blocks);
    for (const role of ["Marketing", "Sales", "Everyone", "Admins"]) expect(text).toContain(role);
    for (const command of ["/lead handoff", "/lead find", "/funnel help", "/baton settings", "/lead forget"])
      expect(text).toContain(command);
    const lines = (blocks[2] as { text: { text: string } }).text.text.split("\n");
    expect(lines).toHaveLength(8);
    expect(lines.every((line) => line.length <= 160)).toBe(true);
  });
});
