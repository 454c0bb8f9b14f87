// Slack's mrkdwn as Slack shows it: *bold*, _italic_, ~strike~, `code`, ```pre```, > quotes, links, mentions,
// user groups, date tokens and emoji. Everything that is not markup is HTML-escaped, so text people typed (which
// Baton escapes as &lt; &gt; &amp;) shows as the characters they typed and never becomes HTML.
import { DateTime } from "luxon";
import { emojify } from "./emoji.js";
import { type Directory, decodeSlackEntities, escapeHtml } from "./html.js";

/** Plain text (emoji: true) as Slack shows it: escaped, with emoji. */
export function plainToHtml(text: string): string {
  return emojify(escapeHtml(text)).replaceAll("\n", "<br>");
}

/** A stash of rendered fragments, so later passes never see (or re-escape) them. */
class Stash {
  private readonly parts: string[] = [];
  put(html: string): string {
    this.parts.push(html);
    return `\uE000${this.parts.length - 1}\uE000`;
  }
  restore(text: string): string {
    // Fragments may hold other fragments (a link inside bold text): restore until none is left.
    let out = text;
    while (out.includes("\uE000")) out = out.replace(/\uE000(\d+)\uE000/g, (_, i: string) => this.parts[Number(i)] ?? "");
    return out;
  }
}

const OPEN = "(^|[\\s([{>;\"'“‘/\\-\\uE000])";
const CLOSE = "(?=$|[\\s)\\]}<&.,;:!?\"'”’/\\-…\\uE000])";
// Slack styles a run only at word edges: "*bold*" but not "2*3*4"; the run may not start or end with a space.
const style = (mark: string) => {
  const m = `\\${mark}`;
  return new RegExp(`${OPEN}${m}([^\\s${mark}](?:[^${mark}\\n]*?[^\\s${mark}])?)${m}${CLOSE}`, "g");
};
const styles: [RegExp, string][] = [
  [style("*"), "b"],
  [style("_"), "i"],
  [style("~"), "s"],
];

function styled(text: string): string {
  let out = text;
  // Twice, so nested styles (*_both_*) are found.
  for (let pass = 0; pass < 2; pass++) {
    for (const [re, tag] of styles) out = out.replace(re, (_, before: string, inner: string) => `${before}<${tag}>${inner}</${tag}>`);
  }
  return out;
}

const safeHref = (url: string) => /^(https?:|mailto:|slack:)/i.test(url);

function dateToken(body: string, fallback: string, dir: Directory): string {
  const [, seconds = "", format = "", link] = body.split("^");
  const at = DateTime.fromSeconds(Number(seconds), { zone: dir.zone }).setLocale("en-US");
  if (!at.isValid) return escapeHtml(fallback);
  const today = DateTime.fromJSDate(dir.now, { zone: dir.zone }).startOf("day");
  const days = Math.round(at.startOf("day").diff(today, "days").days);
  const relative = days === 0 ? "Today" : days === -1 ? "Yesterday" : days === 1 ? "Tomorrow" : null;
  const ordinal = (d: number) =>
    `${d}${d % 10 === 1 && d !== 11 ? "st" : d % 10 === 2 && d !== 12 ? "nd" : d % 10 === 3 && d !== 13 ? "rd" : "th"}`;
  const long = `${at.toFormat("LLLL")} ${ordinal(at.day)}, ${at.year}`;
  const tokens: Record<string, string> = {
    date_num: at.toFormat("yyyy-LL-dd"),
    date: long,
    date_short: at.toFormat("LLL d, yyyy"),
    date_long: `${at.toFormat("cccc")}, ${long}`,
    date_pretty: relative ?? long,
    date_short_pretty: relative ?? at.toFormat("LLL d, yyyy"),
    date_long_pretty: relative ?? `${at.toFormat("cccc")}, ${long}`,
    time: at.toFormat("h:mm a"),
    time_secs: at.toFormat("h:mm:ss a"),
    ago: agoText(at, dir.now),
  };
  const text = escapeHtml(format.replace(/\{(\w+)\}/g, (whole, name: string) => tokens[name] ?? whole));
  return link && safeHref(link) ? `<a class="date" href="${escapeHtml(link)}">${text}</a>` : `<span class="date">${text}</span>`;
}

