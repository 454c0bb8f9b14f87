// rich_text blocks (sections, lists, quotes, preformatted) as Slack draws them.
import type { Node, RenderContext } from "./blocks.js";
import { emojify } from "./emoji.js";
import { escapeHtml } from "./html.js";

const list = (n: Node, key: string): Node[] => (Array.isArray(n[key]) ? (n[key] as Node[]) : []);
const text = (n: Node, key: string) => (typeof n[key] === "string" ? (n[key] as string) : "");

function styled(html: string, style: unknown): string {
  const s = (typeof style === "object" && style !== null ? style : {}) as Record<string, boolean>;
  let out = html;
  if (s.code) out = `<code>${out}</code>`;
  if (s.bold) out = `<b>${out}</b>`;
  if (s.italic) out = `<i>${out}</i>`;
  if (s.strike) out = `<s>${out}</s>`;
  return out;
}

function inline(e: Node, ctx: RenderContext): string {
  switch (e.type) {
    case "text":
      return styled(escapeHtml(text(e, "text")).replaceAll("\n", "<br>"), e.style);
    case "user":
      return `<span class="mention">@${escapeHtml(ctx.dir.users[text(e, "user_id")] ?? text(e, "user_id"))}</span>`;
    case "channel":
      return `<span class="mention channel">#${escapeHtml(ctx.dir.channels[text(e, "channel_id")] ?? text(e, "channel_id"))}</span>`;
    case "usergroup":
      return `<span class="mention">@${escapeHtml(ctx.dir.userGroups[text(e, "usergroup_id")] ?? text(e, "usergroup_id"))}</span>`;
    case "broadcast":
      return `<span class="mention">@${escapeHtml(text(e, "range"))}</span>`;
    case "emoji":
      return emojify(`:${escapeHtml(text(e, "name"))}:`);
    case "link": {
      const url = text(e, "url");
      const label = styled(escapeHtml(text(e, "text") || url), e.style);
      return /^(https?:|mailto:)/i.test(url) ? `<a href="${escapeHtml(url)}">${label}</a>` : label;
    }
    case "date":
      return `<span class="date">${escapeHtml(text(e, "fallback") || new Date(Number(e.timestamp) * 1000).toISOString())}</span>`;
    default:
      return `<span class="unknown">${escapeHtml(String(e.type))}</span>`;
  }
}

const inlines = (n: Node, ctx: RenderContext) =>
  list(n, "elements")
    .map((e) => inline(e, ctx))
    .join("");

function part(p: Node, ctx: RenderContext): string {
  switch (p.type) {
    case "rich_text_section":
      return `<div>${inlines(p, ctx)}</div>`;
    case "rich_text_quote":
      return `<blockquote>${inlines(p, ctx)}</blockquote>`;
    case "rich_text_preformatted":
      return `<pre>${inlines(p, ctx)}</pre>`;
    case "rich_text_list": {
      const tag = p.style === "ordered" ? "ol" : "ul";
      return `<${tag}>${list(p, "elements")
        .map((item) => `<li>${inlines(item, ctx)}</li>`)
        .join("")}</${tag}>`;
    }
    default:
      return `<span class="unknown">${escapeHtml(String(p.type))}</span>`;
  }
}

export const richTextHtml = (b: Node, ctx: RenderContext) =>
  `<div class="block rich-text">${list(b, "elements")
    .map((p) => part(p, ctx))
    .join("")}</div>`;
