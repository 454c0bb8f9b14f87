// `npm run gallery [-- --out <dir>]`: draws every surface Baton builds to test/gallery/out/index.html (one page), one
// page per surface in test/gallery/out/surfaces/, and with headless Chromium on PATH one PNG per surface in
// test/gallery/out/png/.
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

/** Chromium screenshots its window, not the page: the window is sized from the surface's number of blocks. */
function heightOf(r: RenderedSurface): number {
  const view = r.surface.render();
  const blocks = view.blocks.length;
  const perBlock = r.surface.kind === "modal" ? 84 : 52;
  const chart = r.surface.kind === "message" && r.surface.chart ? 420 : 0;
  return Math.min(6000, 200 + blocks * perBlock + chart);
}

function screenshots(browser: string, rendered: RenderedSurface[]): void {
  const dir = path.join(OUT, "png");
  fs.mkdirSync(dir, { recursive: true });
  for (const r of rendered) {
    const page = path.join(OUT, "surfaces", `${r.surface.id}.html`);
    execFileSync(
      browser,
      [
        "--headless",
        "--disable-gpu",
        "--no-sandbox",
        "--hide-scrollbars",
        `--window-size=800,${heightOf(r)}`,
        `--screenshot=${path.join(dir, `${r.surface.id}.png`)}`,
        `file://${page}`,
      ],
      { stdio: "ignore" },
    );
  }
  console.log(`PNGs: ${rendered.length} in ${dir} (${browser})`);
}

const gallery = renderGallery(SURFACE_GROUPS, DIRECTORY, ROOT);
// Only what the gallery writes is replaced: --out may name a folder that holds other things.
for (const old of ["surfaces", "png"]) fs.rmSync(path.join(OUT, old), { recursive: true, force: true });
fs.mkdirSync(path.join(OUT, "surfaces"), { recursive: true });
fs.writeFileSync(path.join(OUT, "index.html"), gallery.index);
for (const r of gallery.surfaces) fs.writeFileSync(path.join(OUT, "surfaces", `${r.surface.id}.html`), r.page);
console.log(
  `Gallery: ${gallery.surfaces.length} surfaces in ${path.join(OUT, "index.html")} (one page each in ${path.join(OUT, "surfaces")})`,
);

const browser = findBrowser();
if (browser) screenshots(browser, gallery.surfaces);
else console.log(`PNGs skipped: no headless Chromium on PATH (looked for ${BROWSERS.join(", ")}).`);