function agoText(at: DateTime, now: Date): string {
  const minutes = Math.round((now.getTime() - at.toMillis()) / 60_000);
  if (Math.abs(minutes) < 1) return "just now";
  if (Math.abs(minutes) < 60) return minutes > 0 ? `${minutes} minutes ago` : `in ${-minutes} minutes`;
  const hours = Math.round(minutes / 60);
  if (Math.abs(hours) < 24) return hours > 0 ? `${hours} hours ago` : `in ${-hours} hours`;
  const days = Math.round(hours / 24);
  return days > 0 ? `${days} days ago` : `in ${-days} days`;
}

/** One <…> token: a mention, channel, user group, special mention, date or link. */
function angle(inner: string, dir: Directory): string {
  const bar = inner.indexOf("|");
  const target = bar >= 0 ? inner.slice(0, bar) : inner;
  const label = bar >= 0 ? decodeSlackEntities(inner.slice(bar + 1)) : null;
  if (target.startsWith("@")) {
    const id = target.slice(1);
    return `<span class="mention">@${escapeHtml(dir.users[id] ?? label ?? id)}</span>`;
  }
  if (target.startsWith("#")) {
    const id = target.slice(1);
    return `<span class="mention channel">#${escapeHtml(dir.channels[id] ?? label ?? id)}</span>`;
  }
  if (target.startsWith("!subteam^")) {
    const id = target.slice("!subteam^".length);
    const name = dir.userGroups[id] ?? label?.replace(/^@/, "") ?? id;
    return `<span class="mention">@${escapeHtml(name)}</span>`;
  }
  if (target.startsWith("!date^")) return dateToken(target, label ?? "", dir);
  if (target.startsWith("!")) return `<span class="mention">@${escapeHtml(label ?? target.slice(1))}</span>`;
  const url = decodeSlackEntities(target);
  const text = escapeHtml(label ?? url);
  return safeHref(url) ? `<a href="${escapeHtml(url)}">${text}</a>` : text;
}

/** Inline text: links and code set aside, the rest escaped, then bold/italic/strike and emoji. */
function inline(text: string, dir: Directory, stash: Stash): string {
  let out = text.replace(/`([^`\n]+)`/g, (_, code: string) => stash.put(`<code>${escapeHtml(decodeSlackEntities(code))}</code>`));
  out = out.replace(/<([^<>\n]+)>/g, (_, inner: string) => stash.put(angle(inner, dir)));
  out = escapeHtml(decodeSlackEntities(out));
  return emojify(styled(out));
}

const isQuote = (line: string) => /^(>|&gt;)/.test(line);
const unquote = (line: string) => line.replace(/^(>|&gt;) ?/, "");

/** A mrkdwn text object's text as HTML. */
export function mrkdwnToHtml(text: string, dir: Directory): string {
  const stash = new Stash();
  // ```pre``` first: nothing inside is markup.
  const withoutPre = text.replace(/```\n?([\s\S]*?)```/g, (_, pre: string) =>
    stash.put(`<pre>${escapeHtml(decodeSlackEntities(pre.replace(/\n$/, "")))}</pre>`),
  );
  const lines = withoutPre.split("\n");
  const html: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (isQuote(line)) {
      const quoted: string[] = [];
      while (i < lines.length && isQuote(lines[i] ?? "")) quoted.push(inline(unquote(lines[i++] ?? ""), dir, stash));
      i--;
      html.push(`<blockquote>${quoted.join("<br>")}</blockquote>`);
    } else {
      html.push(inline(line, dir, stash) + (i < lines.length - 1 && !isQuote(lines[i + 1] ?? "") ? "<br>" : ""));
    }
  }
  return stash.restore(html.join(""));
}
