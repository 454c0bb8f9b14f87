import type { BlockButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { isAppError } from "../../../lib/errors.js";
import { webFormsView } from "../../blocks/web-forms.js";
import { messageFor } from "../../errors.js";
import type { ListenerDeps, WithContext } from "../../listener-deps.js";
import { webhookUrl } from "../../settings/web-forms.js";

/** "Rotate secret" in /baton settings → Web forms: admins only; the old secret stops working at once. */
export function webFormsRotateAction(deps: ListenerDeps) {
  return async ({ ack, body, client, context }: WithContext<SlackActionMiddlewareArgs<BlockButtonAction>>) => {
    await ack();
    const viewId = body.view?.id;
    const show = async (secret: string, note: string) => {
      if (viewId)
        await client.views.update({ view_id: viewId, view: webFormsView({ url: webhookUrl(deps), teamId: context.teamId, secret, note }) });
    };
    try {
      await deps.services.roles.requireAdmin(context.teamId, body.user.id, "rotate the web-form secret");
      const secret = await deps.services.webForms.secrets.rotate(context.teamId);
      context.log.info("web-form secret rotated");
      await show(secret, ":white_check_mark: New secret made. The old one no longer works: update your forms.");
    } catch (error) {
      // The modal then shows the secret that still works, unless the person may not see it.
      const secret =
        isAppError(error) && error.code === "forbidden"
          ? "(hidden)"
          : ((await deps.services.webForms.secrets.current(context.teamId).catch((reading: unknown) => {
              context.log.warn({ err: reading }, "could not read the web-form secret to show it again");
              return undefined;
            })) ?? "(unavailable)");
      await show(secret, messageFor(error)).catch((untold: unknown) => {
        context.log.warn({ err: untold }, "could not show why the web-form secret was not rotated");
      });
      if (!isAppError(error)) throw error;
    }
  };
}
