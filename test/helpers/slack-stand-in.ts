// A local stand-in for Slack's Web API (reached through SLACK_API_URL) and for response_url callbacks.
// It records every call so tests can assert on what Baton asked Slack to do, and can be told to fail.
import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { HANG_BOUND_MS, waitUntil } from "./waits.js";

export interface SlackCall {
  method: string;
  /** Form fields, with JSON-looking values (blocks, view, ...) parsed. */
  args: Record<string, any>;
  token: string | undefined;
}

export interface ResponseUrlPost {
  id: string;
  body: Record<string, any>;
}

type Reply = { status?: number; headers?: Record<string, string>; body: unknown };
type Handler = (args: Record<string, any>, call: SlackCall) => Reply | Record<string, unknown> | undefined;

export interface SlackUser {
  id: string;
  name?: string;
  is_admin?: boolean;
  is_owner?: boolean;
  /** A guest: multi-channel (is_restricted) or single-channel (is_ultra_restricted). */
  is_restricted?: boolean;
  is_ultra_restricted?: boolean;
  tz?: string;
  deleted?: boolean;
  /** The person's home workspace: another one's for a Slack Connect member from another organisation. */
  team_id?: string;
  is_bot?: boolean;
  /** Profile fields (users.info's user.profile); `name` is the real name. */
  title?: string;
  email?: string;
  /** A member of an Enterprise Grid org: the org, and whether they administer it. */
  enterprise_user?: { enterprise_id: string; is_admin?: boolean; is_owner?: boolean };
}

/** How a shared file looks through files.info, and how its download answers. */
export interface FileOptions {
  /** files.info's url_private_download (default: this stand-in's /files/<id>). */
  downloadUrl?: string;
  /** The download answers 302 to this URL instead of the content. */
  redirectTo?: string;
  /** files.info's is_external (a Google Drive or Dropbox link). */
  isExternal?: boolean;
  /** files.info's size (default: the content's length). */
  declaredSize?: number;
  /** Stream the content in chunks without a Content-Length, as a server that does not say how much is coming. */
  chunked?: boolean;
}

interface StoredFile extends FileOptions {
  name: string;
  content: Buffer;
}

/** What oauth.v2.access answers for a code registered with `grantOAuthCode`. */
export interface OAuthGrant {
  teamId?: string;
  teamName?: string;
  botToken: string;
  botUserId?: string;
  botId?: string;
  scopes?: string[];
  enterpriseId?: string;
  isEnterpriseInstall?: boolean;
  /** An org-wide install: the workspaces the org's admins added the app to (what auth.teams.list answers). */
  orgTeams?: { id: string; name: string }[];
}

export class SlackStandIn {
  readonly calls: SlackCall[] = [];
  /** Private file downloads, with the token they were made with. */
  readonly downloads: { fileId: string; token: string | undefined }[] = [];
  private readonly oauthCodes = new Map<string, OAuthGrant>();
  readonly responses: ResponseUrlPost[] = [];
  /** The file bytes of each upload (the multipart part @slack/web-api sends to the upload URL), by file id. */
  readonly uploads = new Map<string, Buffer>();
  readonly files = new Map<string, StoredFile>();
  /** Messages posted with chat.postMessage, per channel, oldest first, as chat.update left them: what conversations.history answers. */
  readonly history = new Map<string, { ts: string; text: string; blocks?: unknown; metadata?: unknown; bot_id: string }[]>();
  private readonly handlers = new Map<string, Handler[]>();
  private readonly users = new Map<string, SlackUser>();
  private readonly groups = new Map<string, string[]>();
  private readonly waiters: { match: (call: SlackCall) => boolean; resolve: (call: SlackCall) => void }[] = [];
  private readonly holds: { match: (call: SlackCall) => boolean; released: Promise<void>; release: () => void }[] = [];
  private readonly traps: { match: (call: SlackCall) => boolean; when: "before" | "after"; spring: (call: SlackCall) => void }[] = [];
  private tsCounter = 0;
  private server!: http.Server;
  /** Base URL to give Baton as SLACK_API_URL (ends with /api/). */
  url = "";
  origin = "";

