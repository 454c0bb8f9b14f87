// A Slack Web API stand-in that answers at once: the far end of every benchmark, so that Baton's numbers and the
// bare Bolt app's numbers measure the apps, not Slack. It also serves response_urls (/respond/<key>) and notes when
// each awaited call arrives (views.open by trigger_id, a response_url by its key), so a load run can time a request
// from the moment it was sent to the moment its Slack call came back out of the app.
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface SlackStub {
  /** The Web API base URL (SLACK_API_URL). */
  url: string;
  /** A response_url whose arrival is noted under `key`. */
  responseUrl(key: string): string;
  /** performance.now() when the call for `key` arrived, if it has (and was not an apology for a failure). */
  arrivedAt(key: string): number | undefined;
  /** Whether Baton answered `key` with an apology for a failure. */
  apologised(key: string): boolean;
  /** Forgets the arrivals noted so far. */
  reset(): void;
  stop(): Promise<void>;
}

export async function startSlackStub(): Promise<SlackStub> {
  let ts = 0;
  const arrivals = new Map<string, number>();
  const apologies = new Set<string>();
  let base = "";
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      ts += 1;
      const path = (req.url ?? "").split("?")[0] ?? "";
      if (path.startsWith("/respond/")) {
        // Baton's apology ("... nothing was changed. Please try again") is an answer, but not the one asked for.
        const key = path.slice("/respond/".length);
        if (Buffer.concat(chunks).toString().includes("nothing was changed")) apologies.add(key);
        else arrivals.set(key, performance.now());
        res.writeHead(200, { "content-type": "text/plain" }).end("ok");
        return;
      }
      const method = path.replace(/^\/api\//, "");
      if (method === "views.open") {
        const trigger = triggerId(Buffer.concat(chunks).toString());
        if (trigger) arrivals.set(trigger, performance.now());
      }
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(answer(method, ts, base)));
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${base}/api/`,
    responseUrl: (key) => `${base}/respond/${key}`,
    arrivedAt: (key) => arrivals.get(key),
    apologised: (key) => apologies.has(key),
    reset: () => {
      arrivals.clear();
      apologies.clear();
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function answer(method: string, ts: number, base: string): Record<string, unknown> {
  if (method === "auth.test") return { ok: true, team_id: "TBENCH0001", user_id: "UBATONBOT", bot_id: "BBATON0001" };
  if (method.startsWith("views.")) return { ok: true, view: { id: `V${ts}` } };
  if (method === "files.getUploadURLExternal") return { ok: true, upload_url: `${base}/upload/${ts}`, file_id: `F${ts}` };
  return { ok: true, ts: `1700000000.${String(ts).padStart(6, "0")}`, channel: "C0SALES001", user: { id: "U0", tz: "UTC" } };
}

/** The trigger_id of a views.open call, sent form-encoded or as JSON. */
function triggerId(body: string): string | undefined {
  if (body.startsWith("{")) return (JSON.parse(body) as { trigger_id?: string }).trigger_id;
  return new URLSearchParams(body).get("trigger_id") ?? undefined;
}
