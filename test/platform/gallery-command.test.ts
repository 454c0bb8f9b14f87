// `npm run gallery` as a reviewer runs it: the page, a page per surface, and PNGs only where Chromium is installed.
import { execFile } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { SURFACES } from "../gallery/surfaces/index.js";

const tsx = createRequire(import.meta.url).resolve("tsx");
const main = path.resolve("test/gallery/main.ts");

/** Runs the gallery into a fresh folder with PATH set to `bin` alone. */
async function runGallery(bin: string): Promise<{ out: string; stdout: string }> {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "baton-gallery-"));
  const { stdout } = await promisify(execFile)(process.execPath, ["--import", tsx, main, "--out", out], {
    env: { PATH: bin, HOME: process.env.HOME ?? "" },
  });
  return { out, stdout };
}

describe("npm run gallery", () => {
  it("writes the page and one page per surface, and says PNGs were skipped when no Chromium is installed", async () => {
    const { out, stdout } = await runGallery(fs.mkdtempSync(path.join(os.tmpdir(), "baton-empty-bin-")));
    expect(stdout).toContain(`Gallery: ${SURFACES.length} surfaces in ${path.join(out, "index.html")}`);
    expect(stdout).toContain("PNGs skipped: no headless Chromium on PATH (looked for chromium, chromium-browser, google-chrome");
    expect(fs.readFileSync(path.join(out, "index.html"), "utf8")).toContain('id="handoff-card-pending"');
    expect(fs.readdirSync(path.join(out, "surfaces")).sort()).toEqual(SURFACES.map((s) => `${s.id}.html`).sort());
    expect(fs.existsSync(path.join(out, "png"))).toBe(false);
  });

  it("measures every surface page once, then asks headless Chromium for one screenshot per page, its window as tall as the page", async () => {
    const bin = fs.mkdtempSync(path.join(os.tmpdir(), "baton-fake-chromium-"));
    const calls = path.join(bin, "calls.log");
    // Each page's laid-out height, as Chromium reports it for the measuring page.
    const tall = new Map(SURFACES.map((s, i) => [s.id, 300 + i]));
    const dom = `<html><body><pre id="heights">${JSON.stringify(Object.fromEntries(tall))}</pre></body></html>`;
    // A stand-in for Chromium: records its arguments, prints the heights for --dump-dom and writes the screenshot asked for.
    fs.writeFileSync(
      path.join(bin, "chromium"),
      `#!/bin/sh\necho "$@" >> '${calls}'\nfor a in "$@"; do case "$a" in --dump-dom) printf '%s' '${dom}';; --screenshot=*) printf 'png' > "\${a#--screenshot=}";; esac; done\n`,
      { mode: 0o755 },
    );
    const { out, stdout } = await runGallery(bin);
    expect(stdout).toContain(`PNGs: ${SURFACES.length} in ${path.join(out, "png")} (${path.join(bin, "chromium")})`);
    expect(fs.readdirSync(path.join(out, "png")).sort()).toEqual(SURFACES.map((s) => `${s.id}.png`).sort());
    const [measure, ...shots] = fs.readFileSync(calls, "utf8").trim().split("\n");
    expect(measure).toContain("--dump-dom");
    expect(shots).toHaveLength(SURFACES.length);
    for (const [i, surface] of SURFACES.entries()) {
      expect(shots[i]).toContain("--headless");
      expect(shots[i]).toContain(`--window-size=800,${tall.get(surface.id)} `);
      expect(shots[i]).toContain(`file://${path.join(out, "surfaces", `${surface.id}.html`)}`);
    }
    expect(fs.existsSync(path.join(out, "heights.html"))).toBe(false);
  });
});
