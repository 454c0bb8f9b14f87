import type { KnownBlock, ModalView } from "@slack/types";
import { WebFormIds } from "../ids.js";
import { Limits, mrkdwn, plain, truncate } from "./text.js";

export interface WebFormsInfo {
  url: string;
  teamId: string;
  secret: string;
  /** Shown after a rotation, or when something went wrong. */
  note?: string;
}

/** The curl example admins copy to test their form's setup; it signs the body exactly as Baton checks it. */
export function curlExample(info: Pick<WebFormsInfo, "url" | "teamId" | "secret">): string {
  return [
    `SECRET='${info.secret}'`,
    `BODY='{"email":"jane@acme.com","name":"Jane Doe","company":"Acme","campaign":"spring-webinar"}'`,
    "TS=$(date +%s)",
    `SIG=$(printf 'v1:%s:%s' "$TS" "$BODY" | openssl dgst -sha256 -hmac "$SECRET" | sed 's/^.* //')`,
    `curl -sS -X POST '${info.url}' \\`,
    `  -H 'Content-Type: application/json' -H 'X-Baton-Team: ${info.teamId}' \\`,
    `  -H "X-Baton-Timestamp: $TS" -H "X-Baton-Signature: v1=$SIG" \\`,
    `  -H "Idempotency-Key: $(uuidgen)" -d "$BODY"`,
  ].join("\n");
}

/** /baton settings → Web forms: where forms send leads, the secret they sign with, a rotate button, an example. */
export function webFormsView(info: WebFormsInfo): ModalView {
  const blocks: KnownBlock[] = [];
  if (info.note) blocks.push({ type: "section", text: mrkdwn(info.note) });
  blocks.push(
    {
      type: "section",
      text: mrkdwn(
        "Web forms, landing pages and automation tools can send leads to Baton. Each request is signed with this workspace's secret; new leads are announced in the marketing channel.",
      ),
    },
    {
      type: "section",
      text: mrkdwn(`*Endpoint*\n\`POST ${truncate(info.url, 500)}\`\n*Workspace header*\n\`X-Baton-Team: ${info.teamId}\``),
    },
    {
      type: "section",
      block_id: "web_forms_secret",
      text: mrkdwn(`*Signing secret*\n\`${info.secret}\`\nKeep it on your server; never put it in a web page.`),
      accessory: {
        type: "button",
        action_id: WebFormIds.rotate,
        style: "danger",
        text: plain("Rotate secret", Limits.buttonText),
        confirm: {
          title: plain("Rotate the secret?", 100),
          text: plain("The current secret stops working at once: update every form that uses it.", 300),
          confirm: plain("Rotate", 30),
          deny: plain("Cancel", 30),
        },
      },
    },
    {
      type: "section",
      text: mrkdwn(`*Try it*\n\`\`\`${curlExample(info)}\`\`\``, Limits.sectionText),
    },
    {
      type: "context",
      elements: [
        mrkdwn(
          "Fields: email (required), name, company, phone, title, industry, company size, region, notes, campaign (a tracking code). Answers: 201 created, 200 updated, 400 invalid (a JSON list of errors), 401 bad signature, 429 too many requests.",
        ),
      ],
    },
  );
  return {
    type: "modal",
    callback_id: WebFormIds.view,
    title: plain("Web forms", Limits.modalTitle),
    close: plain("Back"),
    blocks,
  };
}
