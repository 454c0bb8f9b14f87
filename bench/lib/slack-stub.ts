// A Slack Web API stand-in that answers at once and keeps nothing: the far end of every benchmark, so that
// Baton's numbers and the bare Bolt app's numbers measure the apps, not Slack.
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface SlackStub {
  url: string;
  calls: () => number;
  stop(): Promise<void>;
}

export async function startSlackStub(): Promise<SlackStub> {
  let calls = 0;
  let ts = 0;
  const server = http.createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      calls += 1;
      const method = (req.url ?? "").replace(/^\/api\//, "").split("?")[0] ?? "";
      ts += 1;
      const body =
        method === "auth.test"
          ? { ok: true, team_id: "TBENCH0001", user_id: "UBATONBOT", bot_id: "BBATON0001" }
          : method.startsWith("views.")
            ? { ok: true, view: { id: `V${ts}` } }
            : method === "files.getUploadURLExternal"
              ? { ok: true, upload_url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/upload/${ts}`, file_id: `F${ts}` }
              : {
                  ok: true,
                  ts: `1700000000.${String(ts).padStart(6, "0")}`,
                  channel: "C0BENCH001",
                  user: { id: "U0", tz: "UTC", is_admin: true },
                };
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/`,
    calls: () => calls,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
