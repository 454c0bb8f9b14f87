// Starts an app under test as its own process (the same process model for Baton and the bare Bolt app) and
// waits until it answers.
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";

export interface AppProcess {
  child: ChildProcess;
  port: number;
  /** Milliseconds from spawn to the first 200 from `readyPath`. */
  startupMs: number;
  /** Peak resident set size of the process, sampled from /proc while it ran (bytes). */
  peakRss(): number;
  stop(): Promise<void>;
}

export async function startProcess(
  command: string,
  args: string[],
  env: Record<string, string>,
  port: number,
  readyPath: string,
  cwd?: string,
): Promise<AppProcess> {
  const started = performance.now();
  const child = spawn(command, args, {
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ["ignore", "ignore", "pipe"],
    ...(cwd ? { cwd } : {}),
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  let peak = 0;
  const sampler = setInterval(() => {
    peak = Math.max(peak, rssOf(child.pid));
  }, 50);
  const startupMs = await waitFor(`http://127.0.0.1:${port}${readyPath}`, child, () => stderr).then(() => performance.now() - started);
  return {
    child,
    port,
    startupMs,
    peakRss: () => Math.max(peak, rssOf(child.pid)),
    stop: async () => {
      clearInterval(sampler);
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    },
  };
}

async function waitFor(url: string, child: ChildProcess, stderr: () => string): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`process exited (${child.exitCode}) before it was ready:\n${stderr()}`);
    try {
      const response = await fetch(url);
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} not ready after 120 s:\n${stderr()}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Resident set size from /proc/<pid>/status (Linux); 0 where unavailable. */
export function rssOf(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = /VmRSS:\s+(\d+)/.exec(status)?.[1];
    return kb ? Number(kb) * 1024 : 0;
  } catch {
    return 0;
  }
}
