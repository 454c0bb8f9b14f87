// `/baton help`: one screen, by role, naming the commands each kind of person uses, with buttons for the main actions.
import { describe, expect, it } from "vitest";
import { helpMessage } from "../../src/slack/blocks/help.js";

type Block = { type: string; block_id?: string; text?: { text: string }; elements?: { action_id: string; text: { text: string } }[] };

describe("/baton help", () => {
  const blocks = helpMessage().blocks as Block[];
  const part = (key: string) => blocks.find((b) => b.block_id === `help_${key}`)?.text?.text ?? "";
  const buttons = (key: string) =>
    (blocks.find((b) => b.block_id === `help_${key}_actions`)?.elements ?? []).map((e) => [e.action_id, e.text.text]);

  it("groups the commands by who uses them, each part two short lines", () => {
    expect(part("marketing")).toContain("Marketing");
    expect(part("sales")).toContain("/lead find");
    expect(part("everyone")).toContain("/funnel help");
    expect(part("admins")).toContain("/lead forget");
    for (const key of ["marketing", "sales", "everyone", "admins"]) {
      const lines = part(key).split("\n");
      expect(lines).toHaveLength(2);
      expect(lines.every((line) => line.length <= 160)).toBe(true);
    }
  });

  it("offers the main actions as the App Home's buttons: Log a lead and Log a campaign for marketing, Settings for admins", () => {
    expect(buttons("marketing")).toEqual([
      ["home_log_lead", "Log a lead"],
      ["home_log_campaign", "Log a campaign"],
    ]);
    expect(buttons("admins")).toEqual([["home_settings", "Open settings"]]);
    expect(buttons("sales")).toEqual([]);
  });
});
