// One home for every label people see (src/domain/labels.ts): each surface that names a reason, stage, campaign
// channel, fit grade or digest view shows the module's words, and no other source file or README list spells them.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Digest } from "../../src/domain/digests/digest.js";
import { REJECT_REASON_KEYS } from "../../src/domain/handoffs/reasons.js";
import * as labels from "../../src/domain/labels.js";
import {
  CHANNEL_LABELS,
  DIGEST_PERIOD_LABELS,
  DIGEST_SECTION_LABELS,
  DIGEST_VIEW_LABELS,
  FIT_GRADE_LABELS,
  NOT_GRADED,
  REJECT_REASON_LABELS,
  STAGE_COUNT_LABELS,
  STAGE_LABELS,
} from "../../src/domain/labels.js";
import type { HandoffCard } from "../../src/domain/ports.js";
import { campaignBasicsView, newCampaignDraft } from "../../src/slack/blocks/campaign-form.js";
import { alreadyDecidedText } from "../../src/slack/blocks/decision-replies.js";
import { scheduleEditorView, scheduleLine } from "../../src/slack/blocks/digest-settings.js";
import { digestMessage } from "../../src/slack/blocks/funnel.js";
import { handoffStatusLine } from "../../src/slack/blocks/handoff-card.js";
import { rejectedNotice } from "../../src/slack/blocks/handoff-notices.js";
import { historyLine } from "../../src/slack/blocks/lead-history.js";
import { leadModal } from "../../src/slack/blocks/lead-modal.js";
import { leadSummaryText } from "../../src/slack/blocks/lead-summary.js";
import { rejectModal } from "../../src/slack/blocks/reject-modal.js";

type Json = Record<string, any>;

const inputBlock = (view: { blocks: Json[] }, blockId: string): Json => {
  const block = view.blocks.find((b) => b.block_id === blockId);
  if (!block) throw new Error(`no block ${blockId}`);
  return block;
};
const optionTexts = (block: Json): string[] => block.element.options.map((o: Json) => o.text.text);

function rejectedCard(reason: string | null): HandoffCard {
  return {
    handoffId: "h1",
    teamId: "T0LABELS01",
    status: "rejected",
    lead: { id: "l1", name: null, email: null, phone: null, company: "Acme", title: null, fitGrade: null, notes: null, erased: false },
    campaignName: null,
    handedOffById: "U0MARKETER",
    handedOffAt: new Date("2026-11-23T09:00:00Z"),
    assigneeId: null,
    slaDueAt: null,
    answerBy: null,
    breachedAt: null,
    decidedById: "U0REP00001",
    decidedAt: new Date("2026-11-23T10:00:00Z"),
    rejectReason: reason,
    rejectNote: null,
    channelId: "C0SALES001",
    messageTs: null,
    dms: [],
  };
}

/** A digest with only the sections that name reasons and fit grades (the figures are beside the point). */
function digest(view: Digest["view"], rejections: { reason: string; count: number }[], fitGrades: (string | null)[]): Digest {
  const start = new Date("2026-11-16T00:00:00Z");
  const end = new Date("2026-11-23T00:00:00Z");
  const counts = { created: 1, mql: 1, sql: 1, opportunity: 0, won: 0, lost: 0, nurture: 0, revenue: [] };
  const report = {
    period: { unit: "week", start, end, fullEnd: end, zone: "UTC", inProgress: false },
    context: { zone: "UTC", currency: "USD" },
    counts,
    previousCounts: counts,
    rates: { leadToMql: null, mqlToSql: null, sqlToWon: null, leadToWon: null },
    previousRates: { leadToMql: null, mqlToSql: null, sqlToWon: null, leadToWon: null },
    handoffs: { breaches: 0 },
    fitGrades: fitGrades.map((grade) => ({ grade, leads: 1, sqls: 0, won: 0 })),
  };
  return {
    view,
    sections: ["rejections", "fit"],
    report,
    waiting: { waiting: 0, overdue: 0, oldestSince: null },
    pipeline: null,
    rejections,
    scorecard: null,
    trend: null,
    empty: false,
    asOf: end,
  } as unknown as Digest;
}