  static async start(): Promise<SlackStandIn> {
    const standIn = new SlackStandIn();
    standIn.server = http.createServer((req, res) => void standIn.handle(req, res));
    await new Promise<void>((resolve) => standIn.server.listen(0, "127.0.0.1", resolve));
    const { port } = standIn.server.address() as AddressInfo;
    standIn.origin = `http://127.0.0.1:${port}`;
    standIn.url = `${standIn.origin}/api/`;
    return standIn;
  }

  async stop(): Promise<void> {
    for (const hold of [...this.holds]) hold.release();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** A response_url for a payload; what Baton posts there lands in `responses`. */
  responseUrl(id = randomUUID()): string {
    return `${this.origin}/response/${id}`;
  }

  /** Overrides one method's answer; handlers stack, the newest that returns something wins. */
  on(method: string, handler: Handler): void {
    this.handlers.set(method, [handler, ...(this.handlers.get(method) ?? [])]);
  }

  /** Makes the next `times` calls of `method` fail with an HTTP status (429 gets Retry-After). */
  failNext(method: string, status: number, times = 1, retryAfterSeconds = 1): void {
    let left = times;
    this.on(method, () => {
      if (left <= 0) return undefined;
      left -= 1;
      const headers: Record<string, string> = status === 429 ? { "retry-after": String(retryAfterSeconds) } : {};
      return { status, headers, body: status === 429 ? { ok: false, error: "ratelimited" } : "upstream error" };
    });
  }

  /** Makes the next `times` calls answer `{ ok: false, error }` (e.g. channel_not_found, not_in_channel). */
  errorNext(method: string, error: string, times = 1): void {
    let left = times;
    this.on(method, () => {
      if (left <= 0) return undefined;
      left -= 1;
      return { ok: false, error };
    });
  }

  /**
   * Holds Slack's answers to the matching calls of `method` until `release()`: each call is recorded and takes
   * effect at once (a posted message is in the channel, people can click it), but Baton hears back only then, as
   * when Slack answers slowly or the answer is lost.
   */
  hold(method: string, match: (call: SlackCall) => boolean = () => true): { release: () => void } {
    let resolve!: () => void;
    const released = new Promise<void>((r) => {
      resolve = r;
    });
    const hold = {
      match: (call: SlackCall) => call.method === method && match(call),
      released,
      release: () => {
        const at = this.holds.indexOf(hold);
        if (at >= 0) this.holds.splice(at, 1);
        resolve();
      },
    };
    this.holds.push(hold);
    return { release: hold.release };
  }

  /**
   * Springs once, on the first matching call of `method`, calling `spring` as it arrives (to SIGKILL the caller):
   * `before` Slack took it (nothing recorded, nothing posted), or `after` (recorded and posted, as Slack would).
   * Either way the caller never hears back.
   */
  trap(
    method: string,
    when: "before" | "after",
    spring: (call: SlackCall) => void,
    match: (call: SlackCall) => boolean = () => true,
  ): void {
    this.traps.push({ match: (call) => call.method === method && match(call), when, spring });
  }

  /** A message as it is now in a channel: as posted, then as last changed by chat.update. */
  message(channel: string, ts: string): { ts: string; text: string; blocks?: unknown } | undefined {
    return this.history.get(channel)?.find((m) => m.ts === ts);
  }

  setUser(user: SlackUser): void {
    this.users.set(user.id, user);
  }

  setUserGroup(groupId: string, userIds: string[]): void {
    this.groups.set(groupId, userIds);
  }

  /** Makes oauth.v2.access exchange `code` for this installation (any other code is invalid_code). */
  grantOAuthCode(code: string, grant: OAuthGrant): void {
    this.oauthCodes.set(code, grant);
  }

  /** A file Baton can read through files.info and its url_private_download. */
  addFile(id: string, name: string, content: string | Buffer, options: FileOptions = {}): void {
    this.files.set(id, { ...options, name, content: Buffer.from(content) });
  }

  /** The bytes of a file Baton uploaded (files.uploadV2), found by its title or filename. */
  uploadedFile(
    match: (file: { id: string; title?: string; channelId?: string }) => boolean = () => true,
  ): { id: string; title?: string; channelId?: string; content: string } | undefined {
    for (const call of this.callsOf("files.completeUploadExternal")) {
      for (const file of (call.args.files ?? []) as { id: string; title?: string }[]) {
        const entry = {
          id: file.id,
          ...(file.title ? { title: file.title } : {}),
          ...(call.args.channel_id ? { channelId: call.args.channel_id } : {}),
        };
        const content = this.uploads.get(file.id);
        if (content && match(entry)) return { ...entry, content: content.toString("utf8") };
      }
    }
    return undefined;
  }

  callsOf(method: string): SlackCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  /** Resolves with the first call (already made or future) of `method` that matches. */
  waitFor(method: string, match: (call: SlackCall) => boolean = () => true, timeoutMs = HANG_BOUND_MS): Promise<SlackCall> {
    const seen = this.calls.find((call) => call.method === method && match(call));
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`Slack stand-in: no ${method} call within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({
        match: (call) => call.method === method && match(call),
        resolve: (call) => {
          clearTimeout(timer);
          resolve(call);
        },
      });
    });
  }

  /** Resolves with the first response_url post (already made or future). */
  async waitForResponse(match: (post: ResponseUrlPost) => boolean = () => true, timeoutMs = HANG_BOUND_MS): Promise<ResponseUrlPost> {
    await waitUntil(() => this.responses.some(match), "Slack stand-in: a response_url post", timeoutMs);
    return this.responses.find(match) as ResponseUrlPost;
  }

  reset(): void {
    this.calls.length = 0;
    this.responses.length = 0;
    this.handlers.clear();
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const path = (req.url ?? "").split("?")[0] ?? "";
    if (path.startsWith("/response/")) {
      this.responses.push({ id: path.slice("/response/".length), body: JSON.parse(raw.toString() || "{}") });
      return send(res, { body: "ok" });
    }
    if (path.startsWith("/upload/")) {
      this.uploads.set(path.slice("/upload/".length), await uploadedBytes(raw, req.headers["content-type"]));
      return send(res, { body: "OK" });
    }
    if (path.startsWith("/files/")) {
      const fileId = path.slice("/files/".length);
      const file = this.files.get(fileId);
      const token = bearer(req.headers.authorization);
      this.downloads.push({ fileId, token });
      if (!file) return send(res, { status: 404, body: "not found" });
      // Like Slack: without a token, private file URLs answer with the sign-in page.
      if (!token) {
        res.writeHead(200, { "content-type": "text/html" });
        res.end("<html>Sign in to Slack</html>");
        return;
      }
      if (file.redirectTo) {
        res.writeHead(302, { location: file.redirectTo });
        res.end();
        return;
      }
      if (file.chunked) return streamChunked(res, file.content);
      res.writeHead(200, { "content-type": "text/csv" });
      res.end(file.content);
      return;
    }
    const method = path.replace(/^\/api\//, "");
    const call: SlackCall = {
      method,
      args: parseArgs(raw.toString(), req.headers["content-type"]),
      token: bearer(req.headers.authorization),
    };
    const trap = this.traps.find((t) => t.match(call));
    if (trap) this.traps.splice(this.traps.indexOf(trap), 1);
    if (trap?.when === "before") return trap.spring(call);
    const reply = this.reply(call);
    if (trap) {
      this.calls.push(call);
      return trap.spring(call);
    }
    if ((reply.status ?? 200) === 200) {
      this.calls.push(call);
      for (const waiter of [...this.waiters]) {
        if (waiter.match(call)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve(call);
        }
      }
    }
    const held = this.holds.find((hold) => hold.match(call));
    if (held) await held.released;
    send(res, reply);
  }

  private reply(call: SlackCall): Reply {
    for (const handler of this.handlers.get(call.method) ?? []) {
      const answer = handler(call.args, call);
      if (answer === undefined) continue;
      return "body" in answer ? (answer as Reply) : { body: answer };
    }
    return { body: this.defaultAnswer(call) };
  }

  private nextTs(): string {
    this.tsCounter += 1;
    return `1700000000.${String(this.tsCounter).padStart(6, "0")}`;
  }

  private defaultAnswer({ method, args, token }: SlackCall): Record<string, unknown> {
    const granted = [...this.oauthCodes.values()].find((grant) => grant.botToken === token);
    switch (method) {
      case "auth.test":
        if (granted) {
          return {
            ok: true,
            url: "https://acme.slack.com/",
            team: granted.teamName ?? "Acme",
            team_id: granted.teamId,
            user_id: granted.botUserId ?? "UBATONBOT",
            bot_id: granted.botId ?? "BBATON0001",
          };
        }
        return {
          ok: true,
          url: "https://acme.slack.com/",
          team: "Acme",
          team_id: "T0TEST0001",
          user: "baton",
          user_id: "UBATONBOT",
          bot_id: "BBATON0001",
        };
      case "chat.postMessage": {
        const ts = this.nextTs();
        const posted = this.history.get(args.channel) ?? [];
        posted.push({ ts, text: args.text, blocks: args.blocks, metadata: args.metadata, bot_id: "BBATON0001" });
        this.history.set(args.channel, posted);
        return { ok: true, channel: args.channel, ts, message: { text: args.text, blocks: args.blocks } };
      }
      case "chat.update": {
        // The message as Slack now shows it: what erasure and convergence tests read back.
        const message = this.history.get(args.channel)?.find((m) => m.ts === args.ts);
        if (message) Object.assign(message, { text: args.text, blocks: args.blocks });
        return { ok: true, channel: args.channel, ts: args.ts };
      }
      case "chat.postEphemeral":
        return { ok: true, message_ts: this.nextTs() };
      case "chat.getPermalink":
        return { ok: true, permalink: `https://acme.slack.com/archives/${args.channel}/p${String(args.message_ts).replace(".", "")}` };
      case "views.open":
      case "views.push":
      case "views.update":
      case "views.publish":
        return { ok: true, view: { id: `V${randomUUID().slice(0, 8).toUpperCase()}`, ...(args.view ?? {}) } };
      case "conversations.open":
        return { ok: true, channel: { id: `D${String(args.users ?? "").split(",")[0]}` } };
      case "conversations.info":
        return { ok: true, channel: { id: args.channel, name: "general", is_member: true, is_archived: false } };
      case "conversations.history": {
        // Newest first, as Slack answers; metadata only when asked for. (This stand-in's ts are not real
        // times, so `oldest` and `latest` are not applied.)
        const limit = Number(args.limit ?? 100);
        const from = Number(args.cursor ?? 0);
        // A DM opened with conversations.open (D<user>) holds what was posted to the user's id.
        const dm = String(args.channel).startsWith("D") ? this.history.get(String(args.channel).slice(1)) : undefined;
        const messages = [...(this.history.get(args.channel) ?? dm ?? [])].reverse();
        const withMetadata = String(args.include_all_metadata) === "true";
        const more = messages.length > from + limit;
        return {
          ok: true,
          messages: messages
            .slice(from, from + limit)
            .map(({ metadata, ...m }) => ({ type: "message", ...m, ...(withMetadata && metadata ? { metadata } : {}) })),
          has_more: more,
          response_metadata: { next_cursor: more ? String(from + limit) : "" },
        };
      }
      case "users.info": {
        const { title, email, ...user }: SlackUser = this.users.get(args.user) ?? { id: args.user };
        return {
          ok: true,
          user: {
            name: user.id.toLowerCase(),
            team_id: "T0TEST0001",
            tz: "UTC",
            is_admin: false,
            is_owner: false,
            is_restricted: false,
            is_ultra_restricted: false,
            is_bot: false,
            deleted: false,
            ...user,
            profile: { real_name: user.name ?? user.id, ...(title ? { title } : {}), ...(email ? { email } : {}) },
          },
        };
      }
      // Workflow Builder steps end with one of these; Slack answers ok (the tests read what was sent).
      case "functions.completeSuccess":
      case "functions.completeError":
        return { ok: true };
      case "users.list":
        return {
          ok: true,
          members: [...this.users.values()].map((u) => ({ is_admin: false, is_owner: false, deleted: false, is_bot: false, ...u })),
          response_metadata: { next_cursor: "" },
        };
      case "usergroups.users.list":
        return { ok: true, users: this.groups.get(args.usergroup) ?? [] };
      case "usergroups.list":
        return { ok: true, usergroups: [...this.groups.keys()].map((id) => ({ id, handle: id.toLowerCase(), name: `Group ${id}` })) };
      case "files.getUploadURLExternal": {
        const fileId = `F${randomUUID().slice(0, 10).toUpperCase()}`;
        return { ok: true, upload_url: `${this.origin}/upload/${fileId}`, file_id: fileId };
      }
      case "files.completeUploadExternal":
        return { ok: true, files: (args.files ?? []).map((f: { id: string; title?: string }) => ({ id: f.id, title: f.title })) };
      case "files.info": {
        const file = this.files.get(args.file);
        if (!file) return { ok: false, error: "file_not_found" };
        return {
          ok: true,
          file: {
            id: args.file,
            name: file.name,
            filetype: file.name.includes(".") ? (file.name.split(".").pop() ?? "").toLowerCase() : "text",
            size: file.declaredSize ?? file.content.length,
            url_private_download: file.downloadUrl ?? `${this.origin}/files/${args.file}`,
            ...(file.isExternal ? { is_external: true, external_type: "gdrive" } : {}),
          },
        };
      }
      case "oauth.v2.access": {
        const grant = this.oauthCodes.get(args.code);
        if (!grant || args.client_id === undefined || args.client_secret === undefined) return { ok: false, error: "invalid_code" };
        return {
          ok: true,
          app_id: "A0BATON001",
          authed_user: { id: "U0INSTALLER" },
          scope: (grant.scopes ?? ["commands", "chat:write"]).join(","),
          token_type: "bot",
          access_token: grant.botToken,
          bot_user_id: grant.botUserId ?? "UBATONBOT",
          team: grant.isEnterpriseInstall ? null : { id: grant.teamId, name: grant.teamName ?? "Acme" },
          enterprise: grant.enterpriseId ? { id: grant.enterpriseId, name: "Acme Corp" } : null,
          is_enterprise_install: grant.isEnterpriseInstall ?? false,
        };
      }
      case "auth.revoke":
        return { ok: true, revoked: true };
      case "auth.teams.list":
        return { ok: true, teams: granted?.orgTeams ?? [], response_metadata: { next_cursor: "" } };
      default:
        return { ok: true };
    }
  }
}

