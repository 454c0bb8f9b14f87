import { WEBHOOK_PATH } from "../../http/webhooks.js";
import { webFormsView } from "../blocks/web-forms.js";
import type { ListenerDeps } from "../listener-deps.js";
import type { SettingsSection } from "./section.js";

export function webhookUrl(deps: Pick<ListenerDeps, "publicUrl">): string {
  return `${deps.publicUrl ?? "https://<your Baton address>"}${WEBHOOK_PATH}`;
}

/** /baton settings → Web forms: the endpoint, this workspace's signing secret (made on first look) and rotation. */
export const webFormsSection: SettingsSection = {
  key: "web_forms",
  title: "Web forms",
  async summary({ deps, teamId }) {
    const secret = await deps.services.webForms.secrets.current(teamId);
    return secret
      ? `Leads from web forms arrive at ${webhookUrl(deps)}, signed with this workspace's secret.`
      : "Not set up: open it to get the endpoint and a signing secret for your web forms.";
  },
  async open({ client, deps, teamId, triggerId }) {
    const secret = await deps.services.webForms.secrets.ensure(teamId);
    await client.views.push({ trigger_id: triggerId, view: webFormsView({ url: webhookUrl(deps), teamId, secret }) });
  },
};
