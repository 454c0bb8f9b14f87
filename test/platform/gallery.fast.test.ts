// The reviewers' gallery (`npm run gallery`): every Block Kit builder drawn from fixtures, as Slack would show it.
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { declaredBuilders } from "../gallery/builders.js";
import { DIRECTORY } from "../gallery/fixtures/workspace.js";
import { block } from "../gallery/render/blocks.js";
import { escapeHtml } from "../gallery/render/html.js";
import { mrkdwnToHtml, plainToHtml } from "../gallery/render/mrkdwn.js";
import { type Gallery, renderGallery } from "../gallery/render/page.js";
import { SURFACE_GROUPS, SURFACES } from "../gallery/surfaces/index.js";

const ROOT = path.resolve(import.meta.dirname, "../..");

type Json = Record<string, any>;

/** The plain texts Slack was asked to show on a surface's buttons, headers and modal chrome. */
function labelsOf(view: Json): string[] {
  const found: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== "object" || node === null) return;
    const n = node as Json;
    if ((n.type === "button" || n.type === "header") && n.text?.type === "plain_text") found.push(n.text.text);
    for (const value of Object.values(n)) walk(value);
  };
  walk(view.blocks);
  for (const key of ["title", "submit", "close"]) if (view[key]) found.push(view[key].text);
  return found;
}

