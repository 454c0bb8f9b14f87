// The gallery as HTML: one page with every surface, and one page per surface (for its PNG).
import { declaredBuilders } from "../builders.js";
import type { Surface } from "../surface.js";
import type { SurfaceGroup } from "../surfaces/index.js";
import { frameHtml } from "./frames.js";
import { type Directory, escapeHtml } from "./html.js";
import { STYLES } from "./styles.js";

export interface RenderedSurface {
  surface: Surface;
  /** The surface's own page, for its screenshot. */
  page: string;
  /** The surface's section of the gallery page. */
  section: string;
}

export interface Gallery {
  index: string;
  surfaces: RenderedSurface[];
}

const document = (title: string, bodyClass: string, body: string) =>
  `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(
    title,
  )}</title><style>${STYLES}</style></head><body class="${bodyClass}"><main>${body}</main></body></html>\n`;

/** Renders every surface, by group; `root` is the repository (to name each builder's file). */
export function renderGallery(groups: SurfaceGroup[], dir: Directory, root: string): Gallery {
  const surfaces = groups.flatMap((g) => g.surfaces);
  const files = new Map(declaredBuilders(root).map((b) => [b.name, b.file]));
  const rendered = surfaces.map((surface) => {
    const file = files.get(surface.builder.name) ?? "src/slack/blocks/";
    const section = frameHtml(surface, dir, file);
    // The surface's own page is what its PNG shows: Slack's look alone, without the notification text.
    const page = document(`${surface.id} · Baton gallery`, "surface-page", frameHtml(surface, dir, file, false));
    return { surface, section, page };
  });
  const sectionOf = new Map(rendered.map((r) => [r.surface, r.section]));
  const anchor = (title: string) => `group-${groups.findIndex((g) => g.title === title)}`;
  const link = (id: string, text: string) => `<a href="#${escapeHtml(id)}">${escapeHtml(text)}</a>`;
  const toc = groups
    .map(
      (g) =>
        `<li>${link(anchor(g.title), g.title)} (${g.surfaces.length})<ul>${g.surfaces.map((s) => `<li>${link(s.id, s.title)}</li>`).join("")}</ul></li>`,
    )
    .join("");
  const body = groups
    .map((g) => `<h2 id="${anchor(g.title)}">${escapeHtml(g.title)}</h2>${g.surfaces.map((s) => sectionOf.get(s) ?? "").join("\n")}`)
    .join("\n");
  const builders = new Set(surfaces.map((s) => s.builder.name)).size;
  const intro = `<h1>Baton: every surface</h1><p class="intro">${surfaces.length} surfaces from ${builders} Block Kit builders, drawn from realistic fixtures the way Slack draws them (approximately: modal inputs in particular). Regenerate with <code>npm run gallery</code>; look here before merging a change to a surface.</p>`;
  const index = document("Baton gallery", "gallery", `${intro}<ol class="toc">${toc}</ol>${body}`);
  return { index, surfaces: rendered };
}
