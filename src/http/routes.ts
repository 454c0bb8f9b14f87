import type { IncomingMessage, ServerResponse } from "node:http";

/** A plain HTTP route served beside Bolt's endpoint; same shape as Bolt's CustomRoute, without importing Bolt. */
export interface Route {
  path: string;
  method: string | string[];
  handler: (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...headers });
  res.end(JSON.stringify(body));
}