describe("labels people see", () => {
  it("names every reject reason with the module's words, in the Reject modal, cards, notices and digests", () => {
    const reasons = Object.values(REJECT_REASON_LABELS);
    expect(REJECT_REASON_KEYS.map((key) => REJECT_REASON_LABELS[key])).toEqual(reasons);
    expect(REJECT_REASON_LABELS.no_interest).toBe("No interest or need");
    for (const key of REJECT_REASON_KEYS) {
      const label = REJECT_REASON_LABELS[key];
      expect(handoffStatusLine(rejectedCard(key))).toContain(`: ${label}. Back to marketing`);
      expect(rejectedNotice(rejectedCard(key)).text).toContain(`*${label}*`);
      expect(alreadyDecidedText(rejectedCard(key), "U0OTHER001")).toContain(`(${label})`);
      const line = historyLine({
        type: "stage_changed",
        actorId: "U0REP00001",
        at: new Date(),
        fromStage: "mql",
        toStage: "nurture",
        reason: key,
        valueCents: null,
        currency: null,
      });
      expect(line).toContain(`: ${label}`);
    }
    const message = digestMessage(
      digest(
        "marketing",
        REJECT_REASON_KEYS.map((reason, i) => ({ reason, count: i + 1 })),
        [],
      ),
    );
    const text = JSON.stringify(message.blocks);
    REJECT_REASON_KEYS.forEach((key, i) => {
      expect(text).toContain(`${REJECT_REASON_LABELS[key]} ${i + 1}`);
    });
    expect(text).not.toMatch(/No interest \d/);
  });

  it("offers the module's reasons, fit grades, channels, digest views, sections and periods in every form", () => {
    expect(optionTexts(inputBlock(rejectModal({ handoffId: "h1" }, "Acme"), "reason"))).toEqual(Object.values(REJECT_REASON_LABELS));
    expect(optionTexts(inputBlock(leadModal({}, {}, { gradedByIcp: false }), "fitGrade"))).toEqual(
      Object.entries(FIT_GRADE_LABELS).map(([grade, meaning]) => `${grade} · ${meaning}`),
    );
    const form = campaignBasicsView(newCampaignDraft("U0MARKETER", "2026-11-23", "USD"), {});
    expect(optionTexts(inputBlock(form, "channel"))).toEqual(Object.values(CHANNEL_LABELS));
    const editor = scheduleEditorView(null, { timezone: "UTC" }, { scheduleId: null, listViewId: null });
    expect(optionTexts(inputBlock(editor, "period"))).toEqual(Object.values(DIGEST_PERIOD_LABELS));
    expect(optionTexts(inputBlock(editor, "view"))).toEqual(Object.values(DIGEST_VIEW_LABELS).map((v) => v.stresses));
    expect(optionTexts(inputBlock(editor, "sections"))).toEqual(Object.values(DIGEST_SECTION_LABELS));
  });

  it("shows stages, fit grades and digest views in the module's words", () => {
    const moved = historyLine({
      type: "stage_changed",
      actorId: "U0REP00001",
      at: new Date(),
      fromStage: "sql",
      toStage: "won",
      reason: null,
      valueCents: null,
      currency: null,
    });
    expect(moved).toContain(`from ${STAGE_LABELS.sql} to ${STAGE_LABELS.won}`);
    const summary = { name: "Ann", email: null, phone: null, company: null, title: null, notes: null, erased: false };
    expect(leadSummaryText({ ...summary, fitGrade: null }, null)).toContain(`Fit: ${NOT_GRADED}`);
    const message = digestMessage(digest("sales", [], ["A", null]));
    const text = JSON.stringify(message.blocks);
    expect(text).toContain(DIGEST_VIEW_LABELS.sales.title);
    expect(text).toContain(`*${NOT_GRADED}* 1 new`);
    const funnel = digestMessage({ ...digest("shared", [], []), sections: ["funnel"] } as Digest);
    const headings = (funnel.blocks[2] as Json).fields.map((f: Json) => /^\*(.+?)\*/.exec(f.text)?.[1]);
    const counted = Object.values(STAGE_COUNT_LABELS);
    for (const heading of headings.slice(0, 7))
      expect(counted.some((label) => heading === label || heading.startsWith(`${label} (`))).toBe(true);
    const schedule = {
      id: "s1",
      channelId: "C0SALES001",
      period: "weekly",
      view: "marketing",
      timezone: "UTC",
      cron: "0 9 * * 1",
      timing: { period: "weekly", time: "09:00", weekday: 1 },
      skipEmpty: false,
      chosenSections: [],
    } as unknown as Parameters<typeof scheduleLine>[0];
    expect(scheduleLine(schedule)).toContain(DIGEST_VIEW_LABELS.marketing.name);
  });
});

