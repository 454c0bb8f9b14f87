// `npm run gallery [-- --out <dir>] [-- --only <id,id>]`: draws every surface Baton builds to test/gallery/out/index.html
// (one page), one page per surface in test/gallery/out/surfaces/, and with headless Chromium on PATH one PNG per surface
// in test/gallery/out/png/ (only the named surfaces' PNGs with --only: a full run takes a few minutes).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { DIRECTORY } from "./fixtures/workspace.js";
import { type RenderedSurface, renderGallery } from "./render/page.js";
import { SURFACE_GROUPS } from "./surfaces/index.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const args = process.argv.slice(2);
const OUT = args.includes("--out") ? path.resolve(args[args.indexOf("--out") + 1] ?? "") : path.join(ROOT, "test", "gallery", "out");
const ONLY = args.includes("--only") ? (args[args.indexOf("--only") + 1] ?? "").split(",").filter(Boolean) : null;
const BROWSERS = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

function findBrowser(): string | null {
  const dirs = (process.env.PATH ?? "").split(path.delimiter).filter(Boolean);
  for (const name of BROWSERS) {
    for (const dir of dirs) {
      const candidate = path.join(dir, name);
      if (fs.existsSync(candidate)) return candidate;
    }
  }
  return null;
}

/** A guess at a surface's height from its number of blocks, for when measuring it failed. */
function guessedHeight(r: RenderedSurface): number {
  const blocks = r.surface.render().blocks.length;
  const perBlock = r.surface.kind === "modal" ? 84 : 52;
  const chart = r.surface.kind === "message" && r.surface.chart ? 420 : 0;
  return 200 + blocks * perBlock + chart;
}

/**
 * Chromium screenshots its window, not the page, so each window is sized to its page: one headless run lays out every
 * surface page in an 800px frame and prints their heights (a guess from the blocks would clip long modals).
 */
function measuredHeights(browser: string, rendered: RenderedSurface[]): Map<string, number> {
  const frames = rendered
    .map(
      (r) =>
        `<iframe data-id="${r.surface.id}" src="surfaces/${r.surface.id}.html" style="width:800px;height:100px;border:0;display:block"></iframe>`,
    )
    .join("");
  const script = `window.onload = () => { const h = {}; for (const f of document.querySelectorAll("iframe")) h[f.dataset.id] = f.contentDocument.documentElement.scrollHeight; document.getElementById("heights").textContent = JSON.stringify(h); };`;
  const page = path.join(OUT, "heights.html");
  fs.writeFileSync(page, `<!doctype html><html><body><pre id="heights"></pre>${frames}<script>${script}</script></body></html>`);
  try {
    const dom = execFileSync(
      browser,
      [
        "--headless",
        "--disable-gpu",
        "--no-sandbox",
        "--allow-file-access-from-files",
        "--virtual-time-budget=20000",
        "--dump-dom",
        `file://${page}`,
      ],
      { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], maxBuffer: 64 * 1024 * 1024 },
    );
    const json = /<pre id="heights">([^<]*)<\/pre>/.exec(dom)?.[1] ?? "{}";
    return new Map(Object.entries(JSON.parse(json) as Record<string, number>));
  } catch {
    return new Map();
  } finally {
    fs.rmSync(page, { force: true });
  }
}

function screenshots(browser: string, rendered: RenderedSurface[]): void {
  const dir = path.join(OUT, "png");
  fs.mkdirSync(dir, { recursive: true });
  const heights = measuredHeights(browser, rendered);
  for (const r of rendered) {
    const height = Math.min(6000, heights.get(r.surface.id) ?? guessedHeight(r));
    const page = path.join(OUT, "surfaces", `${r.surface.id}.html`);
    execFileSync(
      browser,
      [
        "--headless",
        "--disable-gpu",
        "--no-sandbox",
        "--hide-scrollbars",
        `--window-size=800,${height}`,
        `--screenshot=${path.join(dir, `${r.surface.id}.png`)}`,
        `file://${page}`,
      ],
      { stdio: "ignore" },
    );
  }
  const guessed = rendered.length - rendered.filter((r) => heights.has(r.surface.id)).length;
  console.log(`PNGs: ${rendered.length} in ${dir} (${browser}${guessed ? `; ${guessed} heights guessed, not measured` : ""})`);
}

const gallery = renderGallery(SURFACE_GROUPS, DIRECTORY, ROOT);
// Only what the gallery writes is replaced: --out may name a folder that holds other things.
for (const old of ONLY ? ["surfaces"] : ["surfaces", "png"]) fs.rmSync(path.join(OUT, old), { recursive: true, force: true });
fs.mkdirSync(path.join(OUT, "surfaces"), { recursive: true });
fs.writeFileSync(path.join(OUT, "index.html"), gallery.index);
for (const r of gallery.surfaces) fs.writeFileSync(path.join(OUT, "surfaces", `${r.surface.id}.html`), r.page);
console.log(
  `Gallery: ${gallery.surfaces.length} surfaces in ${path.join(OUT, "index.html")} (one page each in ${path.join(OUT, "surfaces")})`,
);

const browser = findBrowser();
const shot = ONLY ? gallery.surfaces.filter((r) => ONLY.includes(r.surface.id)) : gallery.surfaces;
if (browser) screenshots(browser, shot);
else console.log(`PNGs skipped: no headless Chromium on PATH (looked for ${BROWSERS.join(", ")}).`);
