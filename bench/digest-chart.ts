// Renders a real digest's chart for the README: `npx tsx bench/digest-chart.ts [out.png]`.
// Builds the hand-checked week of the tests (test/funnel/known-week.ts) in a throwaway SQLite database, computes
// the digest through the real domain code and renders it with the app's own chart renderer.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase } from "../src/db/client.js";
import { applyMigrations } from "../src/db/migrate.js";
import { databaseTarget } from "../src/db/target.js";
import { OnDemandDigests } from "../src/domain/digests/on-demand-digests.js";
import { FunnelService } from "../src/domain/funnel/funnel-service.js";
import { digestMessage } from "../src/slack/blocks/funnel.js";
import { renderDigestChart } from "../src/slack/charts/digest-chart.js";
import { FunnelData } from "../test/funnel/fixtures.js";
import { buildKnownWeek, NOW, ZONE } from "../test/funnel/known-week.js";

const out = process.argv[2] ?? "bench/digest-chart.png";
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "baton-chart-"));
const target = databaseTarget(`file:${path.join(dir, "chart.db")}`);
try {
  await applyMigrations(target);
  const database = await openDatabase(target);
  try {
    const data = new FunnelData(database.prisma, "T0README01", ZONE);
    await buildKnownWeek(data);
    // Some earlier weeks, so the trend has a shape.
    for (const [week, leads] of [
      ["2026-09-28", 3],
      ["2026-10-05", 5],
      ["2026-10-12", 4],
      ["2026-10-19", 7],
      ["2026-10-26", 6],
    ] as const) {
      for (let i = 0; i < leads; i++) {
        const moves: ["mql" | "sql" | "won", string][] = [["mql", `${week}T11:00`]];
        if (i % 2 === 0) moves.push(["sql", `${week}T15:00`]);
        if (i % 4 === 0) moves.push(["won", `${week}T17:00`]);
        await data.lead({ created: `${week}T09:00`, moves, wonCents: 300_000 });
      }
    }
    const deps = { db: database.prisma, provider: database.provider, clock: { now: () => new Date(NOW) } };
    const funnel = new FunnelService(deps);
    const digest = await new OnDemandDigests({ ...deps, funnel }).digest(await funnel.query("T0README01", "last week"), "shared", null);
    fs.writeFileSync(out, renderDigestChart(digest));
    const message = digestMessage(digest);
    console.log(`wrote ${out}\n\nThe digest message's text, block by block:\n`);
    for (const block of message.blocks as { text?: { text: string }; fields?: { text: string }[]; elements?: { text: string }[] }[]) {
      const texts = [block.text?.text, ...(block.fields ?? []).map((f) => f.text), ...(block.elements ?? []).map((e) => e.text)];
      console.log(texts.filter(Boolean).join(" | "));
    }
  } finally {
    await database.close();
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