/** Every label string in the module. */
function moduleLabels(): Set<string> {
  const found = new Set<string>();
  const walk = (value: unknown) => {
    if (typeof value === "string") found.add(value);
    else if (value && typeof value === "object") Object.values(value).forEach(walk);
  };
  Object.values(labels).forEach(walk);
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "generated" ? [] : sourceFiles(path);
    return path.endsWith(".ts") ? [path] : [];
  });
}

/** The file's code without its comments (which may quote a label when they explain something). */
const code = (path: string) =>
  readFileSync(path, "utf8")
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .split("\n")
    .filter((line) => !line.trim().startsWith("//"))
    .join("\n");

/** String literals that are a label word for something else, on purpose. */
const ELSEWHERE = new Set(["src/slack/blocks/lead-modal.ts: Email"]);

describe("one home for labels", () => {
  it("is the only source file that spells a label", () => {
    const words = moduleLabels();
    const copies: string[] = [];
    for (const path of sourceFiles("src")) {
      if (path === join("src", "domain", "labels.ts")) continue;
      for (const match of code(path).matchAll(/"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)'|`([^`$]*)`/g)) {
        const literal = match[1] ?? match[2] ?? match[3] ?? "";
        if (words.has(literal) && !ELSEWHERE.has(`${path}: ${literal}`)) copies.push(`${path}: ${literal}`);
      }
    }
    expect(copies).toEqual([]);
  });

  it("is the only source file with a table of words keyed by reasons, stages, channels, grades or digest keys", () => {
    const tables = [
      REJECT_REASON_LABELS,
      STAGE_LABELS,
      CHANNEL_LABELS,
      FIT_GRADE_LABELS,
      DIGEST_VIEW_LABELS,
      DIGEST_SECTION_LABELS,
      DIGEST_PERIOD_LABELS,
    ];
    const found: string[] = [];
    for (const path of sourceFiles("src")) {
      if (path === join("src", "domain", "labels.ts")) continue;
      // `key: "Words"`: a quoted value that reads as words (capitalised, or words with a space), not an id, a
      // colour or a cron expression.
      const keyed = [...code(path).matchAll(/\b(\w+)\s*:\s*["']([^"'\n]*)["']/g)]
        .filter(([, , value = ""]) => /^[A-Z][a-z]|[a-z]{2,} [a-z]{2,}/.test(value))
        .map((m) => m[1]);
      for (const table of tables) {
        const keys = Object.keys(table).filter((key) => keyed.includes(key));
        if (keys.length >= 3) found.push(`${path}: ${keys.join(", ")}`);
      }
    }
    expect(found).toEqual([]);
  });

  it("lists the reasons and channels in the README as the module names them", () => {
    const readme = readFileSync("README.md", "utf8").replace(/\s+/g, " ");
    const reasons = Object.values(REJECT_REASON_LABELS).map((label) => label.toLowerCase());
    expect(readme).toContain(`(${reasons.join(", ")})`);
    const channels = Object.values(CHANNEL_LABELS).map((label) => (label === "SEO" ? label : label.toLowerCase()));
    expect(readme).toContain(`(${channels.join(", ")})`);
    expect(readme).not.toMatch(/no interest(?! or need)/i);
  });
});
