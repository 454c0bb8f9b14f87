import { plural } from "../../blocks/format.js";
import { describeExport, exportFileName } from "../../blocks/lead-files.js";
import { replyOnError } from "../../errors.js";
import { directMessageChannel, tempCsv, uploadCsv } from "../../files.js";
import type { ListenerDeps } from "../../listener-deps.js";
import type { Subcommand } from "./subcommands.js";

/** `/lead export [stage] [campaign]`: a CSV of the matching leads, written page by page and sent to the person by DM. */
export function leadExportSubcommand(deps: ListenerDeps): Subcommand {
  return async ({ ack, body, client, context, respond }, rest) => {
    await ack();
    await replyOnError(respond, async () => {
      const request = await deps.services.leadFiles.parseExport(context.teamId, body.user_id, rest);
      const file = tempCsv("export");
      try {
        const { rowCount: count, exportId } = await deps.services.leadFiles.exportCsv(context.teamId, body.user_id, request, file.out);
        const what = describeExport(request);
        if (count === 0) {
          await respond({
            response_type: "ephemeral",
            replace_original: false,
            text: `No leads match (${what}), so there is nothing to export.`,
          });
          return;
        }
        const channelId = await directMessageChannel(client, body.user_id);
        const filename = exportFileName(request, deps.clock.now().toISOString().slice(0, 10));
        const fileId = await uploadCsv(client, {
          channelId,
          path: file.path,
          filename,
          title: filename,
          comment: `Your export: ${count} leads (${what}).`,
        });
        if (fileId && exportId) await deps.services.leadFiles.exportSent(context.teamId, exportId, fileId);
        context.log.info({ count }, "leads exported");
        await respond({
          response_type: "ephemeral",
          replace_original: false,
          text: `:white_check_mark: Sent you ${plural(count, "lead")} (${what}) in a direct message.`,
        });
      } finally {
        file.dispose();
      }
    });
  };
}
