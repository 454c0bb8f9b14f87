// Reading files people share and sending files back, over Slack's file APIs.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import type { WebClient } from "@slack/web-api";

/** Where shared files may be downloaded from with the bot token, and how large an import may be. */
export interface FileRules {
  /** Origins (https://files.slack.com) that may receive the token; see slackFileOrigins. */
  origins: string[];
  maxBytes: number;
}

/** Why a shared file was not read: it lives elsewhere, is too large, or Slack would not give it. */
export class FileRefused extends Error {
  constructor(readonly reason: "elsewhere" | "too_large" | "unreadable") {
    super(`file refused: ${reason}`);
    this.name = "FileRefused";
  }
}

export interface SharedFile {
  id: string;
  name: string;
  isCsv: boolean;
  /** A link to a file kept outside Slack (Google Drive, Dropbox, ...): Baton never follows it. */
  isExternal: boolean;
  size: number;
  downloadUrl: string | undefined;
}

export async function sharedFile(client: WebClient, fileId: string): Promise<SharedFile> {
  const { file } = await client.files.info({ file: fileId });
  const name = file?.name ?? file?.title ?? "file";
  return {
    id: fileId,
    name,
    isCsv: file?.filetype === "csv" || /\.csv$/i.test(name) || file?.mimetype === "text/csv",
    isExternal: file?.is_external === true,
    size: file?.size ?? 0,
    downloadUrl: file?.url_private_download ?? file?.url_private,
  };
}

/** Redirects followed within Slack's file hosts before giving up. */
const MAX_REDIRECTS = 3;

/**
 * Downloads a private file (files:read) to `destination`, sending the bot token only to Slack's file hosts:
 * redirects are followed by hand and only to those hosts, and reading stops past `rules.maxBytes`.
 */
export async function downloadFile(url: string, token: string, rules: FileRules, destination: string): Promise<void> {
  const response = await fetchFromSlack(url, token, rules.origins);
  const declared = Number(response.headers.get("content-length") ?? Number.NaN);
  if (declared > rules.maxBytes || !response.body) {
    await response.body?.cancel();
    throw new FileRefused(response.body ? "too_large" : "unreadable");
  }
  await pipeline(
    Readable.fromWeb(response.body as WebReadableStream<Uint8Array>),
    byteLimit(rules.maxBytes),
    fs.createWriteStream(destination),
  );
}

async function fetchFromSlack(url: string, token: string, origins: string[]): Promise<Response> {
  let target = url;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const address = allowedAddress(target, origins);
    const response = await fetch(address, { headers: { authorization: `Bearer ${token}` }, redirect: "manual" });
    const location = response.headers.get("location");
    if (response.status >= 300 && response.status < 400 && location) {
      await response.body?.cancel();
      target = new URL(location, address).toString();
      continue;
    }
    // Without a valid token Slack answers with its sign-in page rather than an error status.
    if (!response.ok || (response.headers.get("content-type") ?? "").includes("text/html")) {
      await response.body?.cancel();
      throw new FileRefused("unreadable");
    }
    return response;
  }
  throw new FileRefused("unreadable");
}

function allowedAddress(target: string, origins: string[]): URL {
  let address: URL;
  try {
    address = new URL(target);
  } catch {
    throw new FileRefused("elsewhere");
  }
  if (!origins.includes(address.origin) || address.username || address.password) throw new FileRefused("elsewhere");
  return address;
}

/** Passes bytes through until more than `maxBytes` have come, then fails the stream (which stops the download). */
function byteLimit(maxBytes: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen > maxBytes) done(new FileRefused("too_large"));
      else done(null, chunk);
    },
  });
}

export async function directMessageChannel(client: WebClient, userId: string): Promise<string> {
  const opened = await client.conversations.open({ users: userId });
  const id = opened.channel?.id;
  if (!id) throw new Error("conversations.open returned no channel");
  return id;
}

/** A path for a temporary file, in a folder of its own that `dispose` removes. */
export function tempFile(name: string): { path: string; dispose: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "baton-"));
  return { path: path.join(dir, name), dispose: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** A temporary file for a CSV being written; removed by `dispose`. */
export function tempCsv(label: string): { path: string; out: fs.WriteStream; dispose: () => void } {
  const file = tempFile(`${label}.csv`);
  return { ...file, out: fs.createWriteStream(file.path) };
}

export async function uploadCsv(
  client: WebClient,
  upload: { channelId: string; path: string; filename: string; title: string; comment: string },
): Promise<string | null> {
  const result = (await client.files.uploadV2({
    channel_id: upload.channelId,
    file: fs.createReadStream(upload.path),
    filename: upload.filename,
    title: upload.title,
    initial_comment: upload.comment,
  })) as { files?: { files?: { id?: string }[] }[] };
  return result.files?.[0]?.files?.[0]?.id ?? null;
}