describe("the gallery", () => {
  let gallery: Gallery;
  const section = (id: string) => gallery.surfaces.find((r) => r.surface.id === id)?.section ?? "";

  beforeAll(() => {
    gallery = renderGallery(SURFACE_GROUPS, DIRECTORY, ROOT);
  });

  it("draws every builder in src/slack/blocks that returns a Message, ModalView or HomeView", () => {
    const declared = declaredBuilders(ROOT).map((b) => b.name);
    const drawn = new Set(SURFACES.map((s) => s.builder.name));
    expect(declared.length).toBeGreaterThanOrEqual(68);
    expect(declared.filter((name) => !drawn.has(name))).toEqual([]);
    expect([...drawn].filter((name) => !declared.includes(name))).toEqual([]);
    expect(new Set(SURFACES.map((s) => s.id)).size).toBe(SURFACES.length);
    expect(gallery.surfaces).toHaveLength(SURFACES.length);
    for (const r of gallery.surfaces) {
      expect(gallery.index).toContain(`id="${r.surface.id}"`);
      expect(r.page).toContain(`id="${r.surface.id}"`);
    }
  });

  it("names each surface and its builder above it, and shows every button, header and modal title", () => {
    for (const { surface, section } of gallery.surfaces) {
      expect(section).toContain(escapeHtml(surface.title));
      expect(section).toContain(`<code>${surface.builder.name}()</code> in <code>src/slack/blocks/`);
      expect(section).not.toContain("render-error");
      expect(section).toMatch(/class="size">\d+ blocks? · [\d,]+ characters</);
      for (const label of labelsOf(surface.render() as Json)) expect(section, `${surface.id}: ${label}`).toContain(plainToHtml(label));
    }
  });

  it("draws the handoff card with the lead, who handed it off, the clock and its three controls", () => {
    const card = section("handoff-card-pending");
    for (const text of [
      "New lead for sales",
      "<b>Jane Doe</b> · VP Marketing at Acme Corp",
      "@Kim Reyes",
      'Assigned to <span class="mention">@Ava Adams</span>',
    ])
      expect(card).toContain(text);
    expect(card).toContain('<span class="button primary">Accept</span>');
    expect(card).toContain('<span class="button danger">Reject</span>');
    expect(card).toContain('<span class="icon">👤</span><span class="value">Ava Adams</span>');
    expect(card).toContain('answer by <span class="date">Today at 1:55 PM</span>');
    expect(section("handoff-card-accepted")).not.toContain(">Accept</span>");
  });

  it("draws the digest with its chart embedded as a PNG, the Home with its waiting rows, and modals with their inputs", () => {
    const digest = section("digest-sales");
    expect(digest).toContain("Funnel · Week of Nov 23, 2026");
    expect(digest).toMatch(/<img src="data:image\/jpeg;base64,[A-Za-z0-9+/]{1000,}/);
    expect(section("digest-quiet")).not.toContain("data:image/jpeg");
    const home = section("home-rep");
    for (const text of ["Waiting for your answer (2)", "<b>Luis Ortega</b>", "🚨</span> <b>Overdue</b>", "Mark me away", "Team funnel"])
      expect(home).toContain(text);
    const form = section("campaign-form-new");
    for (const text of [
      "Log a campaign",
      "Spring launch webinar",
      "(optional)",
      "👤",
      "Kim Reyes",
      "Dec 1, 2026",
      "Step 1 of 2",
      "Next",
      "Cancel",
    ])
      expect(form).toContain(text);
    expect(section("campaign-form-new-step-2")).toContain("Log campaign");
  });

  it("shows text people typed as text: markup in a lead's name never becomes HTML", () => {
    const card = section("handoff-card-markup");
    expect(card).toContain("&lt;script&gt;alert('hi')&lt;/script&gt; Bobby");
    expect(card).toContain("Tables &amp; &lt;b&gt;Chairs&lt;/b&gt; Ltd");
    expect(gallery.index.match(/<script/i)).toBeNull();
  });

  it("shows mentions, channels and user groups by name, as Slack does", () => {
    expect(section("accepted-thread")).toContain(
      '<span class="mention">@Kim Reyes</span>: <span class="mention">@Ava Adams</span> accepted',
    );
    expect(section("handed-off")).toContain('<span class="mention channel">#sales</span>');
    expect(section("escalation")).toContain('<span class="mention">@sales-team</span>');
    expect(gallery.index.match(/&lt;@U0|<@U0|&lt;#C0|&lt;!subteam/g)).toBeNull();
  });
});

describe("mrkdwn as Slack shows it", () => {
  const html = (text: string) => mrkdwnToHtml(text, DIRECTORY);

  it("renders bold, italic, strike, code, pre and quotes, only at word edges", () => {
    expect(html("*Needs action* and _late_ and ~old~")).toBe("<b>Needs action</b> and <i>late</i> and <s>old</s>");
    expect(html("2*3*4 and snake_case_name")).toBe("2*3*4 and snake_case_name");
    expect(html("run `/lead find <x>`")).toBe("run <code>/lead find &lt;x&gt;</code>");
    expect(html("```a *b* <c>```")).toBe("<pre>a *b* &lt;c&gt;</pre>");
    expect(html("said:\n> no budget\n> until April")).toBe("said:<blockquote>no budget<br>until April</blockquote>");
  });

  it("renders links, dates and emoji, and unknown emoji as a :name: chip", () => {
    expect(html("<https://northwind.example/a?b=1&amp;c=2|the card>")).toBe(
      '<a href="https://northwind.example/a?b=1&amp;c=2">the card</a>',
    );
    expect(html("<javascript:alert(1)|x>")).toBe("x");
    expect(html("<!date^1796140800^{date_short_pretty} at {time}|2026-12-01 16:00 UTC>")).toBe(
      '<span class="date">Today at 11:00 AM</span>',
    );
    expect(html(":white_check_mark: :not_an_emoji_we_know:")).toBe(
      '<span class="emoji" title=":white_check_mark:">✅</span> <span class="emoji-chip">:not_an_emoji_we_know:</span>',
    );
  });

  it("draws rich text with its styles, mentions and lists", () => {
    const html = block(
      {
        type: "rich_text",
        elements: [
          {
            type: "rich_text_section",
            elements: [
              { type: "text", text: "Won <big>", style: { bold: true } },
              { type: "user", user_id: "U0AVAADAMS" },
            ],
          },
          {
            type: "rich_text_list",
            style: "bullet",
            elements: [{ type: "rich_text_section", elements: [{ type: "text", text: "Acme Corp" }] }],
          },
        ],
      },
      { dir: DIRECTORY, pictures: {} },
    );
    expect(html).toBe(
      '<div class="block rich-text"><div><b>Won &lt;big&gt;</b><span class="mention">@Ava Adams</span></div><ul><li>Acme Corp</li></ul></div>',
    );
  });
});
