import type { KnownBlock, ModalView, PlainTextOption } from "@slack/types";
import type { SourceSummary, UnmatchedCode } from "../../domain/intake/lead-sources.js";
import { LeadSourceIds } from "../ids.js";
import { plural } from "./format.js";
import { option } from "./inputs.js";
import { providerLabel } from "./lead-source-steps.js";
import { escapeMrkdwn, Limits, mrkdwn, plain, truncate } from "./text.js";
import { slackDate } from "./time.js";

export interface LeadSourcesList {
  sources: (SourceSummary & { url: string; campaignName: string | null })[];
  codes: UnmatchedCode[];
  campaigns: { id: string; name: string }[];
  note?: string;
}

const modal = (blocks: KnownBlock[]): ModalView => ({
  type: "modal",
  callback_id: LeadSourceIds.list,
  title: plain("Lead sources", Limits.modalTitle),
  close: plain("Back"),
  blocks: blocks.slice(0, Limits.viewBlocks),
});

/** /baton settings → Lead sources: each source with its address and counts, and the codes waiting to be mapped. */
export function leadSourcesView(list: LeadSourcesList): ModalView {
  const blocks: KnownBlock[] = [];
  if (list.note) blocks.push({ type: "section", text: mrkdwn(list.note) });
  blocks.push({
    type: "section",
    text: mrkdwn(
      "Forms, booking pages and automation tools that send leads straight to Baton. New leads are announced in the marketing channel.",
    ),
    accessory: { type: "button", action_id: LeadSourceIds.add, style: "primary", text: plain("Add a source", Limits.buttonText) },
  });
  if (list.sources.length === 0) blocks.push({ type: "context", elements: [mrkdwn("No sources yet.")] });
  for (const source of list.sources.slice(0, 20)) blocks.push(...sourceBlocks(source));
  blocks.push({ type: "divider" }, { type: "header", text: plain("Unknown tracking codes", Limits.headerText) });
  if (list.codes.length === 0) {
    blocks.push({ type: "context", elements: [mrkdwn("None: every code that arrived matched a campaign.")] });
  } else {
    blocks.push({
      type: "context",
      elements: [
        mrkdwn(
          "Leads kept these codes because no campaign has them. Pick a campaign to move them there; later leads with the code follow.",
        ),
      ],
    });
    const options = list.campaigns.slice(0, Limits.selectOptions).map((c) => option(c.id, c.name));
    for (const code of list.codes) blocks.push(codeBlock(code, options));
  }
  return modal(blocks);
}

function sourceBlocks(source: LeadSourcesList["sources"][number]): KnownBlock[] {
  const last = source.lastReceivedAt ? `last received ${slackDate(source.lastReceivedAt)}` : "nothing received yet";
  const counts = `${plural(source.receivedCount, "lead")}${source.badSignatureCount > 0 ? ` · ${source.badSignatureCount} refused (bad signature)` : ""}`;
  const mapped = Object.keys(source.fieldMap).length;
  const details = [
    `${providerLabel(source.provider)} · ${last} · ${counts}`,
    `\`POST ${truncate(source.url, 400)}\``,
    `Default campaign: ${source.campaignName ? escapeMrkdwn(source.campaignName) : "none"} · ${plural(mapped, "field")} mapped`,
  ];
  return [
    { type: "divider" },
    {
      type: "section",
      block_id: `source:${source.id}`,
      text: mrkdwn(`*${escapeMrkdwn(truncate(source.name, 100))}*\n${details.join("\n")}`),
    },
    {
      type: "actions",
      elements: [
        { type: "button", action_id: LeadSourceIds.edit, value: source.id, text: plain("Edit mapping", Limits.buttonText) },
        {
          type: "button",
          action_id: LeadSourceIds.rotate,
          value: source.id,
          text: plain("New secret", Limits.buttonText),
          confirm: confirm(
            "Make a new secret?",
            `The current secret of ${source.name} stops working at once: update it in ${providerLabel(source.provider)}.`,
            "Make new",
          ),
        },
        {
          type: "button",
          action_id: LeadSourceIds.remove,
          value: source.id,
          style: "danger",
          text: plain("Remove", Limits.buttonText),
          confirm: confirm("Remove this source?", `Requests to its address will be refused. Leads it sent stay.`, "Remove"),
        },
      ],
    },
  ];
}

function codeBlock(code: UnmatchedCode, options: PlainTextOption[]): KnownBlock {
  const text = mrkdwn(`\`${escapeMrkdwn(truncate(code.code, 200))}\` · ${plural(code.leads, "lead")}`);
  if (options.length === 0) return { type: "section", text };
  return {
    type: "section",
    block_id: `code:${truncate(code.code, 240)}`,
    text,
    accessory: {
      type: "static_select",
      action_id: LeadSourceIds.mapCode,
      placeholder: plain("Map to a campaign", Limits.placeholder),
      options,
    },
  };
}

const confirm = (title: string, text: string, yes: string) => ({
  title: plain(title, 100),
  text: plain(text, 300),
  confirm: plain(yes, 30),
  deny: plain("Cancel", 30),
});

/** The address and the secret, shown once (after adding a source, or making a new secret). */
export function sourceSecretView(info: { name: string; url: string; secret: string | null; steps: string; rotated?: boolean }): ModalView {
  const secret = info.secret
    ? `*Secret* (shown only now: copy it)\n\`${info.secret}\``
    : "*Secret*: the one you gave Baton, from the provider.";
  return {
    type: "modal",
    callback_id: LeadSourceIds.secretView,
    title: plain(info.rotated ? "New secret" : "Source added", Limits.modalTitle),
    close: plain("Done"),
    blocks: [
      {
        type: "section",
        text: mrkdwn(
          `:white_check_mark: *${escapeMrkdwn(truncate(info.name, 100))}*${info.rotated ? ": the old secret no longer works." : " is ready."}`,
        ),
      },
      { type: "section", text: mrkdwn(`*Address*\n\`POST ${truncate(info.url, 500)}\``) },
      { type: "section", text: mrkdwn(secret) },
      { type: "section", text: mrkdwn(`*Where it goes*\n${info.steps}`, Limits.sectionText) },
    ],
  };
}
