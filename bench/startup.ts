// Start-up: time from launching Baton to the first 200 from /healthz, on an already migrated database.
import { startProcess } from "./lib/processes.js";
import { median } from "./lib/stats.js";

export interface StartupFigures {
  nodeMs: number;
  npmStartMs: number;
}

export async function measureStartup(env: Record<string, string>, runs: number, port: number): Promise<StartupFigures> {
  const node: number[] = [];
  const npm: number[] = [];
  for (let i = 0; i < runs; i++) {
    const direct = await startProcess(process.execPath, ["dist/main.js"], env, port, "/healthz");
    node.push(direct.startupMs);
    await direct.stop();
    // `npm start` also runs the incremental build check (prestart: tsc -b), as a user's `npm start` does.
    const viaNpm = await startProcess("npm", ["start", "--silent"], env, port, "/healthz");
    npm.push(viaNpm.startupMs);
    await viaNpm.stop();
  }
  return { nodeMs: median(node), npmStartMs: median(npm) };
}
