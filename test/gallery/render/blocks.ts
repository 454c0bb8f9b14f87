// Block Kit blocks and elements drawn approximately as Slack draws them. Unknown kinds are drawn as a labelled
// box rather than dropped, so a reviewer sees that the gallery does not know them yet.
import { type Directory, escapeHtml } from "./html.js";
import { mrkdwnToHtml, plainToHtml } from "./mrkdwn.js";
import { richTextHtml } from "./rich-text.js";

/** Block Kit JSON, read without trusting its shape. */
export type Node = Record<string, unknown>;

const obj = (n: Node, key: string): Node | undefined => {
  const v = n[key];
  return typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Node) : undefined;
};
const list = (n: Node, key: string): Node[] => (Array.isArray(n[key]) ? (n[key] as Node[]) : []);
const str = (n: Node | undefined, key: string): string | undefined => (typeof n?.[key] === "string" ? (n[key] as string) : undefined);

/** Where image blocks find their pictures: uploaded files by id, by url, or any file when the gallery has one. */
export interface Pictures {
  slackFiles?: Record<string, string>;
  /** Used for a slack_file the map does not name (the gallery uploads one chart per digest). */
  anyFile?: string;
}

export interface RenderContext {
  dir: Directory;
  pictures: Pictures;
}

/** A text object (mrkdwn or plain_text) as HTML. */
export function textObject(t: Node | undefined, ctx: RenderContext): string {
  if (!t) return "";
  const text = str(t, "text") ?? "";
  return t.type === "mrkdwn" ? mrkdwnToHtml(text, ctx.dir) : plainToHtml(text);
}

const user = (id: string | undefined, ctx: RenderContext) => (id ? (ctx.dir.users[id] ?? id) : "");

function field(value: string, placeholder: string | undefined, icon = "", caret = false, extraClass = ""): string {
  const shown = value ? `<span class="value">${value}</span>` : `<span class="placeholder">${placeholder ?? ""}</span>`;
  return `<div class="field ${extraClass}">${icon ? `<span class="icon">${icon}</span>` : ""}${shown}${caret ? '<span class="caret">⌄</span>' : ""}</div>`;
}

function optionText(o: Node | undefined, ctx: RenderContext): string {
  return textObject(obj(o ?? {}, "text"), ctx);
}

/** An interactive or display element (button, select, input, image...). */
export function element(e: Node, ctx: RenderContext): string {
  const placeholder = textObject(obj(e, "placeholder"), ctx);
  switch (e.type) {
    case "button": {
      const style = str(e, "style");
      return `<span class="button${style ? ` ${style}` : ""}">${textObject(obj(e, "text"), ctx)}</span>`;
    }
    case "overflow":
      return '<span class="button overflow">⋯</span>';
    case "static_select":
    case "external_select":
      return field(optionText(obj(e, "initial_option"), ctx), placeholder || "Select an item", "", true, "select");
    case "multi_static_select":
    case "multi_external_select":
      return field(
        list(e, "initial_options")
          .map((o) => `<span class="chip">${optionText(o, ctx)}</span>`)
          .join(""),
        placeholder || "Select items",
        "",
        true,
        "select",
      );
    case "users_select":
      return field(escapeHtml(user(str(e, "initial_user"), ctx)), placeholder || "Select a person", "👤", true, "select");
    case "multi_users_select": {
      const users = Array.isArray(e.initial_users) ? (e.initial_users as string[]) : [];
      return field(
        users.map((id) => `<span class="chip">👤 ${escapeHtml(user(id, ctx))}</span>`).join(""),
        placeholder || "Select people",
        "",
        true,
        "select",
      );
    }
    case "conversations_select":
    case "channels_select": {
      const id = str(e, "initial_conversation") ?? str(e, "initial_channel");
      return field(id ? `# ${escapeHtml(ctx.dir.channels[id] ?? id)}` : "", placeholder || "Select a channel", "", true, "select");
    }
    case "plain_text_input":
    case "url_text_input":
    case "email_text_input":
    case "number_input": {
      const multiline = e.multiline === true;
      return field(plainToHtml(str(e, "initial_value") ?? ""), placeholder, "", false, multiline ? "multiline" : "");
    }
    case "datepicker":
      return field(escapeHtml(formatDay(str(e, "initial_date"))), placeholder || "Select a date", "📅");
    case "timepicker":
      return field(escapeHtml(str(e, "initial_time") ?? ""), placeholder || "Select time", "🕘");
    case "checkboxes":
    case "radio_buttons": {
      const chosen = new Set(
        [...list(e, "initial_options"), ...(obj(e, "initial_option") ? [obj(e, "initial_option") as Node] : [])].map((o) =>
          str(o, "value"),
        ),
      );
      const box = e.type === "checkboxes" ? ["☑", "☐"] : ["◉", "○"];
      const rows = list(e, "options").map((o) => {
        const on = chosen.has(str(o, "value"));
        const description = obj(o, "description") ? `<div class="hint">${textObject(obj(o, "description"), ctx)}</div>` : "";
        return `<div class="choice${on ? " on" : ""}"><span class="box">${on ? box[0] : box[1]}</span><span>${optionText(o, ctx)}${description}</span></div>`;
      });
      return `<div class="choices">${rows.join("")}</div>`;
    }
    case "image":
      return `<img class="inline-image" src="${escapeHtml(imageSource(e, ctx))}" alt="${escapeHtml(str(e, "alt_text") ?? "")}">`;
    case "mrkdwn":
    case "plain_text":
      return `<span class="context-text">${textObject(e, ctx)}</span>`;
    default:
      return unknown(String(e.type));
  }
}

