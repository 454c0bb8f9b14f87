// `/baton brand`: the brand and message guide both teams use, and the modal admins edit it in.
import type { KnownBlock, ModalView } from "@slack/types";
import type { BrandGuideView } from "../../domain/playbook/brand-guide.js";
import { BRAND_LIMITS } from "../../domain/playbook/brand-input.js";
import type { RecordedChange } from "../../domain/playbook/recorded-change.js";
import { PlaybookActions, PlaybookViews } from "../ids.js";
import { textInput, urlInput } from "./inputs.js";
import type { Message } from "./message.js";
import { adminsOnlyLine, bullet, lastChangeContext, sectionsOf } from "./playbook-common.js";
import { escapeMrkdwn, Limits, mrkdwn, plain } from "./text.js";

const link = (url: string, label: string) => `<${url.replace(/[<>|]/g, "")}|${label}>`;

export function brandGuideMessage(guide: BrandGuideView, canEdit: boolean, lastChange: RecordedChange | null): Message {
  const blocks: KnownBlock[] = [{ type: "header", text: plain("Brand and message guide", Limits.headerText) }];
  const empty =
    !guide.positioning &&
    !guide.tone &&
    guide.keyMessages.length === 0 &&
    guide.wordsToAvoid.length === 0 &&
    !guide.logoUrl &&
    !guide.templatesUrl;
  if (empty) blocks.push({ type: "section", text: mrkdwn("The guide is empty so far.") });
  if (guide.positioning) blocks.push({ type: "section", text: mrkdwn(`*Positioning*\n${escapeMrkdwn(guide.positioning)}`) });
  if (guide.tone) blocks.push({ type: "section", text: mrkdwn(`*Tone of voice*\n${escapeMrkdwn(guide.tone)}`) });
  if (guide.keyMessages.length > 0) blocks.push(...sectionsOf(["*Key messages*", ...guide.keyMessages.map(bullet)]));
  if (guide.wordsToAvoid.length > 0) blocks.push(...sectionsOf(["*Words to avoid*", escapeMrkdwn(guide.wordsToAvoid.join(", "))]));
  const links = [guide.logoUrl ? link(guide.logoUrl, "Logo") : "", guide.templatesUrl ? link(guide.templatesUrl, "Templates") : ""].filter(
    Boolean,
  );
  if (links.length > 0) blocks.push({ type: "section", text: mrkdwn(`*Links*\n${links.join(" · ")}`) });
  if (canEdit) {
    blocks.push({
      type: "actions",
      block_id: "brand_actions",
      elements: [
        { type: "button", action_id: PlaybookActions.editBrand, value: "brand", text: plain("Edit the guide", Limits.buttonText) },
      ],
    });
  }
  blocks.push(lastChangeContext(lastChange));
  if (!canEdit) blocks.push({ type: "context", elements: [mrkdwn(adminsOnlyLine)] });
  const text = guide.positioning ? `Brand and message guide: ${escapeMrkdwn(guide.positioning)}` : "Brand and message guide";
  return { text, blocks: blocks.slice(0, Limits.messageBlocks) };
}

export function brandGuideModal(guide: BrandGuideView): ModalView {
  return {
    type: "modal",
    callback_id: PlaybookViews.brand,
    title: plain("Brand guide", Limits.modalTitle),
    submit: plain("Save", Limits.modalTitle),
    close: plain("Cancel", Limits.modalTitle),
    private_metadata: JSON.stringify({ version: guide.version }),
    blocks: [
      textInput("positioning", { label: "Positioning line", optional: true, initial: guide.positioning, max: BRAND_LIMITS.positioning }),
      textInput("tone", { label: "Tone of voice", optional: true, multiline: true, initial: guide.tone, max: BRAND_LIMITS.tone }),
      textInput("keyMessages", {
        label: "Key messages",
        optional: true,
        multiline: true,
        initial: guide.keyMessages.join("\n"),
        max: 3000,
        hint: `One per line, at most ${BRAND_LIMITS.keyMessages} of up to ${BRAND_LIMITS.keyMessage} characters. Campaigns pick one of them.`,
      }),
      textInput("wordsToAvoid", {
        label: "Words to avoid",
        optional: true,
        multiline: true,
        initial: guide.wordsToAvoid.join(", "),
        max: 3000,
        hint: "Separated by commas or one per line.",
      }),
      urlInput("logoUrl", { label: "Link to the logo", optional: true, initial: guide.logoUrl }),
      urlInput("templatesUrl", { label: "Link to the templates", optional: true, initial: guide.templatesUrl }),
    ],
  };
}
