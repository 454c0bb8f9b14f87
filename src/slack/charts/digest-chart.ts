// The digest's chart, rendered here (Chart.js on Skia via @napi-rs/canvas; no chart service, nothing downloaded at
// run time). Left: this period's funnel. Right: the trend over the last 8 periods.
import { createRequire } from "node:module";
import { type Canvas, createCanvas, GlobalFonts, type SKRSContext2D } from "@napi-rs/canvas";
import { Chart, type ChartConfiguration, registerables } from "chart.js";
import type { Digest } from "../../domain/digests/digest.js";
import { STAGE_COUNT_LABELS, STAGE_LABELS } from "../../domain/labels.js";
import { count, periodLabel, plural, shortPeriodLabel } from "../blocks/format.js";

export const CHART_SIZE = { width: 1200, height: 520 } as const;

/**
 * JPEG, not PNG: Skia's PNG encoder took 13 ms of CPU per chart against 4 ms for JPEG, a sixth of a digest's whole
 * budget in a burst (bench/README.md). At this quality the flat colours and text show no visible artefacts.
 */
export const CHART_FILE = { filename: "baton-funnel.jpg", mimetype: "image/jpeg" } as const;
const JPEG_QUALITY = 92;
/** Room at the edges so the longest stage label and the last period's label are not cut off. */
const PADDING = { left: 16, right: 32, top: 4, bottom: 4 };

const FONT = "Baton Sans";
const COLORS = { created: "#9aa5b1", mql: "#3b82f6", sql: "#8b5cf6", opportunity: "#f59e0b", won: "#10b981", text: "#1f2933" };

let ready = false;
function setUp(): void {
  if (ready) return;
  // A font shipped in node_modules, so text renders the same on a bare server or container without system fonts.
  const require = createRequire(import.meta.url);
  GlobalFonts.registerFromPath(require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf"), FONT);
  GlobalFonts.registerFromPath(require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf"), FONT);
  Chart.register(...registerables);
  Chart.defaults.font.family = FONT;
  Chart.defaults.color = COLORS.text;
  ready = true;
}

/**
 * Draws one chart on its slot's canvas. Each slot's canvas and Chart are made once and redrawn with new data:
 * building a Chart from its configuration was most of a chart's drawing time. Rendering is synchronous and the
 * result is encoded before it returns (Skia reads a drawn canvas only then), so one slot serves every digest.
 */
const slots = new Map<string, { canvas: Canvas; chart: Chart }>();
function draw(slot: string, width: number, height: number, config: ChartConfiguration): { canvas: Canvas } {
  const options = {
    layout: { padding: PADDING },
    ...config.options,
    animation: false,
    responsive: false,
    devicePixelRatio: 1,
  } as ChartConfiguration["options"];
  const existing = slots.get(slot);
  if (existing) {
    existing.chart.data = config.data;
    existing.chart.options = options ?? {};
    existing.chart.update("none");
    return existing;
  }
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext("2d");
  const chart = new Chart(ctx as unknown as ConstructorParameters<typeof Chart>[0], { ...config, options } as ChartConfiguration);
  slots.set(slot, { canvas, chart });
  return { canvas };
}

/** A JPEG of CHART_SIZE: the funnel of `digest`'s period and the stage counts of the last periods. */
export function renderDigestChart(digest: Digest): Buffer {
  setUp();
  const { width, height } = CHART_SIZE;
  const half = width / 2;
  const top = 56;
  const c = digest.report.counts;
  const stages = [
    [STAGE_COUNT_LABELS.created, c.created, COLORS.created],
    [STAGE_COUNT_LABELS.mql, c.mql, COLORS.mql],
    [STAGE_COUNT_LABELS.sql, c.sql, COLORS.sql],
    [STAGE_COUNT_LABELS.opportunity, c.opportunity, COLORS.opportunity],
    [STAGE_COUNT_LABELS.won, c.won, COLORS.won],
  ] as const;
  const funnel = draw("funnel", half, height - top, {
    type: "bar",
    data: {
      labels: stages.map(([label, n]) => `${label} ${count(n)}`),
      datasets: [{ data: stages.map(([, n]) => n), backgroundColor: stages.map(([, , color]) => color), borderRadius: 4 }],
    },
    options: {
      indexAxis: "y",
      plugins: { legend: { display: false }, title: { display: true, text: "This period's funnel", font: { size: 16 } } },
      // Grace: the longest bar stops short of the edge, so its end reads as a value, not as clipped.
      scales: { x: { beginAtZero: true, grace: "8%", ticks: { precision: 0 } }, y: { ticks: { font: { size: 14 } } } },
    },
  });
  const trend = digest.trend ?? { periods: [digest.report.period], counts: [c] };
  const series = [
    [STAGE_COUNT_LABELS.created, "created", COLORS.created],
    [STAGE_COUNT_LABELS.mql, "mql", COLORS.mql],
    [STAGE_COUNT_LABELS.sql, "sql", COLORS.sql],
    [STAGE_COUNT_LABELS.won, "won", COLORS.won],
  ] as const;
  const lines = draw("trend", half, height - top, {
    type: "line",
    data: {
      labels: trend.periods.map(shortPeriodLabel),
      datasets: series.map(([label, key, color]) => ({
        label,
        data: trend.counts.map((counts) => counts[key]),
        borderColor: color,
        backgroundColor: color,
        cubicInterpolationMode: "monotone" as const,
        pointRadius: 3,
      })),
    },
    options: {
      plugins: {
        legend: { position: "bottom" },
        title: { display: true, text: `Last ${trend.periods.length} periods`, font: { size: 16 } },
      },
      scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
    },
  });
  const canvas = createCanvas(width, height);
  const ctx: SKRSContext2D = canvas.getContext("2d");
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = COLORS.text;
  ctx.font = `bold 22px "${FONT}"`;
  const heading = `${digest.report.campaign ? `${digest.report.campaign.name} · ` : ""}Funnel · ${periodLabel(digest.report.period)}`;
  ctx.fillText(heading.length > 90 ? `${heading.slice(0, 89)}…` : heading, 20, 36);
  ctx.drawImage(funnel.canvas, 0, top);
  ctx.drawImage(lines.canvas, half, top);
  return canvas.encodeSync("jpeg", JPEG_QUALITY);
}

export function chartAltText(digest: Digest): string {
  const c = digest.report.counts;
  return `Funnel for ${periodLabel(digest.report.period)}: ${plural(c.created, "new lead")}, ${plural(c.mql, STAGE_LABELS.mql, STAGE_COUNT_LABELS.mql)}, ${plural(c.sql, STAGE_LABELS.sql, STAGE_COUNT_LABELS.sql)}, ${plural(c.opportunity, "opportunity", "opportunities")}, ${count(c.won)} won; and new leads, MQLs, SQLs and won over the last ${digest.trend?.periods.length ?? 1} periods.`;
}
