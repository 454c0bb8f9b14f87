// Checks a message or modal against Slack's Block Kit limits (shared/docs/slack-platform.md); returns the problems.
const TOTAL_MESSAGE_CHARS = 12_000; // messages of ~13k characters of blocks have been refused (bolt-js#2509)

type Json = any;

export function blockKitProblems(
  surface: { text?: string; blocks: Json[]; title?: Json; private_metadata?: string },
  kind: "message" | "modal",
): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok) problems.push(what);
  };
  const textOf = (t: Json) => (typeof t?.text === "string" ? t.text : "");
  check(surface.blocks.length <= (kind === "message" ? 50 : 100), `${surface.blocks.length} blocks`);
  if (kind === "message") {
    check(typeof surface.text === "string" && surface.text.length > 0 && surface.text.length <= 40_000, "missing or huge text fallback");
    check(JSON.stringify(surface.blocks).length <= TOTAL_MESSAGE_CHARS, `blocks are ${JSON.stringify(surface.blocks).length} characters`);
  } else {
    check(textOf(surface.title).length <= 24, "modal title over 24");
    check((surface.private_metadata ?? "").length <= 3000, "private_metadata over 3000");
  }
  const option = (o: Json) => {
    check(textOf(o.text).length <= 75, `option text over 75: ${textOf(o.text).slice(0, 40)}`);
    check(String(o.value ?? "").length <= 75, "option value over 75");
  };
  const element = (e: Json) => {
    if (e.type === "button") {
      check(textOf(e.text).length <= 75, "button text over 75");
      check(String(e.value ?? "").length <= 2000, "button value over 2000");
      if (e.confirm) {
        check(textOf(e.confirm.title).length <= 100, "confirm title over 100");
        check(textOf(e.confirm.text).length <= 300, "confirm text over 300");
      }
    }
    if (e.type === "static_select") check((e.options ?? []).length <= 100, "over 100 select options");
    if (e.type === "checkboxes" || e.type === "radio_buttons") check((e.options ?? []).length <= 10, "over 10 checkbox/radio options");
    for (const o of e.options ?? []) option(o);
    if (e.placeholder) check(textOf(e.placeholder).length <= 150, "placeholder over 150");
    check(String(e.action_id ?? "").length <= 255, "action_id over 255");
  };
  for (const block of surface.blocks) {
    check(String(block.block_id ?? "").length <= 255, "block_id over 255");
    switch (block.type) {
      case "header":
        check(block.text?.type === "plain_text" && textOf(block.text).length <= 150 && textOf(block.text).length > 0, "header text");
        break;
      case "section":
        check(Boolean(block.text || block.fields), "empty section");
        if (block.text)
          check(textOf(block.text).length >= 1 && textOf(block.text).length <= 3000, `section text of ${textOf(block.text).length}`);
        if (block.fields) {
          check(block.fields.length <= 10, "over 10 fields");
          for (const f of block.fields) check(textOf(f).length <= 2000, "field over 2000");
        }
        if (block.accessory) element(block.accessory);
        break;
      case "context":
        check(block.elements.length >= 1 && block.elements.length <= 10, "context elements");
        for (const e of block.elements) check(textOf(e).length <= 3000, "context text over 3000");
        break;
      case "actions":
        check(block.elements.length <= 25, "over 25 actions");
        for (const e of block.elements) element(e);
        break;
      case "input":
        check(textOf(block.label).length <= 2000, "input label over 2000");
        element(block.element);
        break;
      case "divider":
      case "image":
        break;
      default:
        problems.push(`unknown block ${block.type}`);
    }
  }
  return problems;
}

/** Every text object's text in blocks (mrkdwn and plain_text: sections, fields, contexts, buttons, titles), in order. */
export function textsOf(blocks: Json[]): string[] {
  const texts: string[] = [];
  const walk = (node: Json) => {
    if (Array.isArray(node)) for (const item of node) walk(item);
    else if (node && typeof node === "object") {
      if ((node.type === "mrkdwn" || node.type === "plain_text") && typeof node.text === "string") texts.push(node.text);
      else for (const value of Object.values(node)) walk(value);
    }
  };
  walk(blocks);
  return texts;
}

/** How much a person reads: the characters of every text object (what the digest budget counts). */
export const textLength = (blocks: Json[]) => textsOf(blocks).reduce((sum, text) => sum + text.length, 0);

/** Every button in blocks, in order, as "action_id=value". */
export function buttonsIn(blocks: Json[]): string[] {
  const buttons: string[] = [];
  const walk = (node: Json) => {
    if (Array.isArray(node)) for (const item of node) walk(item);
    else if (node && typeof node === "object") {
      if (node.type === "button") buttons.push(`${node.action_id}=${node.value ?? ""}`);
      else for (const value of Object.values(node)) walk(value);
    }
  };
  walk(blocks);
  return buttons;
}
