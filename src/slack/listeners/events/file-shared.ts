import fs from "node:fs";
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { externalFile, importStarted, importSummary, notACsv, notInSlack, tooLarge, unreadable } from "../../blocks/lead-files.js";
import type { Message } from "../../blocks/message.js";
import { tellOnError } from "../../errors.js";
import { directMessageChannel, downloadFile, FileRefused, sharedFile, tempCsv, tempFile, uploadCsv } from "../../files.js";
import type { BatonContext, ListenerDeps } from "../../listener-deps.js";

type Args = SlackEventMiddlewareArgs<"file_shared"> & AllMiddlewareArgs<BatonContext & { botToken?: string }>;

/**
 * A file shared where Baton can see it. Read only when its sharer asked with `/lead import` in the last half hour
 * (the request is taken once, so two replicas or two deliveries never import the same file twice).
 */
export function fileSharedEvent(deps: ListenerDeps) {
  return async ({ event, client, context }: Args) => {
    const { teamId } = context;
    const userId = event.user_id;
    if (!(await deps.services.leadFiles.hasImportRequest(teamId, userId))) return;
    const file = await sharedFile(client, event.file_id);
    const dm = await directMessageChannel(client, userId);
    if (file.isExternal || !file.isCsv) {
      await client.chat.postMessage({ channel: dm, ...(file.isExternal ? externalFile(file.name) : notACsv(file.name)) });
      return;
    }
    if (!(await deps.services.leadFiles.takeImportRequest(teamId, userId))) return;
    await tellOnError(
      (text) => client.chat.postMessage({ channel: dm, text }),
      async () => {
        if (file.size > deps.files.maxBytes) {
          await client.chat.postMessage({ channel: dm, ...tooLarge(file.name, megabytes(deps.files.maxBytes)) });
          return;
        }
        try {
          await importFile(deps, client, {
            teamId,
            userId,
            dm,
            file: { name: file.name, url: file.downloadUrl ?? "" },
            token: context.botToken ?? "",
          });
        } catch (error) {
          if (!(error instanceof FileRefused)) throw error;
          await client.chat.postMessage({ channel: dm, ...refusal(error, file.name, deps.files.maxBytes) });
        }
      },
    );
  };
}

const megabytes = (bytes: number) => Math.round(bytes / 1024 / 1024);

function refusal(error: FileRefused, fileName: string, maxBytes: number): Message {
  if (error.reason === "too_large") return tooLarge(fileName, megabytes(maxBytes));
  return error.reason === "elsewhere" ? notInSlack(fileName) : unreadable(fileName);
}

/** Downloads the whole file first (within the size limit), so a file cut off part-way imports nothing. */
async function importFile(
  deps: ListenerDeps,
  client: WebClient,
  job: { teamId: string; userId: string; dm: string; file: { name: string; url: string }; token: string },
): Promise<void> {
  await client.chat.postMessage({ channel: job.dm, ...importStarted(job.file.name) });
  const download = tempFile("import.csv");
  try {
    await downloadFile(job.file.url, job.token, deps.files, download.path);
    await importDownloaded(deps, client, job, download.path);
  } finally {
    download.dispose();
  }
}

async function importDownloaded(
  deps: ListenerDeps,
  client: WebClient,
  job: { teamId: string; userId: string; dm: string; file: { name: string } },
  downloaded: string,
): Promise<void> {
  const rejected = tempCsv("rejected");
  try {
    const csv = fs.createReadStream(downloaded);
    const result = await deps.services.leadFiles.importCsv({ teamId: job.teamId, actorId: job.userId, csv, rejectedOut: rejected.out });
    deps.logger.info(
      { teamId: job.teamId, created: result.created, updated: result.updated, rejected: result.rejected },
      "csv import finished",
    );
    await client.chat.postMessage({ channel: job.dm, ...importSummary(job.file.name, result) });
    if (result.rejected > 0) {
      const filename = `rejected-${job.file.name.replace(/\.csv$/i, "")}.csv`;
      await uploadCsv(client, {
        channelId: job.dm,
        path: rejected.path,
        filename,
        title: filename,
        comment: `${result.rejected} rows of ${job.file.name} were not imported; the reason is in the last column.`,
      });
    }
  } finally {
    rejected.dispose();
  }
}
