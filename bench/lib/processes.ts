// Starts an app under test as its own process (the same process model for Baton and the bare Bolt app) and
// waits until it answers.
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";

export interface AppProcess {
  port: number;
  /** The spawned process (for `node` itself: Baton's process, whose CPU time and memory /proc shows). */
  pid: number;
  /** Milliseconds from spawn to the first 200 from `readyPath`. */
  startupMs: number;
  stop(): Promise<void>;
  /** SIGKILL to the whole group, at once: nothing in the process runs after this call. */
  kill(): void;
  /** Settles when the spawned process has exited. */
  exited: Promise<void>;
}

export async function startProcess(
  command: string,
  args: string[],
  env: Record<string, string>,
  port: number,
  readyPath: string,
): Promise<AppProcess> {
  const started = performance.now();
  const profile = cpuProfileArgs(command, args);
  // Its own process group, so that stopping `npm start` also stops the node process npm started.
  const child = spawn(command, [...profile, ...args], {
    env: { ...process.env, ...env, PORT: String(port) },
    // BENCH_APP_LOG=<file> keeps what the apps print (their logs), to see why a figure looks wrong.
    stdio: ["ignore", process.env.BENCH_APP_LOG ? fs.openSync(process.env.BENCH_APP_LOG, "a") : "ignore", "pipe"],
    detached: true,
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const startupMs = await waitFor(`http://127.0.0.1:${port}${readyPath}`, child, () => stderr).then(() => performance.now() - started);
  const kill = () => {
    try {
      if (child.pid) process.kill(-child.pid, "SIGKILL");
    } catch {
      // the group is gone
    }
  };
  return { port, pid: child.pid ?? 0, startupMs, stop: () => stopGroup(child), kill, exited };
}

/**
 * `BENCH_CPU_PROF=<dir>`: Baton (`node …/main.js`) runs with `--cpu-prof`, and writes its profile into that directory
 * when it stops (SIGTERM ends it through its own shutdown, so the profile is written).
 */
function cpuProfileArgs(command: string, args: string[]): string[] {
  const dir = process.env.BENCH_CPU_PROF;
  if (!dir || command !== process.execPath || !args.some((arg) => arg.endsWith("main.js"))) return [];
  fs.mkdirSync(dir, { recursive: true });
  return ["--cpu-prof", `--cpu-prof-dir=${dir}`];
}

const TICKS_PER_SECOND = 100; // Linux's USER_HZ

/** CPU milliseconds the process has used so far (user + system), from /proc. */
export function cpuMs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

/** SIGTERM to the whole group, then waits until every process in it has gone (SIGKILL after 15 s). */
async function stopGroup(child: ChildProcess): Promise<void> {
  if (!child.pid) return;
  const group = child.pid;
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-group, name);
    } catch {
      // the group is gone
    }
  };
  signal("SIGTERM");
  const deadline = Date.now() + 15_000;
  while (runningInGroup(group)) {
    if (Date.now() > deadline) signal("SIGKILL");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Whether a process of the group still runs (zombies do not count: nobody may reap them here). */
function runningInGroup(group: number): boolean {
  for (const pid of fs.readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      // /proc/<pid>/stat: "pid (comm) state ppid pgrp ..."; comm may hold spaces, so read after its ")".
      const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
      if (Number(fields[2]) === group && fields[0] !== "Z") return true;
    } catch {
      // gone meanwhile
    }
  }
  return false;
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

/** A port nothing listens on now. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Runs `node <args>` and resolves with the JSON on the last line it printed. */
export function runJsonChild<T>(args: string[]): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0
        ? resolve(JSON.parse(out.trim().split("\n").at(-1) ?? "{}") as T)
        : reject(new Error(`node ${args.join(" ")} exited ${code}`)),
    );
  });
}
