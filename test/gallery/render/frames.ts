// Each surface in the frame Slack draws around it: a channel or DM with Baton's message, a modal, the App Home.
import { CHART_FILE } from "../../../src/slack/charts/digest-chart.js";
import type { Surface } from "../surface.js";
import { blocksToHtml, type Node, type RenderContext, textObject } from "./blocks.js";
import { type Directory, escapeHtml } from "./html.js";
import { sizeLine } from "./metrics.js";
import { mrkdwnToHtml, plainToHtml } from "./mrkdwn.js";

const AVATAR = '<div class="avatar">B</div>';

function timeOf(dir: Directory): string {
  return dir.now.toLocaleTimeString("en-US", { hour: "numeric", minute: "2-digit", timeZone: dir.zone });
}

function messageRow(blocksHtml: string, dir: Directory, above = ""): string {
  return `<div class="message">${AVATAR}<div class="body">${above}<div><span class="sender">Baton</span><span class="app-badge">APP</span><span class="time">${timeOf(dir)}</span></div>${blocksHtml}</div></div>`;
}

function messageFrame(surface: Extract<Surface, { kind: "message" }>, dir: Directory): string {
  const message = surface.render();
  const chart = surface.chart ? `data:${CHART_FILE.mimetype};base64,${surface.chart.image().toString("base64")}` : undefined;
  const ctx: RenderContext = { dir, pictures: chart ? { anyFile: chart } : {} };
  const where = surface.where.startsWith("#") ? escapeHtml(surface.where) : `Baton <small>${escapeHtml(surface.where)}</small>`;
  const ephemeral = surface.ephemeral ? '<div class="ephemeral">👁️ Only visible to you</div>' : "";
  const blocks = message.blocks.length > 0 ? blocksToHtml(message.blocks, ctx) : `<div class="text">${plainToHtml(message.text)}</div>`;
  const usesChart = JSON.stringify(message.blocks).includes('"slack_file"');
  const thread =
    chart && surface.chart && !usesChart
      ? `<div class="thread"><div class="thread-title">1 reply</div>${messageRow(
          `<div class="block image"><div class="image-title">${escapeHtml(surface.chart.title)} ▾</div><img src="${chart}" alt="${escapeHtml(surface.chart.alt)}"></div>`,
          dir,
        )}</div>`
      : "";
  return `<div class="channel-bar">${where}</div>${messageRow(blocks, dir, ephemeral)}${thread}`;
}

function modalFrame(surface: Extract<Surface, { kind: "modal" }>, dir: Directory): string {
  const view = surface.render() as unknown as Node;
  const ctx: RenderContext = { dir, pictures: {} };
  const text = (key: string) => textObject(view[key] as Node | undefined, ctx);
  const close = view.close ? `<span class="button">${text("close")}</span>` : "";
  const submit = view.submit ? `<span class="button submit">${text("submit")}</span>` : "";
  const footer = close || submit ? `<div class="modal-footer">${close}${submit}</div>` : "";
  return `<div class="backdrop"><div class="modal"><div class="modal-title">${AVATAR}<span>${text("title")}</span><span class="close">✕</span></div><div class="modal-body">${blocksToHtml(
    (view.blocks as unknown[]) ?? [],
    ctx,
  )}</div>${footer}</div></div>`;
}

function homeFrame(surface: Extract<Surface, { kind: "home" }>, dir: Directory): string {
  const view = surface.render();
  const ctx: RenderContext = { dir, pictures: {} };
  return `<div class="home-top"><div class="home-app">${AVATAR}Baton</div><div class="tabs"><span class="on">Home</span><span>Messages</span><span>About</span></div></div><div class="home-body">${blocksToHtml(
    view.blocks,
    ctx,
  )}</div>`;
}

/** A message's text, which notifications and screen readers get: shown under the frame, not as part of Slack's look. */
function notificationHtml(surface: Surface, dir: Directory): string {
  if (surface.kind !== "message") return "";
  return `<div class="notification"><b>Notification text:</b> ${mrkdwnToHtml(surface.render().text, dir)}</div>`;
}

/**
 * The surface with its caption (its name, the builder that makes it, who sees it, its size) and, on the gallery
 * page, the notification text under it.
 */
export function frameHtml(surface: Surface, dir: Directory, file: string, withNotification = true): string {
  let frame: string;
  let size: string;
  let notification = "";
  try {
    frame =
      surface.kind === "message"
        ? messageFrame(surface, dir)
        : surface.kind === "modal"
          ? modalFrame(surface, dir)
          : homeFrame(surface, dir);
    size = sizeLine(surface.render().blocks);
    if (withNotification) notification = notificationHtml(surface, dir);
  } catch (error) {
    // One broken fixture shows where it broke instead of taking the whole gallery down.
    frame = `<div class="render-error"><b>This surface failed to render:</b> ${escapeHtml(error instanceof Error ? error.message : String(error))}</div>`;
    size = "not rendered";
  }
  const caption = `<div class="caption"><b>${escapeHtml(surface.title)}</b> · <code>${escapeHtml(surface.builder.name)}()</code> in <code>${escapeHtml(
    file,
  )}</code> · seen by ${escapeHtml(surface.seenBy)} · <span class="size">${size}</span></div>`;
  return `<section class="surface" id="${escapeHtml(surface.id)}" data-builder="${escapeHtml(surface.builder.name)}">${caption}<div class="frame">${frame}</div>${notification}</section>`;
}