const unknown = (type: string) => `<span class="unknown">${escapeHtml(type)} (not drawn by the gallery)</span>`;

function formatDay(day: string | undefined): string {
  if (!day) return "";
  const date = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(date.getTime())
    ? day
    : date.toLocaleDateString("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });
}

function imageSource(n: Node, ctx: RenderContext): string {
  const url = str(n, "image_url");
  if (url) return url;
  const file = obj(n, "slack_file");
  const key = str(file, "id") ?? str(file, "url") ?? "";
  return ctx.pictures.slackFiles?.[key] ?? ctx.pictures.anyFile ?? "";
}

function section(b: Node, ctx: RenderContext): string {
  const text = obj(b, "text") ? `<div class="text">${textObject(obj(b, "text"), ctx)}</div>` : "";
  const fields = list(b, "fields");
  const grid = fields.length > 0 ? `<div class="fields">${fields.map((f) => `<div>${textObject(f, ctx)}</div>`).join("")}</div>` : "";
  const accessory = obj(b, "accessory");
  const side = accessory ? `<div class="accessory">${element(accessory, ctx)}</div>` : "";
  return `<div class="block section"><div class="main">${text}${grid}</div>${side}</div>`;
}

function input(b: Node, ctx: RenderContext): string {
  const optional = b.optional === true ? ' <span class="optional">(optional)</span>' : "";
  const el = obj(b, "element") ?? {};
  const hint = obj(b, "hint") ? `<div class="hint">${textObject(obj(b, "hint"), ctx)}</div>` : "";
  return `<div class="block input"><label>${textObject(obj(b, "label"), ctx)}${optional}</label>${element(el, ctx)}${hint}</div>`;
}

/** One block as HTML. */
export function block(b: Node, ctx: RenderContext): string {
  switch (b.type) {
    case "section":
      return section(b, ctx);
    case "header":
      return `<div class="block header">${textObject(obj(b, "text"), ctx)}</div>`;
    case "divider":
      return '<hr class="block divider">';
    case "context":
      return `<div class="block context">${list(b, "elements")
        .map((e) => element(e, ctx))
        .join("")}</div>`;
    case "actions":
      return `<div class="block actions">${list(b, "elements")
        .map((e) => element(e, ctx))
        .join("")}</div>`;
    case "input":
      return input(b, ctx);
    case "rich_text":
      return richTextHtml(b, ctx);
    case "image": {
      const title = obj(b, "title") ? `<div class="image-title">${textObject(obj(b, "title"), ctx)} ▾</div>` : "";
      const src = imageSource(b, ctx);
      const picture = src
        ? `<img src="${escapeHtml(src)}" alt="${escapeHtml(str(b, "alt_text") ?? "")}">`
        : `<div class="missing-image">${escapeHtml(str(b, "alt_text") ?? "image")}</div>`;
      return `<div class="block image">${title}${picture}</div>`;
    }
    default:
      return `<div class="block">${unknown(String(b.type))}</div>`;
  }
}

export const blocksToHtml = (blocks: readonly unknown[], ctx: RenderContext) => blocks.map((b) => block(b as Node, ctx)).join("\n");