/** An upload's file bytes: the body itself, or the file part of a multipart form (as @slack/web-api sends it). */
async function uploadedBytes(raw: Buffer, contentType: string | undefined): Promise<Buffer> {
  if (!contentType?.startsWith("multipart/form-data")) return raw;
  const form = await new Response(raw, { headers: { "content-type": contentType } }).formData();
  for (const value of form.values()) {
    if (typeof value !== "string") return Buffer.from(await value.arrayBuffer());
  }
  return raw;
}

/** Writes the content 64 KB at a time with chunked transfer encoding (no Content-Length). */
function streamChunked(res: http.ServerResponse, content: Buffer): void {
  res.writeHead(200, { "content-type": "text/csv", "transfer-encoding": "chunked" });
  let offset = 0;
  const writeMore = () => {
    while (offset < content.length) {
      const chunk = content.subarray(offset, offset + 64 * 1024);
      offset += chunk.length;
      if (!res.write(chunk)) return void res.once("drain", writeMore);
    }
    res.end();
  };
  res.on("error", () => undefined);
  writeMore();
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function parseArgs(raw: string, contentType: string | undefined): Record<string, any> {
  if (!raw) return {};
  if (contentType?.includes("application/json")) return JSON.parse(raw);
  const args: Record<string, any> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    args[key] = /^[[{]/.test(value) ? safeJson(value) : value;
  }
  return args;
}

function safeJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

function bearer(header: string | undefined): string | undefined {
  return header?.startsWith("Bearer ") ? header.slice("Bearer ".length) : undefined;
}

function send(res: http.ServerResponse, reply: Reply): void {
  const body = typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body);
  res.writeHead(reply.status ?? 200, {
    "content-type": typeof reply.body === "string" ? "text/plain" : "application/json",
    ...reply.headers,
  });
  res.end(body);
}
