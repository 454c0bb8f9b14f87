// Reading files people share and sending files back, over Slack's file APIs.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import type { WebClient } from "@slack/web-api";
import { AppError } from "../lib/errors.js";

/** Larger files are refused: 100,000 typical lead rows are about 15 MB. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export interface SharedFile {
  id: string;
  name: string;
  isCsv: boolean;
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
    size: file?.size ?? 0,
    downloadUrl: file?.url_private_download ?? file?.url_private,
  };
}

/** Streams a private file's content; Slack's file URLs need the bot token (files:read). */
export async function downloadFile(url: string, token: string): Promise<Readable> {
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` }, redirect: "follow" });
  const type = response.headers.get("content-type") ?? "";
  // Without a valid token Slack answers with its sign-in page rather than an error status.
  if (!response.ok || !response.body || type.includes("text/html")) {
    throw new AppError("unavailable", "I couldn't download the file from Slack. Please share it again.");
  }
  return Readable.fromWeb(response.body as WebReadableStream<Uint8Array>);
}

export async function directMessageChannel(client: WebClient, userId: string): Promise<string> {
  const opened = await client.conversations.open({ users: userId });
  const id = opened.channel?.id;
  if (!id) throw new Error("conversations.open returned no channel");
  return id;
}

/** A temporary file for a CSV being written; removed by `dispose`. */
export function tempCsv(label: string): { path: string; out: fs.WriteStream; dispose: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "baton-"));
  const file = path.join(dir, `${label}.csv`);
  return { path: file, out: fs.createWriteStream(file), dispose: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export async function uploadCsv(
  client: WebClient,
  upload: { channelId: string; path: string; filename: string; title: string; comment: string },
): Promise<void> {
  await client.files.uploadV2({
    channel_id: upload.channelId,
    file: fs.createReadStream(upload.path),
    filename: upload.filename,
    title: upload.title,
    initial_comment: upload.comment,
  });
}
