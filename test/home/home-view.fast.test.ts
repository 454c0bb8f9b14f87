// The Home's layout for a person with several roles: each role's part, the admin's checklist first until it is
// complete (then one line at the end), and no section without rows.
import { describe, expect, it } from "vitest";
import type { HomeData } from "../../src/domain/home/home.js";
import { homeView } from "../../src/slack/blocks/home.js";

const at = new Date("2026-11-23T09:00:00Z");
const rep: NonNullable<HomeData["rep"]> = {
  owned: [
    { stage: "sql", leads: [], total: 0 },
    { stage: "opportunity", leads: [], total: 0 },
  ],
  closed: { won: 0, lost: 0 },
  waiting: [],
  waitingTotal: 0,
  rotation: { member: true, away: false },
};
const marketer: NonNullable<HomeData["marketer"]> = {
  waitingOnSales: [],
  waitingOnSalesTotal: 0,
  sentBack: [],
  campaigns: [],
  monthStart: at,
};
const setup = (complete: boolean): NonNullable<HomeData["setup"]> => ({
  items: [
    { key: "channels", done: true },
    { key: "rotation", done: complete },
  ],
  complete,
});

const texts = (data: HomeData) =>
  homeView(data, "U1").blocks.map((b) => {
    const block = b as { type: string; block_id?: string; text?: { text: string } };
    return block.type === "header" ? `# ${block.text?.text}` : (block.block_id ?? block.type);
  });

describe("the Home's layout by role", () => {
  it("puts an incomplete checklist first, then the rep's and the marketer's parts", () => {
    expect(texts({ rep, marketer, setup: setup(false) })).toEqual([
      "# Set up Baton (1 of 2 done)",
      "setup:channels",
      "setup:rotation",
      "home_settings",
      "divider",
      "availability",
      "divider",
      "home_log",
    ]);
  });

  it("moves a complete checklist to one line at the end", () => {
    expect(texts({ rep: null, marketer, setup: setup(true) })).toEqual(["home_log", "divider", "home_setup_done"]);
  });

  it("leaves out every empty section: no zero headers, no 'none right now'", () => {
    const view = JSON.stringify(homeView({ rep, marketer, setup: null }, "U1").blocks);
    for (const empty of ["(0)", "None right now", "No handoffs are waiting", "Closed so far", "Waiting on sales", "Sent back"])
      expect(view).not.toContain(empty);
  });
});
